import { describe, expect, it } from "vitest";
import type { Conversation } from "../../api/types";
import { type Pages, withConversations, withoutConversations } from "./cache";

const chat = (id: string, updated: string): Conversation => ({
  id,
  title: id,
  model: "m",
  settings: {},
  pinned: false,
  archived: false,
  project_id: null,
  created_at: updated,
  updated_at: updated,
  last_message_at: updated,
});
const data = (items: Conversation[], more: boolean): Pages => ({
  pages: [{ items, next_cursor: more ? "next" : null }],
  pageParams: [null],
});
const ids = (d: Pages) => d.pages.flatMap((p) => p.items.map((c) => c.id));

describe("withConversations", () => {
  const newer = chat("n", "2026-12-07T12:00:00Z");
  const older = chat("o", "2026-12-05T12:00:00Z");
  const tie = chat("m", "2026-12-07T12:00:00Z");

  it("places by updated_at, then id, as the server orders", () => {
    expect(ids(withConversations(data([newer, older], false), [tie]))).toEqual(["n", "m", "o"]);
  });

  it("leaves one older than everything loaded to paging while more pages exist", () => {
    const oldest = chat("x", "2020-01-01T00:00:00Z");
    expect(ids(withConversations(data([newer], true), [oldest]))).toEqual(["n"]);
    expect(ids(withConversations(data([newer], false), [oldest]))).toEqual(["n", "x"]);
  });

  it("replaces a row already there instead of doubling it", () => {
    const renamed = { ...older, title: "renamed" };
    const result = withConversations(data([newer, older], false), [renamed]);
    expect(ids(result)).toEqual(["n", "o"]);
    expect(result.pages[0]?.items[1]?.title).toBe("renamed");
  });

  it("keeps untouched pages as they were, so their rows do not re-render", () => {
    const before: Pages = {
      pages: [
        { items: [newer], next_cursor: "c" },
        { items: [older], next_cursor: null },
      ],
      pageParams: [null, "c"],
    };
    const after = withoutConversations(before, new Set(["o"]));
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(ids(after)).toEqual(["n"]);
  });
});
