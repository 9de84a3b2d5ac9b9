import { useId } from "react";
import type { Source } from "../../api/types";
import { AlertIcon } from "../../components/ui/icons";
import { FileKindIcon } from "../files/FileKindIcon";
import { guessKind } from "../files/kinds";

/**
 * The excerpt as a reader wants it: a passage that opens with its own heading ("# Parking The
 * garage…") shows without it, as the heading is named beside it already.
 */
export function excerptText(source: Source): string {
  const heading = /^#{1,6}\s+/.exec(source.excerpt);
  if (!heading) return source.excerpt;
  const rest = source.excerpt.slice(heading[0].length);
  if (source.section && rest.startsWith(source.section)) {
    return rest.slice(source.section.length).trimStart() || source.excerpt;
  }
  return rest;
}

/** Where a passage sits in its file, for people: "p. 3 · Pricing". */
export function sourcePlace(source: Source): string {
  const place: string[] = [];
  if (source.page != null) place.push(`p. ${source.page}`);
  if (source.section) place.push(source.section);
  return place.join(" · ");
}

function SourceItem({ source, onOpen }: { source: Source; onOpen: (s: Source) => void }) {
  const excerptId = useId();
  const place = sourcePlace(source);
  // The whole card opens the source (the button's ::after covers it); the excerpt stays out of
  // the button's name, so its name is what it says first: "Source 2 handbook.md Holidays".
  return (
    <li
      className="group/source relative min-w-0 rounded-xl border border-line bg-surface px-3 py-2.5 transition-colors hover:border-line-strong hover:bg-sidebar/60 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent dark:bg-raised/40 dark:hover:bg-raised"
      data-testid="source"
    >
      <button
        type="button"
        onClick={() => onOpen(source)}
        aria-describedby={excerptId}
        className="flex w-full min-w-0 items-start gap-2.5 text-left after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
      >
        <span className="mt-px inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-md bg-accent-soft px-1 text-[0.7rem] font-semibold text-[#8f3f20] tabular-nums dark:text-[#f0b9a3]">
          <span className="sr-only">Source </span>
          {source.n}
        </span>{" "}
        <span className="min-w-0 flex-1">
          <span className="flex min-w-0 items-center gap-1.5">
            <FileKindIcon
              kind={guessKind(source.file_name, "")}
              className="size-4 rounded"
              iconClassName="size-3"
            />
            <span className="min-w-0 truncate text-[0.8125rem] font-medium text-ink group-hover/source:underline group-hover/source:decoration-line-strong group-hover/source:underline-offset-2">
              {source.file_name}
            </span>
          </span>
          {place && <span className="mt-0.5 block truncate text-xs text-muted"> {place}</span>}
        </span>
      </button>
      <p
        id={excerptId}
        className="mt-1 line-clamp-2 pl-[1.875rem] text-xs leading-relaxed text-ink-soft"
      >
        {excerptText(source)}
      </p>
    </li>
  );
}

/** The knowledge passages an answer cites, numbered as the answer cites them; each opens its file there. */
export function SourceList({
  sources,
  onOpen,
  problem = null,
}: {
  sources: Source[];
  onOpen: (source: Source) => void;
  /** Why the last source asked for couldn't be opened. */
  problem?: string | null;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-4 font-sans" data-testid="sources">
      <h3
        id={headingId}
        className="mb-2 flex items-center gap-1.5 text-xs font-medium tracking-wide text-muted"
      >
        Sources
        <span className="rounded-full bg-line/70 px-1.5 text-[0.68rem] tabular-nums text-ink-soft">
          {sources.length}
        </span>
      </h3>
      <ol className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {sources.map((source) => (
          <SourceItem key={source.n} source={source} onOpen={onOpen} />
        ))}
      </ol>
      {problem && (
        <p role="alert" className="mt-2 flex items-start gap-1.5 text-xs text-danger">
          <AlertIcon className="mt-px size-3.5 shrink-0" />
          {problem}
        </p>
      )}
    </section>
  );
}
