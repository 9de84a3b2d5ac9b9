import { useState } from "react";
import type { AttachmentPart } from "../../api/types";
import { KeptAttachments } from "../files/KeptAttachments";

/**
 * Editing a sent message: its text and the files it carried, which go with the edit unless
 * removed. Enter saves, Escape cancels.
 */
export function UserMessageEditor({
  messageId,
  text,
  files,
  onCancel,
  onSave,
}: {
  messageId: string;
  text: string;
  files: AttachmentPart[];
  onCancel: () => void;
  /** Called only when something changed. */
  onSave: (text: string, fileIds: string[]) => void;
}) {
  const [draft, setDraft] = useState(text);
  const [kept, setKept] = useState(files);
  const empty = !draft.trim() && kept.length === 0;
  const save = () => {
    const next = draft.trim();
    if (empty) return;
    const changed = next !== text.trim() || kept.length !== files.length;
    if (changed)
      onSave(
        next,
        kept.map((f) => f.file_id),
      );
    else onCancel();
  };
  return (
    <div className="flex flex-col items-end" data-role="user">
      <div className="w-full max-w-[85%] rounded-2xl border border-line-strong bg-surface p-2">
        <KeptAttachments
          parts={kept}
          onRemove={(index) => setKept((list) => list.filter((_, i) => i !== index))}
        />
        <label className="sr-only" htmlFor={`edit-${messageId}`}>
          Edit message
        </label>
        <textarea
          id={`edit-${messageId}`}
          value={draft}
          rows={Math.min(10, Math.max(2, draft.split("\n").length))}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              save();
            } else if (e.key === "Escape") {
              onCancel();
            }
          }}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message.
          autoFocus
          className="block w-full resize-none bg-transparent px-2 py-1.5 text-[0.98rem] leading-relaxed text-ink outline-none focus-visible:outline-none"
        />
        <div className="flex justify-end gap-2 pt-1">
          <button
            type="button"
            onClick={onCancel}
            className="rounded-lg px-3 py-1.5 text-sm text-ink-soft hover:bg-sidebar"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={save}
            disabled={empty}
            className="rounded-lg bg-accent-strong px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            Save and send
          </button>
        </div>
      </div>
    </div>
  );
}
