import {
  type InfiniteData,
  useInfiniteQuery,
  useQuery,
  type useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Conversation, ConversationPage, Project } from "../../api/types";
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

export type ProjectChoice = Pick<Project, "id" | "name">;

/** The projects chats can be moved into; under "projects", "list" so the projects pages' own
 * updates reach it too. */
export function useProjects() {
  return useQuery({
    queryKey: ["projects", "list", "move-picker"] as const,
    queryFn: () => api.projects(),
    select: (list): ProjectChoice[] => list.items,
    staleTime: 60_000,
  });
}
