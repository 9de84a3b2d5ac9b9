import clsx from "clsx";
import { memo, useState } from "react";
import type { Message, MessageStatus, Part } from "../../api/types";
import {
  AlertIcon,
  CheckIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  CopyIcon,
  PencilIcon,
  RetryIcon,
} from "../../components/ui/icons";
import { formatFullTime, formatMessageTime } from "../../lib/dates";
import { Markdown } from "../../lib/markdown/Markdown";
import { useRunState } from "./runStore";
import { ThinkingBlock } from "./ThinkingBlock";

export interface SiblingInfo {
  index: number;
  ids: string[];
}

interface MessageItemProps {
  message: Message;
  canRetry: boolean;
  onRetry: (messageId: string) => void;
  siblings?: SiblingInfo;
  onPickSibling?: (messageId: string, siblingId: string) => void;
  canEdit?: boolean;
  onEdit?: (messageId: string, text: string) => void;
}

function SiblingSwitcher({
  messageId,
  siblings,
  onPick,
}: {
  messageId: string;
  siblings: SiblingInfo | undefined;
  onPick: ((messageId: string, siblingId: string) => void) | undefined;
}) {
  if (!siblings || siblings.ids.length < 2 || !onPick) return null;
  const { index, ids } = siblings;
  const go = (to: number) => {
    const target = ids[to];
    if (target) onPick(messageId, target);
  };
  return (
    <span className="inline-flex items-center text-xs tabular-nums text-muted">
      <button
        type="button"
        aria-label="Previous version"
        disabled={index === 0}
        onClick={() => go(index - 1)}
        className="flex size-7 items-center justify-center rounded-md hover:bg-line/60 hover:text-ink disabled:opacity-40"
      >
        <ChevronLeftIcon className="size-4" />
      </button>
      <span aria-hidden="true">
        {index + 1} / {ids.length}
      </span>
      <span className="sr-only">
        Version {index + 1} of {ids.length}
      </span>
      <button
        type="button"
        aria-label="Next version"
        disabled={index === ids.length - 1}
        onClick={() => go(index + 1)}
        className="flex size-7 items-center justify-center rounded-md hover:bg-line/60 hover:text-ink disabled:opacity-40"
      >
        <ChevronRightIcon className="size-4" />
      </button>
    </span>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? "Copied" : "Copy message"}
      title={copied ? "Copied" : "Copy message"}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          setCopied(false);
        }
      }}
      className="flex size-8 items-center justify-center rounded-lg text-muted hover:bg-line/60 hover:text-ink"
    >
      {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
    </button>
  );
}

function Timestamp({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatFullTime(iso)} className="text-xs text-muted">
      {formatMessageTime(iso)}
    </time>
  );
}

const STATUS_NOTES: Partial<Record<MessageStatus, string>> = {
  cancelled: "You stopped this answer.",
  interrupted: "This answer was interrupted before it finished.",
};

// The first message has no Edit: the API reads a null parent_id as "after the latest message",
// so a new first message cannot be created as its sibling.
function UserMessage({ message, siblings, onPickSibling, canEdit, onEdit }: MessageItemProps) {
  const text = message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const save = () => {
    const next = draft.trim();
    setEditing(false);
    if (next && next !== text.trim()) onEdit?.(message.id, next);
  };
  if (editing) {
    return (
      <div className="flex flex-col items-end" data-role="user">
        <div className="w-full max-w-[85%] rounded-2xl border border-line-strong bg-surface p-2">
          <label className="sr-only" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={draft}
            rows={Math.min(10, Math.max(2, draft.split("\n").length))}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                save();
              } else if (e.key === "Escape") {
                setEditing(false);
              }
            }}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message.
            autoFocus
            className="block w-full resize-none bg-transparent px-2 py-1.5 text-[0.98rem] leading-relaxed text-ink outline-none focus-visible:outline-none"
          />
          <div className="flex justify-end gap-2 pt-1">
            <button
              type="button"
              onClick={() => setEditing(false)}
              className="rounded-lg px-3 py-1.5 text-sm text-ink-soft hover:bg-sidebar"
            >
              Cancel
            </button>
            <button
              type="button"
              onClick={save}
              disabled={!draft.trim()}
              className="rounded-lg bg-accent-strong px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
            >
              Save and send
            </button>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="group flex flex-col items-end" data-role="user">
      <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-user-bubble px-4 py-2.5 text-[0.98rem] leading-relaxed text-ink">
        {text}
      </div>
      <div
        className={clsx(
          "mt-1 flex h-7 items-center gap-1 transition-opacity focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100",
          siblings && siblings.ids.length > 1 ? "opacity-100" : "opacity-0",
        )}
      >
        <Timestamp iso={message.created_at} />
        <SiblingSwitcher messageId={message.id} siblings={siblings} onPick={onPickSibling} />
        {canEdit && onEdit && message.parent_id && (
          <button
            type="button"
            aria-label="Edit message"
            title="Edit message"
            onClick={() => {
              setDraft(text);
              setEditing(true);
            }}
            className="flex size-8 items-center justify-center rounded-lg text-muted hover:bg-line/60 hover:text-ink"
          >
            <PencilIcon className="size-4" />
          </button>
        )}
        <CopyButton text={text} />
      </div>
    </div>
  );
}

