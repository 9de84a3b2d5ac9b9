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

/**
 * The run still writing an answer in this conversation, if any. Returns the id (stable for the
 * whole run), so the chat view re-renders when a run starts or ends, never per token.
 */
export function useActiveRunId(conversationId: string | undefined): string | undefined {
  return useRunStore((s) => {
    if (!conversationId) return undefined;
    for (const run of Object.values(s.byMessage)) {
      if (run.conversationId === conversationId && run.phase !== "finished") return run.runId;
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

/** A boolean, so subscribers (the sidebar) re-render when a run starts or ends, not per token. */
export function useIsStreaming(conversationId: string): boolean {
  return useRunStore((s) => {
    for (const run of Object.values(s.byMessage)) {
      if (run.conversationId === conversationId && run.phase !== "finished") return true;
    }
    return false;
  });
}
