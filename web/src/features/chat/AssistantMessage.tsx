import clsx from "clsx";
import type { MessageStatus, Part } from "../../api/types";
import { AlertIcon, RetryIcon } from "../../components/ui/icons";
import { AnswerParts, answerText, hasVisibleContent } from "./AnswerParts";
import { useModels } from "./hooks";
import { CopyButton, SiblingSwitcher, Timestamp } from "./MessageControls";
import type { MessageItemProps } from "./messageProps";
import { useRunState } from "./runStore";
import { UsageNote } from "./UsageNote";

const STATUS_NOTES: Partial<Record<MessageStatus, string>> = {
  cancelled: "You stopped this answer.",
  interrupted: "This answer was interrupted before it finished.",
};

function partsLength(parts: Part[]): number {
  let total = 0;
  for (const part of parts) {
    total += part.type === "text" || part.type === "thinking" ? part.text.length : 1;
  }
  return total;
}

const NO_TOOLS = {};

function ModelName({ id }: { id: string }) {
  const models = useModels();
  const name = models.data?.models.find((m) => m.id === id)?.name ?? id;
  return (
    <span className="ml-2 truncate text-xs text-muted" title={id}>
      {name}
    </span>
  );
}

export function AssistantMessage({
  message,
  canRetry,
  onRetry,
  siblings,
  onPickSibling,
}: MessageItemProps) {
  const run = useRunState(message.id);
  const live = Boolean(run && run.phase !== "finished");
  // After a reload the replay starts from the first event; keep showing the saved partial text
  // until the replay has caught up with it, so the answer never visibly shrinks.
  const parts: Part[] =
    run && (run.phase === "finished" || partsLength(run.parts) >= partsLength(message.parts))
      ? run.parts
      : message.parts;
  const status: MessageStatus = run ? (live ? "streaming" : run.status) : message.status;
  const error = run?.error ?? message.error;
  const text = answerText(parts);
  const lastPart = parts[parts.length - 1];
  const waiting = live && !hasVisibleContent(parts) && lastPart?.type !== "thinking";
  const note = STATUS_NOTES[status];

  return (
    <div className="group" data-role="assistant" data-status={status} aria-busy={live}>
      {waiting && (
        <p className="flex items-center gap-2 font-sans text-sm text-muted" role="status">
          <span className="streaming-caret" aria-hidden="true" />
          {run?.phase === "queued"
            ? `Queued${run.queuePosition ? ` — position ${run.queuePosition}` : ""}…`
            : "Working on it…"}
        </p>
      )}
      <AnswerParts
        parts={parts}
        live={live}
        conversationId={message.conversation_id}
        toolContext={{
          runId: run?.runId ?? message.run_id,
          active: status === "streaming",
          endStatus: status,
          tools: run?.tools ?? NO_TOOLS,
        }}
      />
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
          {message.model && <ModelName id={message.model} />}
          <UsageNote message={message} />
        </div>
      )}
    </div>
  );
}
