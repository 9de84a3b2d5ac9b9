import type { Source } from "../../api/types";

/** Where a passage sits in its file, for people: "p. 3 · Pricing". */
export function sourcePlace(source: Source): string {
  const place: string[] = [];
  if (source.page != null) place.push(`p. ${source.page}`);
  if (source.section) place.push(source.section);
  return place.join(" · ");
}

/** The knowledge passages an answer cites, numbered as the answer cites them. */
export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <section aria-label="Sources" className="mt-3 font-sans" data-testid="sources">
      <h3 className="mb-1 text-xs font-medium text-muted">Sources</h3>
      <ol className="flex flex-col gap-1">
        {sources.map((source) => (
          <li key={source.n} className="flex min-w-0 items-baseline gap-2 text-sm">
            <span className="shrink-0 tabular-nums text-muted">[{source.n}]</span>
            <span className="min-w-0 truncate" title={source.excerpt}>
              <span className="font-medium">{source.file_name}</span>
              {sourcePlace(source) && <span className="text-muted"> · {sourcePlace(source)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
