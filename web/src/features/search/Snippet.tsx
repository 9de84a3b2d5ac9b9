import type { SnippetSegment } from "../../api/types";

/**
 * A snippet's segments as text, matched words in <mark>. The server sends plain text and React
 * escapes it, so markup inside a message shows as the characters it is and never runs.
 */
export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.highlight ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: a hit's segments never reorder.
            key={index}
            className="rounded-[3px] bg-accent/25 px-px font-semibold text-ink [box-decoration-break:clone]"
          >
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a hit's segments never reorder.
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
