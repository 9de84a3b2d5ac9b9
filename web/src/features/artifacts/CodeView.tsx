import { memo, useLayoutEffect, useRef } from "react";
import { useHighlightedTree } from "../../lib/markdown/useHighlighted";
import { useThrottled } from "./useThrottled";

/** The last highlighted text, then whatever arrived since as plain text until the next pass. */
const Highlighted = memo(function Highlighted({
  text,
  language,
  streaming,
}: {
  text: string;
  language: string | null;
  streaming: boolean;
}) {
  const code = useThrottled(text, 250, streaming);
  const tree = useHighlightedTree(code, language);
  if (!tree || !text.startsWith(tree.code)) return <>{text}</>;
  return (
    <>
      {tree.node}
      {text.slice(tree.code.length)}
    </>
  );
});

const STICK_PX = 48;

/**
 * The artifact's source, highlighted, with line numbers. While it streams it follows the end (unless
 * the reader scrolled up) and re-highlights at a modest rate, showing the newest text plain meanwhile.
 */
export function CodeView({
  content,
  language,
  streaming,
}: {
  content: string;
  language: string | null;
  streaming: boolean;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const stick = useRef(true);
  // A final newline ends the last line; it does not start another.
  const text = content.endsWith("\n") ? content.slice(0, -1) : content;
  const lines = text.split("\n").length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new content is what moves the view.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && streaming && stick.current) el.scrollTop = el.scrollHeight;
  }, [content, streaming]);

  return (
    <section
      ref={scrollRef}
      onScroll={(event) => {
        const el = event.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
      }}
      className="h-full overflow-auto bg-code-bg"
      data-testid="artifact-code"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      aria-label="Source code"
    >
      <div className="flex min-h-full w-max min-w-full font-mono text-[0.8125rem] leading-[1.6]">
        <div
          aria-hidden="true"
          className="sticky left-0 select-none border-r border-line bg-code-bg px-3 py-4 text-right text-muted/70 tabular-nums"
        >
          {Array.from({ length: lines }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line number is its own identity.
            <div key={i}>{i + 1}</div>
          ))}
        </div>
        <pre className="flex-1 whitespace-pre px-4 py-4 text-ink">
          <code>
            <Highlighted text={text} language={language} streaming={streaming} />
            {streaming && <span className="streaming-caret" aria-hidden="true" />}
          </code>
        </pre>
      </div>
    </section>
  );
}
