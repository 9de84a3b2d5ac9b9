import { type InfiniteData, useInfiniteQuery, type useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Conversation, ConversationPage } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";

export function useConversations() {
  return useInfiniteQuery({
    queryKey: queryKeys.conversations,
    queryFn: ({ pageParam }) => api.conversations(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

export function useArchivedConversations(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.archivedConversations,
    queryFn: ({ pageParam }) => api.conversations(pageParam, { archived: true }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    enabled,
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

export interface ProjectChoice {
  id: string;
  name: string;
}

// TODO(projects): GET /api/projects once it lands; until then nothing can be moved.
export function useProjects(): { data: ProjectChoice[] | undefined } {
  return { data: undefined };
}
