import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../api/endpoints";
import { searchKeys } from "./keys";

export const SEARCH_DEBOUNCE_MS = 150;
const PAGE_SIZE = 20;

/** The value once it has stopped changing for `delayMs`; an empty value passes at once. */
export function useDebouncedValue(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === "") {
      setSettled("");
      return;
    }
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return value === "" ? "" : settled;
}

/** True once `active` has stayed true for `delayMs`: a quick answer then shows no spinner at all. */
export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}

/**
 * Search results for what the person typed, a page at a time. The query waits for typing to pause;
 * a request whose words have changed since is aborted (the query passes its AbortSignal down to
 * fetch, and TanStack Query aborts it once nothing watches that key any more). The previous
 * results stay on screen while the next ones load, so the list does not blink between keystrokes.
 */
export function useSearch(text: string) {
  const typed = text.trim();
  const query = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const results = useInfiniteQuery({
    queryKey: searchKeys.results(query),
    queryFn: ({ pageParam, signal }) =>
      api.search({ q: query, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled: query !== "",
    placeholderData: keepPreviousData,
  });
  return { results, query, settled: query === typed };
}
