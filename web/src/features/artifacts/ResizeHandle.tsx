import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import { MAX_PANEL_FRACTION, MIN_PANEL_FRACTION, useArtifactPanel } from "./store";

/** The panel's left edge: drag, or focus it and use the arrow keys, to share the width. */
export function ResizeHandle() {
  const fraction = useArtifactPanel((s) => s.widthFraction);
  const setFraction = useArtifactPanel((s) => s.setWidthFraction);
  const ref = useRef<HTMLDivElement>(null);

  const fromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const row = ref.current?.parentElement?.parentElement;
    if (!row) return;
    const box = row.getBoundingClientRect();
    setFraction((box.right - event.clientX) / box.width);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    if (event.key === "ArrowLeft") setFraction(fraction + step);
    else if (event.key === "ArrowRight") setFraction(fraction - step);
    else if (event.key === "Home") setFraction(MAX_PANEL_FRACTION);
    else if (event.key === "End") setFraction(MIN_PANEL_FRACTION);
    else return;
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is a separator with a value, not an <hr>.
    <div
      ref={ref}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the artifact panel"
      aria-valuemin={Math.round(MIN_PANEL_FRACTION * 100)}
      aria-valuemax={Math.round(MAX_PANEL_FRACTION * 100)}
      aria-valuenow={Math.round(fraction * 100)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        document.body.classList.add("is-resizing-panel");
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) fromPointer(event);
      }}
      onPointerUp={(event) => {
        event.currentTarget.releasePointerCapture(event.pointerId);
        document.body.classList.remove("is-resizing-panel");
      }}
      onPointerCancel={() => document.body.classList.remove("is-resizing-panel")}
      className="group absolute inset-y-0 -left-1.5 z-10 hidden w-3 cursor-col-resize touch-none lg:block"
    >
      <span className="absolute inset-y-0 left-1/2 w-px -translate-x-1/2 bg-transparent transition-colors group-hover:bg-accent/60 group-focus-visible:bg-accent group-active:bg-accent" />
    </div>
  );
}
