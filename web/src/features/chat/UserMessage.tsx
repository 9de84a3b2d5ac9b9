import clsx from "clsx";
import { useState } from "react";
import { PencilIcon } from "../../components/ui/icons";
import { CopyButton, SiblingSwitcher, Timestamp } from "./MessageControls";
import type { MessageItemProps } from "./messageProps";

// Editing sends the edited text as a sibling: same parent_id, or an explicit null for the first
// message, which the API reads as "a new first message".
export function UserMessage({
  message,
  siblings,
  onPickSibling,
  canEdit,
  onEdit,
}: MessageItemProps) {
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
        {canEdit && onEdit && (
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
