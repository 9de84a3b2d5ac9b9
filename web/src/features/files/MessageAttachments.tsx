import clsx from "clsx";
import { fileInlineUrl, filePreviewUrl } from "../../api/files";
import type { AttachmentPart } from "../../api/types";
import { FileCard, fileMeta } from "./FileCard";
import { openFileViewer, viewedFromPart } from "./viewerStore";

const TILE_PX = 144;

function ImageTile({ part }: { part: AttachmentPart }) {
  const ratio = part.width && part.height ? part.width / part.height : 4 / 3;
  // A fixed height and the image's own proportions, so the row never jumps as it loads.
  const width = Math.round(Math.min(Math.max(TILE_PX * ratio, 72), 256));
  return (
    <button
      type="button"
      onClick={() => openFileViewer(viewedFromPart(part))}
      aria-label={`Open ${part.name}, ${fileMeta(part.name, part.kind, part.size)}`}
      title={part.name}
      className="overflow-hidden rounded-xl border border-line bg-code-bg transition-opacity hover:opacity-90"
      style={{ width, height: TILE_PX }}
      data-testid="attachment-image"
    >
      <img
        src={part.has_preview ? filePreviewUrl(part.file_id) : fileInlineUrl(part.file_id)}
        alt={part.name}
        loading="lazy"
        className="size-full object-cover"
      />
    </button>
  );
}

function Row({ parts, align }: { parts: AttachmentPart[]; align: "start" | "end" }) {
  if (parts.length === 0) return null;
  return (
    <ul
      aria-label={parts[0]?.kind === "image" ? "Attached images" : "Attached files"}
      className={clsx(
        "flex max-w-full flex-wrap gap-2",
        align === "end" ? "justify-end" : "justify-start",
      )}
    >
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be attached twice; order is fixed.
        <li key={`${part.file_id}-${index}`} className="max-w-full">
          {part.kind === "image" ? (
            <ImageTile part={part} />
          ) : (
            <FileCard
              name={part.name}
              kind={part.kind}
              size={part.size}
              pages={part.pages}
              thumbnailUrl={part.has_preview ? filePreviewUrl(part.file_id) : null}
              onOpen={() => openFileViewer(viewedFromPart(part))}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The files a message carried, as sent: images as tiles in one row, the other files as cards in
 * the next, each in the order attached. Each opens the viewer.
 */
export function MessageAttachments({
  parts,
  align = "end",
}: {
  parts: AttachmentPart[];
  align?: "start" | "end";
}) {
  if (parts.length === 0) return null;
  return (
    <div
      className={clsx(
        "flex max-w-full flex-col gap-2",
        align === "end" ? "items-end" : "items-start",
      )}
      data-testid="message-attachments"
    >
      <Row parts={parts.filter((p) => p.kind === "image")} align={align} />
      <Row parts={parts.filter((p) => p.kind !== "image")} align={align} />
    </div>
  );
}
