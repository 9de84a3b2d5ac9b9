import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../../api/endpoints";
import type { MessageList, TurnStarted } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { prependConversation } from "../sidebar/hooks";
import { attachRun } from "./runManager";

export function useModels() {
  return useQuery({ queryKey: queryKeys.models, queryFn: api.models, staleTime: 10 * 60_000 });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.conversation(id ?? ""),
    queryFn: () => api.conversation(id ?? ""),
    enabled: Boolean(id),
  });
}

export function useMessages(conversationId: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.messages(conversationId ?? ""),
    queryFn: () => api.messages(conversationId ?? ""),
    enabled: Boolean(conversationId),
    // Kept current by the app's own writes and invalidations; no refetch on every mount.
    staleTime: 30_000,
  });
  // Re-attach to answers still being written (after a reload, or from another tab).
  useEffect(() => {
    if (!conversationId || !query.data) return;
    for (const m of query.data.messages) {
      if (m.role === "assistant" && m.status === "streaming" && m.run_id) {
        attachRun({ runId: m.run_id, messageId: m.id, conversationId, queryClient });
      }
    }
  }, [conversationId, query.data, queryClient]);
  return query;
}

function acceptTurn(
  queryClient: ReturnType<typeof useQueryClient>,
  conversationId: string,
  turn: TurnStarted,
) {
  queryClient.setQueryData<MessageList>(queryKeys.messages(conversationId), (prev) => {
    const existing = prev?.messages ?? [];
    const ids = new Set(existing.map((m) => m.id));
    const added = [turn.user_message, turn.assistant_message].filter((m) => !ids.has(m.id));
    return { messages: [...existing, ...added] };
  });
  attachRun({
    runId: turn.run_id,
    messageId: turn.assistant_message.id,
    conversationId,
    queryClient,
  });
}

export interface SendInput {
  conversationId: string | null;
  content: string;
  parentId: string | null;
  model?: string;
  /** Ids of uploaded files (POST /api/files), in order. */
  attachments?: string[];
}

/** Sends a message, creating the conversation first when the user starts from the welcome screen. */
export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, content, parentId, model, attachments }: SendInput) => {
      let id = conversationId;
      if (!id) {
        const conversation = await api.createConversation(model ? { model } : {});
        queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation);
        queryClient.setQueryData<MessageList>(queryKeys.messages(conversation.id), {
          messages: [],
        });
        prependConversation(queryClient, conversation);
        id = conversation.id;
      }
      const turn = await api.sendMessage(id, {
        content,
        parent_id: parentId,
        ...(model ? { model } : {}),
        ...(attachments && attachments.length > 0 ? { attachments } : {}),
      });
      acceptTurn(queryClient, id, turn);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      return { conversationId: id, turn };
    },
  });
}

export function useRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      conversationId,
      messageId,
    }: {
      conversationId: string;
      messageId: string;
    }) => {
      const turn = await api.regenerate(conversationId, messageId);
      acceptTurn(queryClient, conversationId, turn);
      return turn;
    },
  });
}

export function useCancelRun() {
  return useMutation({ mutationFn: (runId: string) => api.cancelRun(runId) });
}

export function useSetConversationModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, model }: { id: string; model: string }) =>
      api.updateConversation(id, { model }),
    onSuccess: (conversation) =>
      queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation),
  });
}