function AssistantMessage({
  message,
  canRetry,
  onRetry,
  siblings,
  onPickSibling,
}: MessageItemProps) {
  const run = useRunState(message.id);
  const live = Boolean(run && run.phase !== "finished");
  const parts: Part[] = run && run.lastSeq > 0 ? run.parts : message.parts;
  const status: MessageStatus = run ? (live ? "streaming" : run.status) : message.status;
  const error = run?.error ?? message.error;
  const text = parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  const lastPart = parts[parts.length - 1];
  const waiting = live && text.length === 0 && lastPart?.type !== "thinking";
  const note = STATUS_NOTES[status];

  return (
    <div className="group" data-role="assistant" data-status={status} aria-busy={live}>
      {parts.map((part, i) =>
        part.type === "thinking" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are append-only; the index is the identity.
          <ThinkingBlock key={i} text={part.text} live={live && i === parts.length - 1} />
        ) : null,
      )}
      {waiting && (
        <p className="flex items-center gap-2 font-sans text-sm text-muted" role="status">
          <span className="streaming-caret" aria-hidden="true" />
          {run?.phase === "queued"
            ? `Queued${run.queuePosition ? ` — position ${run.queuePosition}` : ""}…`
            : "Working on it…"}
        </p>
      )}
      {text.length > 0 && (
        <div className={clsx("prose-parley", live && "is-streaming")} data-testid="assistant-text">
          <Markdown text={text} />
        </div>
      )}
      {status === "error" && (
        <div
          role="alert"
          className="mt-3 flex items-start gap-2.5 rounded-xl border border-danger/30 bg-danger-soft px-3.5 py-2.5 font-sans text-sm text-ink"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
          <span className="flex-1">
            {error?.message ?? "Something went wrong while answering."}
          </span>
        </div>
      )}
      {note && (
        <p className="mt-3 font-sans text-sm italic text-muted" data-testid="status-note">
          {note}
        </p>
      )}
      {!live && (
        <div
          className={clsx(
            "mt-1.5 flex h-8 items-center gap-1 font-sans transition-opacity focus-within:opacity-100 group-hover:opacity-100",
            status === "complete" && !canRetry && !(siblings && siblings.ids.length > 1)
              ? "opacity-0 [@media(hover:none)]:opacity-100"
              : "opacity-100",
          )}
        >
          <SiblingSwitcher messageId={message.id} siblings={siblings} onPick={onPickSibling} />
          {text && <CopyButton text={text} />}
          {canRetry && (
            <button
              type="button"
              onClick={() => onRetry(message.id)}
              className={clsx(
                "inline-flex h-8 items-center gap-1.5 rounded-lg px-2 text-sm transition-colors",
                status === "complete"
                  ? "text-muted hover:bg-line/60 hover:text-ink"
                  : "border border-line-strong text-ink hover:bg-sidebar",
              )}
            >
              <RetryIcon className="size-4" />
              Retry
            </button>
          )}
          <span className="ml-1">
            <Timestamp iso={message.created_at} />
          </span>
          {message.model && (
            <span className="ml-2 truncate text-xs text-muted">{message.model}</span>
          )}
        </div>
      )}
    </div>
  );
}

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  return props.message.role === "user" ? (
    <UserMessage {...props} />
  ) : (
    <AssistantMessage {...props} />
  );
});
