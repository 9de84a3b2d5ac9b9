import clsx from "clsx";
import { useState } from "react";
import type { AttachmentPart } from "../../api/types";
import { PencilIcon } from "../../components/ui/icons";
import { MessageAttachments } from "../files/MessageAttachments";
import { CopyButton, SiblingSwitcher, Timestamp } from "./MessageControls";
import type { MessageItemProps } from "./messageProps";
import { UserMessageEditor } from "./UserMessageEditor";

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
  const files = message.parts.filter((p): p is AttachmentPart => p.type === "attachment");
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <UserMessageEditor
        messageId={message.id}
        text={text}
        files={files}
        onCancel={() => setEditing(false)}
        onSave={(next, fileIds) => {
          setEditing(false);
          onEdit?.(message.id, next, fileIds);
        }}
      />
    );
  }
  return (
    <div className="group flex flex-col items-end" data-role="user">
      {files.length > 0 && (
        <div className={clsx("flex max-w-[85%] justify-end", text && "mb-2")}>
          <MessageAttachments parts={files} />
        </div>
      )}
      {text && (
        <div className="max-w-[85%] whitespace-pre-wrap break-words chat-text rounded-2xl bg-user-bubble px-4 py-2.5 leading-relaxed text-ink">
          {text}
        </div>
      )}
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
            onClick={() => setEditing(true)}
            className="flex size-8 items-center justify-center rounded-lg text-muted hover:bg-line/60 hover:text-ink"
          >
            <PencilIcon className="size-4" />
          </button>
        )}
        {text && <CopyButton text={text} />}
      </div>
    </div>
  );
}
