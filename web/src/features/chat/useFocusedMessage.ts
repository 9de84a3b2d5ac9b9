import type { UseQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import type { MessageList } from "../../api/types";
import { choicesLeadingTo } from "./branch";

/**
 * `?m=<message id>` (a search hit) opens the thread that holds that message and scrolls to it.
 * Until the list has scrolled there the fork choices leading to it override the reader's; then
 * they become the reader's own and the address loses its `?m=`, so a reload opens as usual.
 */
export function useFocusedMessage(
  messages: UseQueryResult<MessageList>,
  choices: Record<string, string>,
  setChoice: (key: string, childId: string | null) => void,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const focusId = searchParams.get("m");
  const { data: tree, isFetching, refetch } = messages;
  const leading = useMemo(
    () => (focusId && tree ? choicesLeadingTo(tree.messages, focusId) : null),
    [focusId, tree],
  );
  const shown = useMemo(() => (leading ? { ...choices, ...leading } : choices), [choices, leading]);

  const dropParam = useCallback(
    () =>
      setSearchParams(
        (params) => {
          params.delete("m");
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const onFocused = useCallback(() => {
    for (const [key, childId] of Object.entries(leading ?? {})) setChoice(key, childId);
    dropParam();
  }, [leading, setChoice, dropParam]);

  // A hit newer than the cached tree (written in another tab): fetch the tree once more, then
  // let go of a message that is not there (deleted since).
  const refetchedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || !tree || leading) return;
    if (refetchedFor.current !== focusId) {
      refetchedFor.current = focusId;
      void refetch();
    } else if (!isFetching) dropParam();
  }, [focusId, tree, leading, isFetching, refetch, dropParam]);

  return { choices: shown, messageId: leading ? focusId : null, onFocused };
}
