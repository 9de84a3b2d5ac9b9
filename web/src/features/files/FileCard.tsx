import clsx from "clsx";
import type { FileKind } from "../../api/types";
import { DownloadIcon } from "../../components/ui/icons";
import { formatBytes } from "../../lib/format";
import { FileKindIcon } from "./FileKindIcon";
import { typeBadge } from "./kinds";

export function fileMeta(name: string, kind: FileKind, size: number, pages?: number | null) {
  const parts = [typeBadge(name, kind)];
  if (pages) parts.push(`${pages} ${pages === 1 ? "page" : "pages"}`);
  parts.push(formatBytes(size));
  return parts.join(" · ");
}

/**
 * A file as a card: its thumbnail or type icon, name, type and size. Opens the viewer when it
 * can; a Download button when asked for (a file the code wrote).
 */
/** The card's face; `verb` ("Open", "Download") starts its name for screen readers, unseen. */
function Face({
  verb,
  name,
  meta,
  kind,
  thumbnailUrl,
}: {
  verb: string | null;
  name: string;
  meta: string;
  kind: FileKind;
  thumbnailUrl?: string | null;
}) {
  return (
    <>
      {verb && <span className="sr-only">{verb} </span>}
      {thumbnailUrl ? (
        <img
          src={thumbnailUrl}
          alt=""
          loading="lazy"
          className="size-10 shrink-0 rounded-lg border border-line bg-white object-cover object-top"
        />
      ) : (
        <FileKindIcon kind={kind} />
      )}
      <span className="min-w-0 flex-1 text-left">
        <span
          className="block truncate text-[0.8125rem] font-medium leading-5 text-ink"
          title={name}
        >
          {name}
        </span>{" "}
        <span className="block truncate text-xs leading-4 text-muted">{meta}</span>
      </span>
    </>
  );
}

export function FileCard({
  name,
  kind,
  size,
  pages,
  thumbnailUrl,
  onOpen,
  downloadUrl,
  className,
  testId = "file-card",
}: {
  name: string;
  kind: FileKind;
  size: number;
  pages?: number | null;
  thumbnailUrl?: string | null;
  onOpen?: () => void;
  downloadUrl?: string | null;
  className?: string;
  testId?: string;
}) {
  const meta = fileMeta(name, kind, size, pages);
  const face = (verb: string | null) => (
    <Face verb={verb} name={name} meta={meta} kind={kind} thumbnailUrl={thumbnailUrl} />
  );
  const download = downloadUrl ? (
    <a
      href={downloadUrl}
      download={name}
      aria-label={`Download ${name}`}
      title="Download"
      className="flex size-8 shrink-0 items-center justify-center rounded-lg text-muted transition-colors hover:bg-line/70 hover:text-ink"
    >
      <DownloadIcon className="size-4" />
    </a>
  ) : null;

  return (
    <div
      className={clsx(
        "flex w-64 max-w-full items-center gap-1 rounded-xl border border-line bg-surface p-1.5 transition-colors",
        onOpen && "hover:border-line-strong hover:bg-sidebar",
        className,
      )}
      data-testid={testId}
    >
      {onOpen ? (
        <button
          type="button"
          onClick={onOpen}
          className="flex min-w-0 flex-1 items-center gap-2.5 rounded-lg pr-1"
        >
          {face("Open")}
        </button>
      ) : downloadUrl ? (
        <a
          href={downloadUrl}
          download={name}
          className="flex min-w-0 flex-1 items-center gap-2.5 rounded-lg pr-1"
        >
          {face("Download")}
        </a>
      ) : (
        <span className="flex min-w-0 flex-1 items-center gap-2.5 pr-1">{face(null)}</span>
      )}
      {onOpen && download}
    </div>
  );
}
