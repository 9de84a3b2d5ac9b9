import clsx from "clsx";
import { type DragEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { UploadIcon } from "../../components/ui/icons";
import { carriesFiles, filesOf } from "../files/transfer";

/** The project page takes dropped files as knowledge, with a full-page overlay while dragging. */
export function KnowledgeDropZone({
  onFiles,
  children,
  className,
}: {
  onFiles: (files: File[]) => void;
  children: ReactNode;
  className?: string;
}) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed; count them to know when it truly left.
  const depth = useRef(0);
  // A file dropped beside the zone (on the sidebar) is ignored, not opened by the browser in
  // place of the app.
  useEffect(() => {
    const swallow = (event: globalThis.DragEvent) => {
      if (carriesFiles(event.dataTransfer)) event.preventDefault();
    };
    const reset = () => {
      depth.current = 0;
      setOver(false);
    };
    window.addEventListener("dragover", swallow);
    window.addEventListener("drop", swallow);
    window.addEventListener("dragend", reset);
    return () => {
      window.removeEventListener("dragover", swallow);
      window.removeEventListener("drop", swallow);
      window.removeEventListener("dragend", reset);
    };
  }, []);
  const accept = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return false;
    event.preventDefault();
    return true;
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer twin of the Add files button, which keyboards use.
    <div
      className={clsx("relative", className)}
      onDragEnter={(event) => {
        if (!accept(event)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!accept(event)) return;
        event.dataTransfer.dropEffect = "copy";
        if (!over) setOver(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        depth.current = 0;
        setOver(false);
        if (!accept(event)) return;
        const files = filesOf(event.dataTransfer);
        if (files.length > 0) onFiles(files);
      }}
      data-testid="knowledge-drop-zone"
    >
      {children}
      {over && (
        <div className="pointer-events-none absolute inset-0 z-30 flex animate-fade-in bg-bg/90 p-3 backdrop-blur-sm sm:p-4">
          <div className="flex flex-1 flex-col items-center justify-center gap-3 rounded-3xl border-2 border-dashed border-accent bg-accent-soft/30 text-center">
            <span className="flex size-14 items-center justify-center rounded-2xl bg-accent-soft text-accent-strong dark:text-accent">
              <UploadIcon className="size-7" />
            </span>
            <p className="font-serif text-xl text-ink sm:text-2xl">
              Drop files to add to the project
            </p>
            <p className="max-w-xs px-4 text-sm text-muted">
              PDFs, documents, spreadsheets, code and text: every chat in the project can use them
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
