import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../api/endpoints";
import { ApiError } from "../../api/http";
import type { Conversation } from "../../api/types";
import { dismissToast, runToastAction, useToasts } from "../../components/ui/Toast";
import { queryKeys } from "../../lib/queryKeys";
import { deleteConversations, setArchived, UNDO_MS } from "./actions";
import type { Pages } from "./cache";

vi.mock("../../api/endpoints", () => ({
  api: {
    deleteConversation: vi.fn(),
    restoreConversation: vi.fn(),
    bulkConversations: vi.fn(),
    updateConversation: vi.fn(),
  },
}));
const mocked = vi.mocked(api);

function chat(id: string, minute: number, extra: Partial<Conversation> = {}): Conversation {
  const at = new Date(Date.UTC(2026, 11, 7, 12, minute)).toISOString();
  return {
    id,
    title: `Chat ${id}`,
    model: "m",
    settings: {},
    pinned: false,
    archived: false,
    project_id: null,
    created_at: at,
    updated_at: at,
    last_message_at: at,
    ...extra,
  };
}

const pages = (...lists: Conversation[][]): Pages => ({
  pages: lists.map((items, i) => ({ items, next_cursor: i < lists.length - 1 ? `c${i}` : null })),
  pageParams: lists.map((_, i) => (i === 0 ? null : `c${i - 1}`)),
});

let queryClient: QueryClient;
// in the order shown: which page a row sits in does not matter
const listed = (key: readonly unknown[] = queryKeys.conversations) =>
  (queryClient.getQueryData<Pages>(key)?.pages ?? []).flatMap((p) => p.items.map((c) => c.id));
const toasts = () => useToasts.getState().toasts;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const [a, b, c, d] = [chat("a", 40), chat("b", 30), chat("c", 20), chat("d", 10)];

beforeEach(() => {
  queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.conversations, pages([a, b], [c, d]));
  for (const fn of Object.values(mocked)) fn.mockReset();
});

afterEach(() => {
  for (const t of toasts()) dismissToast(t.id);
});

