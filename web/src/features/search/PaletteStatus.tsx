import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { SearchPage } from "../../api/types";
import { Button } from "../../components/ui/Button";

interface PaletteStatusProps {
  searching: boolean;
  /** The query the shown results are for (typing settles into it). */
  query: string;
  settled: boolean;
  results: UseInfiniteQueryResult<InfiniteData<SearchPage>>;
  count: number;
  /** The search has been running long enough to say so. */
  busy: boolean;
}

/** What the palette says above its options: searching, nothing found, or what went wrong. */
export function PaletteStatus({
  searching,
  query,
  settled,
  results,
  count,
  busy,
}: PaletteStatusProps) {
  const current = searching && settled && !results.isPlaceholderData;
  // Kept while the next keystroke's answer loads: more letters rarely find more, and a message
  // that blinks out between keystrokes reads worse than one a beat behind.
  const empty = searching && results.isSuccess && count === 0;
  const failed = current && results.isError;
  let spoken = "";
  if (current && empty) spoken = `No conversations match ${query}.`;
  else if (current && results.isSuccess)
    spoken = `${count}${results.hasNextPage ? " or more" : ""} ${count === 1 ? "result" : "results"}.`;
  return (
    <>
      <p className="sr-only" role="status">
        {spoken}
      </p>
      {!searching && (
        <p className="px-3 pb-1 pt-2 text-sm text-muted">
          Type to search your conversations, or pick an action.
        </p>
      )}
      {searching && count === 0 && !failed && !empty && busy && (
        <p className="px-3 py-3 text-sm text-muted">Searching…</p>
      )}
      {empty && (
        <p className="px-3 py-3 text-sm text-muted">
          No conversations match “<span className="text-ink">{query}</span>”.
        </p>
      )}
      {failed && (
        <div
          role="alert"
          className="mx-1 my-1 flex items-center justify-between gap-3 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger"
        >
          <span>Couldn't search. {results.error.message}</span>
          <Button variant="ghost" className="shrink-0 py-1" onClick={() => void results.refetch()}>
            Try again
          </Button>
        </div>
      )}
    </>
  );
}
