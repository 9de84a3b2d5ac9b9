import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { followRun } from "../../api/runStream";
import type { Conversation, ConversationPage, MessageList } from "../../api/types";
import { announce, SentenceAnnouncer } from "../../lib/announcer";
import { queryKeys } from "../../lib/queryKeys";
import { refreshArtifacts, rememberStoredArtifact } from "../artifacts/cache";
import { useArtifactPanel } from "../artifacts/store";
import { initialRunState, reduceRun } from "./runReducer";
import { clearRunState, setRunState, useRunStore } from "./runStore";

const active = new Map<string, AbortController>();
const settled = new Set<string>();

export function updateConversationCaches(
  queryClient: QueryClient,
  conversationId: string,
  patch: Partial<Conversation>,
) {
  queryClient.setQueryData<Conversation>(queryKeys.conversation(conversationId), (prev) =>
    prev ? { ...prev, ...patch } : prev,
  );
  queryClient.setQueryData<InfiniteData<ConversationPage>>(queryKeys.conversations, (prev) =>
    prev
      ? {
          ...prev,
          pages: prev.pages.map((page) => ({
            ...page,
            items: page.items.map((c) => (c.id === conversationId ? { ...c, ...patch } : c)),
          })),
        }
      : prev,
  );
}

function finishedText(status: string, error: string | null): string {
  switch (status) {
    case "complete":
      return "Answer complete.";
    case "cancelled":
      return "Answer stopped.";
    case "interrupted":
      return "Answer interrupted.";
    case "error":
      return `The answer failed: ${error ?? "unknown error"}.`;
    default:
      return "";
  }
}

export interface AttachOptions {
  runId: string;
  messageId: string;
  conversationId: string;
  queryClient: QueryClient;
}

/**
 * Follows a run independently of any component, so navigating away and back (or between
 * conversations) never drops or duplicates an answer. Idempotent per run.
 */
export function attachRun({ runId, messageId, conversationId, queryClient }: AttachOptions) {
  if (active.has(runId) || settled.has(runId)) return;
  const controller = new AbortController();
  active.set(runId, controller);
  setRunState(messageId, (prev) =>
    prev && prev.runId === runId ? prev : { ...initialRunState(runId, messageId), conversationId },
  );
  const announcer = new SentenceAnnouncer();
  const current = () => useRunStore.getState().byMessage[messageId];

  void followRun(runId, {
    after: current()?.lastSeq ?? 0,
    signal: controller.signal,
    isFinished: () => current()?.phase === "finished",
    onFrame: (frame) => {
      const before = current();
      setRunState(messageId, (prev) =>
        reduceRun(prev ?? { ...initialRunState(runId, messageId), conversationId }, frame),
      );
      const after = current();
      if (!after) return;
      const text = after.parts
        .filter((p) => p.type === "text")
        .map((p) => p.text)
        .join("");
      if (frame.event.type === "text_delta") announcer.update(text);
      if (frame.event.type === "message_stop" && before?.phase !== "finished") {
        announcer.finish(text, finishedText(after.status, after.error?.message ?? null));
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      }
      if (frame.event.type === "artifact_start") {
        useArtifactPanel.getState().followArtifact(conversationId, frame.event.artifact_id);
      }
      if (frame.event.type === "artifact") {
        rememberStoredArtifact(queryClient, conversationId, frame.event);
      }
      if (frame.event.type === "approval_required") {
        announce(`The answer wants to run ${frame.event.language} code: approve or deny it.`);
      }
      if (frame.event.type === "approval_resolved" && frame.event.remembered) {
        // "Always allow" switched the conversation to running code without asking.
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      }
      if (frame.event.type === "title") {
        updateConversationCaches(queryClient, frame.event.conversation_id, {
          title: frame.event.title,
        });
      }
    },
  }).then((end) => {
    active.delete(runId);
    if (end === "aborted") return;
    settled.add(runId);
    const final = current();
    if (final && final.phase === "finished") {
      queryClient.setQueryData<MessageList>(queryKeys.messages(conversationId), (prev) =>
        prev
          ? {
              messages: prev.messages.map((m) =>
                m.id === messageId
                  ? {
                      ...m,
                      parts: final.parts,
                      status: final.status,
                      stop_reason: final.stopReason,
                      error: final.error,
                      input_tokens: final.inputTokens ?? m.input_tokens,
                      output_tokens: final.outputTokens ?? m.output_tokens,
                    }
                  : m,
              ),
            }
          : prev,
      );
    }
    clearRunState(messageId);
    refreshArtifacts(queryClient, conversationId);
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
  });
}

export function detachAllRuns() {
  for (const controller of active.values()) controller.abort();
  active.clear();
  useRunStore.setState({ byMessage: {} });
}
