import { type CSSProperties, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { Source } from "../../api/types";
import { excerptText, sourcePlace } from "./SourceList";

const TIP_WIDTH = 320;
const GAP = 6;

/** The chip's name for screen readers: "Source 2: handbook.md, p. 3 · Parking". */
export function citationLabel(source: Source): string {
  const place = sourcePlace(source);
  return `Source ${source.n}: ${source.file_name}${place ? `, ${place}` : ""}`;
}

/** Above the chip when there is room, else below; kept inside the window. */
function tipPosition(anchor: DOMRect): CSSProperties {
  const width = Math.min(TIP_WIDTH, window.innerWidth - 16);
  const left = Math.min(
    Math.max(8, anchor.left + anchor.width / 2 - width / 2),
    window.innerWidth - width - 8,
  );
  const above = anchor.top > 200;
  return above
    ? { left, width, bottom: window.innerHeight - anchor.top + GAP }
    : { left, width, top: anchor.bottom + GAP };
}

/**
 * A cited passage's number in the answer: hovering or focusing it shows the passage's opening,
 * clicking opens the file there. Escape hides the preview (WCAG 1.4.13).
 */
export function CitationChip({ source, onOpen }: { source: Source; onOpen: (s: Source) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const [tip, setTip] = useState<CSSProperties | null>(null);
  const tipId = useId();

  const show = () => {
    const rect = button.current?.getBoundingClientRect();
    if (rect) setTip(tipPosition(rect));
  };
  const hide = () => setTip(null);

  useEffect(() => {
    if (!tip) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setTip(null);
    };
    // A scroll moves the chip away from where its preview was placed.
    const onScroll = () => setTip(null);
    window.addEventListener("keydown", onKey);
    window.addEventListener("scroll", onScroll, true);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", onScroll, true);
    };
  }, [tip]);

  const place = sourcePlace(source);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={citationLabel(source)}
        aria-describedby={tip ? tipId : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={() => {
          hide();
          onOpen(source);
        }}
        className="citation-chip relative -top-[0.45em] mx-px inline-flex h-[1.15rem] min-w-[1.15rem] items-center justify-center rounded-md bg-accent-soft px-1 align-baseline font-sans text-[0.68rem] font-semibold leading-none text-[#8f3f20] tabular-nums transition-colors hover:bg-accent hover:text-white focus-visible:outline-offset-1 dark:text-[#f0b9a3] dark:hover:bg-accent dark:hover:text-white"
        data-testid="citation"
      >
        {source.n}
      </button>
      {tip &&
        createPortal(
          <div
            id={tipId}
            role="tooltip"
            style={tip}
            className="pointer-events-none fixed z-50 animate-fade-in rounded-xl border border-line bg-raised p-3 text-left font-sans shadow-xl"
            data-testid="citation-preview"
          >
            <p className="flex min-w-0 items-baseline gap-1.5 text-xs">
              <span className="truncate font-medium text-ink">{source.file_name}</span>
              {place && <span className="shrink-0 truncate text-muted">{place}</span>}
            </p>
            <p className="mt-1.5 line-clamp-5 text-[0.8125rem] leading-relaxed text-ink-soft">
              {excerptText(source)}
            </p>
          </div>,
          document.body,
        )}
    </>
  );
}
