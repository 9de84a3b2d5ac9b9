import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Conversation, ConversationPage } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { updateConversationCaches } from "../chat/runManager";

export function useConversations() {
  return useInfiniteQuery({
    queryKey: queryKeys.conversations,
    queryFn: ({ pageParam }) => api.conversations(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useRenameConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      api.updateConversation(id, { title }),
    onMutate: ({ id, title }) => updateConversationCaches(queryClient, id, { title }),
    onSuccess: (conversation) =>
      updateConversationCaches(queryClient, conversation.id, conversation),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

export function usePinConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, pinned }: { id: string; pinned: boolean }) =>
      api.updateConversation(id, { pinned }),
    onMutate: ({ id, pinned }) => updateConversationCaches(queryClient, id, { pinned }),
    onSuccess: (conversation) =>
      updateConversationCaches(queryClient, conversation.id, conversation),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteConversation(id),
    onSuccess: (_void, id) => {
      queryClient.setQueryData<InfiniteData<ConversationPage>>(queryKeys.conversations, (prev) =>
        prev
          ? {
              ...prev,
              pages: prev.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })),
            }
          : prev,
      );
      queryClient.removeQueries({ queryKey: queryKeys.conversation(id) });
      queryClient.removeQueries({ queryKey: queryKeys.messages(id) });
    },
  });
}

export function prependConversation(
  queryClient: ReturnType<typeof useQueryClient>,
  conversation: Conversation,
) {
  queryClient.setQueryData<InfiniteData<ConversationPage>>(queryKeys.conversations, (prev) => {
    if (!prev) return prev;
    const [first, ...rest] = prev.pages;
    if (!first) return prev;
    return {
      ...prev,
      pages: [
        { ...first, items: [conversation, ...first.items.filter((c) => c.id !== conversation.id)] },
        ...rest,
      ],
    };
  });
}
