import clsx from "clsx";
import { type DragEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { UploadIcon } from "../../components/ui/icons";
import { carriesFiles, filesOf } from "./transfer";

/**
 * Makes an area accept dropped files, with a full-area overlay while files are dragged over it.
 * A file dropped anywhere else on the page is ignored rather than opened by the browser in place
 * of the app.
 */
export function FileDropZone({
  onFiles,
  children,
  className,
  title = "Drop files to attach",
  hint = "Images, PDFs, documents, spreadsheets, code and text",
  focusComposer = true,
  testId = "drop-zone",
}: {
  onFiles: (files: File[]) => void;
  children: ReactNode;
  className?: string;
  /** What the overlay says while files are dragged over. */
  title?: string;
  hint?: string;
  /** Dropped files are usually followed by a question about them: focus the message box. */
  focusComposer?: boolean;
  testId?: string;
}) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed; count them to know when it truly left.
  const depth = useRef(0);

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

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    if (!over) setOver(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    depth.current = 0;
    setOver(false);
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    const files = filesOf(event.dataTransfer);
    if (files.length === 0) return;
    onFiles(files);
    // Not on touch screens, where focusing would throw up the keyboard.
    if (focusComposer && !window.matchMedia?.("(pointer: coarse)").matches) {
      document.getElementById("composer")?.focus({ preventScroll: true });
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer twin of the Attach button, which keyboards use.
    <div
      className={clsx("relative", className)}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid={testId}
    >
      {children}
      {over && (
        <div
          className="pointer-events-none absolute inset-0 z-30 flex animate-fade-in bg-bg/90 p-3 backdrop-blur-sm sm:p-4"
          data-testid="drop-overlay"
        >
          <div className="flex flex-1 flex-col items-center justify-center gap-3 rounded-3xl border-2 border-dashed border-accent bg-accent-soft/30 text-center">
            <span className="flex size-14 items-center justify-center rounded-2xl bg-accent-soft text-accent-strong dark:text-accent">
              <UploadIcon className="size-7" />
            </span>
            <p className="font-serif text-xl text-ink sm:text-2xl">{title}</p>
            <p className="max-w-xs px-4 text-sm text-muted">{hint}</p>
          </div>
        </div>
      )}
    </div>
  );
}
