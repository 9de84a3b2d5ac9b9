import clsx from "clsx";
import { useState } from "react";
import { fileInlineUrl } from "../../api/files";
import { SpinnerIcon } from "../../components/ui/icons";
import { NoPreview } from "./NoPreview";
import type { ViewedFile } from "./viewerStore";

/** The image at full resolution, fitted to the viewer; a click (or Enter) shows it at actual size. */
export function ImageView({ file }: { file: ViewedFile }) {
  const [state, setState] = useState<"loading" | "shown" | "failed">("loading");
  const [actualSize, setActualSize] = useState(false);
  if (state === "failed") {
    return <NoPreview file={file} reason="The image could not be shown." />;
  }
  return (
    <div
      className={clsx(
        "absolute inset-0 flex overflow-auto bg-[#efede6] dark:bg-[#1b1a19]",
        !actualSize && "p-3 sm:p-6",
      )}
      data-testid="viewer-image"
    >
      {state === "loading" && (
        <span className="absolute inset-0 flex items-center justify-center" role="status">
          <SpinnerIcon className="size-6 animate-spin text-muted" aria-label="Loading image" />
        </span>
      )}
      <button
        type="button"
        onClick={() => setActualSize((v) => !v)}
        aria-pressed={actualSize}
        aria-label={actualSize ? "Fit the image to the window" : "Show the image at actual size"}
        className={clsx(
          "shrink-0 rounded-md",
          actualSize
            ? "m-auto cursor-zoom-out"
            : "flex size-full cursor-zoom-in items-center justify-center",
        )}
      >
        <img
          src={fileInlineUrl(file.id)}
          alt={file.name}
          onLoad={() => setState("shown")}
          onError={() => setState("failed")}
          className={clsx(
            "rounded-md shadow-sm transition-opacity",
            actualSize ? "max-w-none" : "max-h-full max-w-full object-contain",
            state === "loading" && "opacity-0",
          )}
          // Transparent drawings are mostly dark lines on nothing: keep them legible in dark mode.
          style={{ background: "white" }}
        />
      </button>
    </div>
  );
}
