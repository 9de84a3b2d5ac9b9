import clsx from "clsx";
import { filePreviewUrl } from "../../api/files";
import { AlertIcon, CloseIcon, RetryIcon } from "../../components/ui/icons";
import { formatBytes } from "../../lib/format";
import type { PendingAttachment } from "./attachmentStore";
import { FileKindIcon } from "./FileKindIcon";
import { typeBadge } from "./kinds";

function Thumbnail({ item }: { item: PendingAttachment }) {
  const src =
    item.thumbnail ?? (item.file?.has_preview ? filePreviewUrl(item.file.id) : null) ?? null;
  if (src) {
    return (
      <img
        src={src}
        alt=""
        className="size-10 shrink-0 rounded-lg border border-line bg-white object-cover"
      />
    );
  }
  return <FileKindIcon kind={item.kind} />;
}

function describe(item: PendingAttachment): string {
  const parts = [typeBadge(item.name, item.kind)];
  const pages = item.file?.pages;
  if (item.kind === "pdf" && pages) parts.push(`${pages} ${pages === 1 ? "page" : "pages"}`);
  parts.push(formatBytes(item.size));
  return parts.join(" · ");
}

/** One file in the composer: its picture or type, name and size, upload progress, or why not. */
export function AttachmentChip({
  item,
  onOpen,
  onRemove,
  onRetry,
}: {
  item: PendingAttachment;
  onOpen: () => void;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const { status, name } = item;
  const percent = Math.round(item.progress * 100);
  const statusId = `${item.localId}-status`;
  const body =
    status === "failed" ? (
      <span className="min-w-0 flex-1 text-left">
        <span className="flex items-center gap-1.5 text-[0.8125rem] font-medium leading-5 text-ink">
          <AlertIcon className="size-4 shrink-0 text-danger" />
          <span className="truncate" title={name}>
            {name}
          </span>
        </span>
        <span id={statusId} className="mt-0.5 block text-xs leading-4 text-danger">
          {item.error}
        </span>
      </span>
    ) : (
      <>
        <Thumbnail item={item} />
        <span className="min-w-0 flex-1 text-left">
          <span
            className="block truncate text-[0.8125rem] font-medium leading-5 text-ink"
            title={name}
          >
            {name}
          </span>{" "}
          <span id={statusId} className="block truncate text-xs leading-4 tabular-nums text-muted">
            {status === "uploading" ? `Uploading… ${percent}%` : describe(item)}
          </span>
        </span>
      </>
    );

  return (
    <li
      className={clsx("relative min-w-0", status === "failed" && "col-span-2")}
      data-testid="attachment-chip"
      data-attachment={item.localId}
      data-status={status}
    >
      {status === "done" ? (
        <button
          type="button"
          onClick={onOpen}
          className="flex w-full items-center gap-2.5 rounded-xl border border-line bg-bg p-1.5 pr-3 transition-colors hover:border-line-strong hover:bg-sidebar"
        >
          <span className="sr-only">Open </span>
          {body}
        </button>
      ) : (
        <div
          className={clsx(
            "flex w-full items-center gap-2.5 rounded-xl border",
            status === "failed"
              ? "min-h-[3.375rem] border-danger/40 bg-danger-soft px-3 py-2"
              : "border-line bg-bg p-1.5 pr-3",
          )}
        >
          {body}
        </div>
      )}
      {status === "uploading" && (
        <div
          role="progressbar"
          aria-label={`Uploading ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="absolute inset-x-3 bottom-1 h-1 overflow-hidden rounded-full bg-line"
        >
          <div
            className="h-full rounded-full bg-accent transition-[width] duration-200"
            style={{ width: `${Math.max(4, percent)}%` }}
          />
        </div>
      )}
      {status === "failed" && item.retryable && (
        <button
          type="button"
          onClick={onRetry}
          aria-label={`Try uploading ${name} again`}
          className="mt-1 inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium text-ink-soft hover:bg-line/60 hover:text-ink"
        >
          <RetryIcon className="size-3.5" />
          Try again
        </button>
      )}
      <button
        type="button"
        onClick={onRemove}
        aria-label={status === "uploading" ? `Cancel upload of ${name}` : `Remove ${name}`}
        title={status === "uploading" ? "Cancel upload" : "Remove"}
        className="absolute -right-2 -top-2 flex size-6 items-center justify-center rounded-full border border-line-strong bg-raised text-ink-soft shadow-sm transition-colors hover:bg-ink hover:text-bg"
      >
        <CloseIcon className="size-3.5" strokeWidth={2.2} />
      </button>
    </li>
  );
}
