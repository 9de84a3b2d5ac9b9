import { fileDownloadUrl, fileInlineUrl, filePreviewUrl } from "../../api/files";
import { DownloadIcon, ExternalLinkIcon } from "../../components/ui/icons";
import type { ViewedFile } from "./viewerStore";

const linkClass =
  "inline-flex items-center gap-2 rounded-lg border border-line-strong bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-sidebar";

/** Where the browser has no PDF viewer of its own (phones): the first page, and the ways out. */
function PdfFallback({ file }: { file: ViewedFile }) {
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-4 overflow-auto p-6 text-center">
      {file.hasPreview && (
        <img
          src={filePreviewUrl(file.id)}
          alt={`First page of ${file.name}`}
          className="max-h-[50%] rounded-md border border-line bg-white shadow-sm"
        />
      )}
      <p className="max-w-sm text-sm text-ink-soft">
        This browser can't show PDFs inside the page. Open it in a new tab, download it, or read its
        text here.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <a
          href={fileInlineUrl(file.id)}
          target="_blank"
          rel="noopener noreferrer"
          className={linkClass}
        >
          <ExternalLinkIcon className="size-4" />
          Open
        </a>
        <a href={fileDownloadUrl(file.id)} download={file.name} className={linkClass}>
          <DownloadIcon className="size-4" />
          Download
        </a>
      </div>
    </div>
  );
}

/** The PDF in the browser's own viewer, framed, at `page` when one is asked for. */
export function PdfView({ file, page = null }: { file: ViewedFile; page?: number | null }) {
  if (typeof navigator !== "undefined" && navigator.pdfViewerEnabled === false) {
    return <PdfFallback file={file} />;
  }
  return (
    <iframe
      // No sandbox attribute: Chromium refuses to run its PDF viewer in any sandboxed frame and
      // shows "blocked" instead. The response sandboxes itself with CSP `sandbox` (see
      // parley/api/downloads.py): an opaque origin, no scripts, forms, popups or navigation of
      // this page, which is what the attribute would have added.
      src={page ? `${fileInlineUrl(file.id)}#page=${page}` : fileInlineUrl(file.id)}
      title={`${file.name} (PDF)`}
      referrerPolicy="no-referrer"
      className="absolute inset-0 size-full border-0 bg-white"
      data-testid="viewer-pdf"
    />
  );
}
