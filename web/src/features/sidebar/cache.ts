import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Conversation, ConversationPage } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";

export type Pages = InfiniteData<ConversationPage, string | null>;

/** The server's order: `updated_at` newest first, then id, descending. */
function comesBefore(a: Conversation, b: Conversation): boolean {
  const at = Date.parse(a.updated_at);
  const bt = Date.parse(b.updated_at);
  return at !== bt ? at > bt : a.id > b.id;
}

export function withoutConversations(data: Pages, ids: ReadonlySet<string>): Pages {
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.items.some((c) => ids.has(c.id))
        ? { ...page, items: page.items.filter((c) => !ids.has(c.id)) }
        : page,
    ),
  };
}

/**
 * Puts conversations back where the server would list them, so an undone delete returns to its
 * place. One that sorts after everything loaded while more pages exist is left for paging to
 * bring, rather than shown out of order.
 */
export function withConversations(data: Pages, items: readonly Conversation[]): Pages {
  const ids = new Set(items.map((c) => c.id));
  let pages = withoutConversations(data, ids).pages;
  const hasMore = (pages.at(-1)?.next_cursor ?? null) !== null;
  for (const item of items) {
    let placed = false;
    pages = pages.map((page) => {
      if (placed) return page;
      const at = page.items.findIndex((c) => comesBefore(item, c));
      if (at === -1) return page;
      placed = true;
      return { ...page, items: [...page.items.slice(0, at), item, ...page.items.slice(at)] };
    });
    const last = pages.at(-1);
    if (!placed && !hasMore && last) {
      pages = [...pages.slice(0, -1), { ...last, items: [...last.items, item] }];
    }
  }
  return { ...data, pages };
}

export function patchedConversations(
  data: Pages,
  ids: ReadonlySet<string>,
  patch: Partial<Conversation>,
): Pages {
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.items.some((c) => ids.has(c.id))
        ? { ...page, items: page.items.map((c) => (ids.has(c.id) ? { ...c, ...patch } : c)) }
        : page,
    ),
  };
}

export function findConversations(data: Pages | undefined, ids: ReadonlySet<string>) {
  return (data?.pages ?? []).flatMap((p) => p.items).filter((c) => ids.has(c.id));
}

/** The loaded lists a conversation can sit in: the chats, and the archived ones. */
export type ListKey = "active" | "archived";

const keyOf = (list: ListKey) =>
  list === "active" ? queryKeys.conversations : queryKeys.archivedConversations;

export function updateList(
  queryClient: QueryClient,
  list: ListKey,
  update: (data: Pages) => Pages,
) {
  queryClient.setQueryData<Pages>(keyOf(list), (prev) => (prev ? update(prev) : prev));
}

export function readList(queryClient: QueryClient, list: ListKey): Pages | undefined {
  return queryClient.getQueryData<Pages>(keyOf(list));
}
