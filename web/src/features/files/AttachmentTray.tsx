import { AttachmentChip } from "./AttachmentChip";
import {
  type PendingAttachment,
  removeAttachment,
  retryUpload,
  usePendingAttachments,
} from "./attachmentStore";
import { openFileViewer, viewedFromStored } from "./viewerStore";

function focusAfterRemoval(list: PendingAttachment[], index: number) {
  // Keep the keyboard where it was: the next chip's remove button, else the message box.
  const next = list[index + 1] ?? list[index - 1];
  const target = next
    ? document.querySelector<HTMLElement>(`[data-attachment="${next.localId}"] > button:last-child`)
    : null;
  (target ?? document.getElementById("composer"))?.focus();
}

/** The files waiting in a composer, above the message box; scrolls sideways when many. */
export function AttachmentTray({ draftKey }: { draftKey: string }) {
  const items = usePendingAttachments(draftKey);
  if (items.length === 0) return null;
  return (
    <ul
      aria-label="Attached files"
      // A grid of two columns on phones, three wider; at most about three rows, then it scrolls.
      // A refused file takes two cells so its reason reads in full.
      className="grid max-h-[min(15rem,40vh)] grid-cols-2 items-start gap-2.5 overflow-y-auto px-4 pb-1 pt-3.5 [scrollbar-width:thin] sm:grid-cols-3"
      data-testid="attachment-tray"
    >
      {items.map((item, index) => (
        <AttachmentChip
          key={item.localId}
          item={item}
          onOpen={() => item.file && openFileViewer(viewedFromStored(item.file))}
          onRemove={() => {
            focusAfterRemoval(items, index);
            removeAttachment(draftKey, item.localId);
          }}
          onRetry={() => retryUpload(draftKey, item.localId)}
        />
      ))}
    </ul>
  );
}
