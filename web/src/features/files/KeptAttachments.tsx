import { filePreviewUrl } from "../../api/files";
import type { AttachmentPart } from "../../api/types";
import { CloseIcon } from "../../components/ui/icons";
import { fileMeta } from "./FileCard";
import { FileKindIcon } from "./FileKindIcon";

/** The files of a message being edited: they go with the edit unless taken off here. */
export function KeptAttachments({
  parts,
  onRemove,
}: {
  parts: AttachmentPart[];
  onRemove: (index: number) => void;
}) {
  if (parts.length === 0) return null;
  return (
    <ul aria-label="Files sent with the edit" className="flex flex-wrap gap-2 px-1 pb-2 pt-1">
      {parts.map((part, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be attached twice; order is fixed.
          key={`${part.file_id}-${index}`}
          className="flex max-w-full items-center gap-2 rounded-lg border border-line bg-bg py-1 pl-1 pr-1"
        >
          {part.has_preview ? (
            <img
              src={filePreviewUrl(part.file_id)}
              alt=""
              className="size-7 shrink-0 rounded-md border border-line bg-white object-cover"
            />
          ) : (
            <FileKindIcon kind={part.kind} className="size-7 rounded-md" iconClassName="size-4" />
          )}
          <span className="min-w-0">
            <span className="block max-w-[12rem] truncate text-xs font-medium text-ink">
              {part.name}
            </span>
            <span className="block text-[0.6875rem] text-muted">
              {fileMeta(part.name, part.kind, part.size, part.pages)}
            </span>
          </span>
          <button
            type="button"
            onClick={() => onRemove(index)}
            aria-label={`Remove ${part.name} from the edit`}
            title="Remove"
            className="flex size-6 shrink-0 items-center justify-center rounded-md text-muted hover:bg-line/70 hover:text-ink"
          >
            <CloseIcon className="size-3.5" />
          </button>
        </li>
      ))}
    </ul>
  );
}
