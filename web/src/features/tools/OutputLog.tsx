import clsx from "clsx";
import { useLayoutEffect, useRef } from "react";
import type { LiveOutput } from "./output";

const STICK_PX = 32;

/**
 * Output as it arrives, stdout and stderr interleaved (stderr in red). Follows the end unless the
 * reader scrolled up to read something.
 */
export function OutputLog({
  output,
  running,
  label = "Output",
}: {
  output: LiveOutput;
  running: boolean;
  label?: string;
}) {
  const ref = useRef<HTMLPreElement>(null);
  const stick = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new output is what moves the view.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [output]);

  const empty = output.chunks.length === 0;
  return (
    <pre
      ref={ref}
      role="log"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
      className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-lg border border-line bg-code-bg px-3 py-2 font-mono text-[0.8rem] leading-relaxed text-ink"
      data-testid="live-output"
    >
      {output.clipped && <span className="block text-muted">… earlier output not shown</span>}
      {empty && running && <span className="text-muted">Waiting for output…</span>}
      {output.chunks.map((chunk, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: chunks only grow at the end.
        <span key={i} className={clsx(chunk.stream === "stderr" && "text-danger")}>
          {chunk.text}
        </span>
      ))}
      {running && <span className="streaming-caret" aria-hidden="true" />}
    </pre>
  );
}
