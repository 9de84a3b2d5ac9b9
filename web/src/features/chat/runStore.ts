import { create } from "zustand";
import type { RunState } from "./runReducer";

/**
 * Live streaming state, keyed by assistant message id. Kept outside TanStack Query so a token only
 * re-renders the one component subscribed to that message's slice.
 */
interface RunStore {
  byMessage: Record<string, RunState>;
}

export const useRunStore = create<RunStore>(() => ({ byMessage: {} }));

export function useRunState(messageId: string): RunState | undefined {
  return useRunStore((s) => s.byMessage[messageId]);
}

/** True while any answer in this conversation is still being written. */
export function useActiveRun(conversationId: string | undefined): RunState | undefined {
  return useRunStore((s) => {
    if (!conversationId) return undefined;
    for (const run of Object.values(s.byMessage)) {
      if (run.conversationId === conversationId && run.phase !== "finished") return run;
    }
    return undefined;
  });
}

export function setRunState(messageId: string, update: (prev: RunState | undefined) => RunState) {
  useRunStore.setState((s) => ({
    byMessage: { ...s.byMessage, [messageId]: update(s.byMessage[messageId]) },
  }));
}

export function clearRunState(messageId: string) {
  useRunStore.setState((s) => {
    if (!(messageId in s.byMessage)) return s;
    const { [messageId]: _removed, ...rest } = s.byMessage;
    return { byMessage: rest };
  });
}
