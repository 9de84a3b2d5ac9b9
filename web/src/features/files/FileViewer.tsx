import clsx from "clsx";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { fileDownloadUrl, fileInlineUrl } from "../../api/files";
import { IconButton } from "../../components/ui/Button";
import { CloseIcon, DownloadIcon, ExternalLinkIcon } from "../../components/ui/icons";
import { fileMeta } from "./FileCard";
import { FileKindIcon } from "./FileKindIcon";
import { ImageView } from "./ImageView";
import { PdfView } from "./PdfView";
import { TextView } from "./TextView";
import type { ViewedFile, ViewerPlace } from "./viewerStore";

type PdfMode = "pages" | "text";

const actionClass =
  "inline-flex h-9 shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-sm text-ink-soft transition-colors hover:bg-line/70 hover:text-ink";

function Body({
  file,
  pdfMode,
  place,
}: {
  file: ViewedFile;
  pdfMode: PdfMode;
  place: ViewerPlace | null;
}) {
  const excerpt = place?.excerpt ?? null;
  switch (file.kind) {
    case "image":
      return <ImageView file={file} />;
    case "pdf":
      return pdfMode === "pages" ? (
        <PdfView file={file} page={place?.page ?? null} />
      ) : (
        <TextView file={file} passage={excerpt} />
      );
    case "document":
    case "spreadsheet":
    case "text":
    case "code":
    case "archive-refused":
    case "other":
      return <TextView file={file} passage={excerpt} />;
    default: {
      const unknown: never = file.kind;
      throw new Error(`unhandled file kind ${String(unknown)}`);
    }
  }
}

function PdfModeSwitch({ mode, onChange }: { mode: PdfMode; onChange: (mode: PdfMode) => void }) {
  const option = (value: PdfMode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => onChange(value)}
      className={clsx(
        "rounded-md px-2.5 py-1 text-[0.8125rem] transition-colors",
        mode === value
          ? "bg-surface font-medium text-ink shadow-sm"
          : "text-ink-soft hover:text-ink",
      )}
    >
      {label}
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: two toggle buttons, not a form's fieldset.
    <div role="group" aria-label="Show" className="flex shrink-0 rounded-lg bg-line/60 p-0.5">
      {option("pages", "Pages")}
      {option("text", "Text")}
    </div>
  );
}

/**
 * A file, full size, in a modal dialog: images as a lightbox, PDFs in the browser's viewer, text
 * and code highlighted, sheets as tables; Download for everything. Escape or the backdrop close
 * it and focus goes back to what opened it.
 */
export default function FileViewer({
  file,
  place = null,
  onClose,
}: {
  file: ViewedFile;
  /** Where to open it: a cited passage's page and words. */
  place?: ViewerPlace | null;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pdfMode, setPdfMode] = useState<PdfMode>("pages");

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    element?.querySelector<HTMLElement>("[data-viewer-close]")?.focus();
    return () => {
      if (element?.open) element.close?.();
      // The opener may be gone (a chip removed meanwhile): fall back to the message box.
      (opener?.isConnected ? opener : document.getElementById("composer"))?.focus();
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file opens on its pages again.
  useEffect(() => setPdfMode("pages"), [file.id]);

  const inline = file.kind === "image" || (file.kind === "pdf" && pdfMode === "pages");
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a backdrop click is the mouse twin of Escape, which onCancel handles.
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
      className="m-auto h-[min(88vh,60rem)] max-h-none w-[min(72rem,calc(100vw-2rem))] max-w-none flex-col overflow-hidden rounded-2xl border border-line bg-raised p-0 text-ink shadow-2xl backdrop:bg-black/55 backdrop:backdrop-blur-[2px] open:flex open:animate-fade-in max-sm:h-dvh max-sm:w-screen max-sm:rounded-none max-sm:border-0"
      data-testid="file-viewer"
    >
      <header className="flex shrink-0 items-center gap-2 border-b border-line pb-2 pl-3 pr-2 pt-[max(0.5rem,env(safe-area-inset-top))] sm:gap-3 sm:pl-4">
        <FileKindIcon kind={file.kind} className="size-8 max-sm:hidden" iconClassName="size-4" />
        <div className="min-w-0 flex-1">
          <h2
            id={titleId}
            className="truncate text-[0.95rem] font-medium text-ink"
            title={file.name}
          >
            {file.name}
          </h2>
          <p className="truncate text-xs text-muted">
            {fileMeta(file.name, file.kind, file.size, file.pages)}
            {file.width && file.height ? ` · ${file.width}×${file.height}` : ""}
          </p>
        </div>
        {file.kind === "pdf" && <PdfModeSwitch mode={pdfMode} onChange={setPdfMode} />}
        {inline && (
          <a
            href={fileInlineUrl(file.id)}
            target="_blank"
            rel="noopener noreferrer"
            className={actionClass}
            aria-label="Open in a new tab"
            title="Open in a new tab"
          >
            <ExternalLinkIcon className="size-4" />
            <span className="max-md:hidden">Open</span>
          </a>
        )}
        <a
          href={file.downloadUrl ?? fileDownloadUrl(file.id)}
          download={file.name}
          className={actionClass}
          aria-label={`Download ${file.name}`}
          title="Download"
        >
          <DownloadIcon className="size-4" />
          <span className="max-md:hidden">Download</span>
        </a>
        <IconButton label="Close" onClick={onClose} data-viewer-close="">
          <CloseIcon className="size-5" />
        </IconButton>
      </header>
      <div className="relative min-h-0 flex-1">
        <Body file={file} pdfMode={pdfMode} place={place} />
      </div>
    </dialog>
  );
}