describe("deleteConversations", () => {
  it("removes at once and offers Undo for the server's window", () => {
    mocked.deleteConversation.mockResolvedValue(undefined);
    const onRemoved = vi.fn();
    deleteConversations(queryClient, [b], { list: "active", onRemoved });
    expect(listed()).toEqual(["a", "c", "d"]);
    expect(mocked.deleteConversation).toHaveBeenCalledWith("b");
    expect(onRemoved).toHaveBeenCalledWith(new Set(["b"]));
    const [shown] = toasts();
    expect(shown?.message).toBe("Chat deleted");
    expect(shown?.action?.label).toBe("Undo");
    expect(shown?.durationMs).toBeGreaterThan(UNDO_MS - 2000);
    expect(shown?.durationMs).toBeLessThanOrEqual(UNDO_MS);
  });

  it("Undo restores and puts the chat back in its place", async () => {
    mocked.deleteConversation.mockResolvedValue(undefined);
    mocked.restoreConversation.mockImplementation(async (id) => (id === "c" ? c : b));
    const onRestored = vi.fn();
    deleteConversations(queryClient, [c], { list: "active", onRestored });
    expect(listed()).toEqual(["a", "b", "d"]);
    runToastAction(toasts()[0]?.id ?? -1);
    // back before the server answers
    expect(listed()).toEqual(["a", "b", "c", "d"]);
    await flush();
    expect(mocked.restoreConversation).toHaveBeenCalledWith("c");
    expect(listed()).toEqual(["a", "b", "c", "d"]);
    expect(onRestored).toHaveBeenCalled();
  });

  it("deletes several in one request, and Undo restores every one", async () => {
    mocked.bulkConversations.mockResolvedValue({ action: "delete", ids: ["a", "d"] });
    mocked.restoreConversation.mockImplementation(async (id) => (id === "a" ? a : d));
    deleteConversations(queryClient, [a, d], { list: "active" });
    expect(mocked.bulkConversations).toHaveBeenCalledWith({ ids: ["a", "d"], action: "delete" });
    expect(listed()).toEqual(["b", "c"]);
    expect(toasts()[0]?.message).toBe("2 chats deleted");
    runToastAction(toasts()[0]?.id ?? -1);
    await flush();
    expect(mocked.restoreConversation).toHaveBeenCalledTimes(2);
    expect(listed()).toEqual(["a", "b", "c", "d"]);
  });

  it("puts the chat back and says so when the delete fails", async () => {
    mocked.deleteConversation.mockRejectedValue(new ApiError(500, "The server had a problem."));
    deleteConversations(queryClient, [a], { list: "active" });
    expect(listed()).toEqual(["b", "c", "d"]);
    await flush();
    expect(listed()).toEqual(["a", "b", "c", "d"]);
    expect(toasts().map((t) => [t.tone, t.message])).toEqual([
      ["error", "Couldn't delete: The server had a problem."],
    ]);
  });

  it("takes the chat out again when the undo comes too late", async () => {
    mocked.deleteConversation.mockResolvedValue(undefined);
    mocked.restoreConversation.mockRejectedValue(new ApiError(404, "Not found."));
    queryClient.setQueryData(queryKeys.messages("b"), { messages: [] });
    deleteConversations(queryClient, [b], { list: "active" });
    runToastAction(toasts()[0]?.id ?? -1);
    expect(listed()).toEqual(["a", "b", "c", "d"]);
    await flush();
    expect(listed()).toEqual(["a", "c", "d"]);
    expect(toasts()[0]?.message).toBe("Couldn't undo: Not found.");
    expect(queryClient.getQueryData(queryKeys.messages("b"))).toBeUndefined();
  });

  it("forgets the chat's cached messages only once the undo window has passed", () => {
    vi.useFakeTimers();
    try {
      mocked.deleteConversation.mockResolvedValue(undefined);
      queryClient.setQueryData(queryKeys.messages("b"), { messages: [] });
      deleteConversations(queryClient, [b], { list: "active" });
      expect(queryClient.getQueryData(queryKeys.messages("b"))).toBeDefined();
      vi.advanceTimersByTime(UNDO_MS);
      expect(toasts()).toEqual([]);
      expect(queryClient.getQueryData(queryKeys.messages("b"))).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("setArchived", () => {
  it("moves chats to the archived list and back with Undo", async () => {
    queryClient.setQueryData(queryKeys.archivedConversations, pages([]));
    const saved = { ...b, archived: true, updated_at: "2026-12-07T13:00:00Z" };
    mocked.updateConversation.mockResolvedValueOnce(saved);
    setArchived(queryClient, [b], true);
    expect(mocked.updateConversation).toHaveBeenCalledWith("b", { archived: true });
    expect(listed()).toEqual(["a", "c", "d"]);
    expect(listed(queryKeys.archivedConversations)).toEqual(["b"]);
    expect(toasts()[0]?.message).toBe("Chat archived");

    mocked.updateConversation.mockResolvedValueOnce({ ...saved, archived: false });
    runToastAction(toasts()[0]?.id ?? -1);
    await flush();
    expect(mocked.updateConversation).toHaveBeenLastCalledWith("b", { archived: false });
    expect(listed(queryKeys.archivedConversations)).toEqual([]);
    // its last change is now, so the server lists it first
    expect(listed()).toEqual(["b", "a", "c", "d"]);
    expect(toasts()).toEqual([]);
  });

  it("archives several in one request and undoes all of them if it fails", async () => {
    mocked.bulkConversations.mockRejectedValue(new ApiError(404, "Not found."));
    setArchived(queryClient, [a, c], true);
    expect(mocked.bulkConversations).toHaveBeenCalledWith({ ids: ["a", "c"], action: "archive" });
    expect(listed()).toEqual(["b", "d"]);
    await flush();
    expect(listed()).toEqual(["a", "b", "c", "d"]);
    expect(toasts().some((t) => t.message === "Couldn't archive: Not found.")).toBe(true);
  });
});
