import { afterEach, describe, expect, it } from "vitest";
import type { Conversation } from "../api/types";
import { dateGroup, formatMessageTime, groupConversations } from "./dates";
import { setDisplayLocale } from "./locale";

describe("dateGroup", () => {
  const now = new Date(2026, 10, 27, 9, 0);
  it("buckets by calendar day in local time, then by month", () => {
    expect(dateGroup(new Date(2026, 10, 27, 0, 5).toISOString(), now)).toBe("Today");
    expect(dateGroup(new Date(2026, 10, 26, 23, 59).toISOString(), now)).toBe("Yesterday");
    expect(dateGroup(new Date(2026, 10, 22).toISOString(), now)).toBe("Previous 7 days");
    expect(dateGroup(new Date(2026, 10, 5).toISOString(), now)).toBe("Previous 30 days");
    expect(dateGroup(new Date(2026, 9, 20).toISOString(), now)).toBe("October 2026");
    expect(dateGroup(new Date(2025, 1, 1).toISOString(), now)).toBe("February 2025");
  });
});

describe("groupConversations", () => {
  const base = {
    title: "t",
    model: "m",
    settings: {},
    archived: false,
    project_id: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-11-27T08:00:00Z",
  };
  const chat = (id: string, at: Date, pinned = false): Conversation => ({
    ...base,
    id,
    pinned,
    last_message_at: at.toISOString(),
  });
  const now = new Date(2026, 10, 27, 12);

  it("puts pinned conversations first, then by activity", () => {
    const groups = groupConversations(
      [chat("a", new Date(2026, 10, 27, 9)), chat("b", new Date(2025, 0, 1), true)],
      now,
    );
    expect(groups.map((g) => [g.group, g.items.map((c) => c.id)])).toEqual([
      ["Pinned", ["b"]],
      ["Today", ["a"]],
    ]);
  });

  it("orders by last message, whatever order the pages came in", () => {
    // renamed long ago chats come first in the server's updated_at order
    const groups = groupConversations(
      [
        chat("old-renamed", new Date(2026, 8, 3)),
        chat("today", new Date(2026, 10, 27, 10)),
        chat("october", new Date(2026, 9, 2)),
        chat("earlier-today", new Date(2026, 10, 27, 7)),
        chat("october-late", new Date(2026, 9, 25)),
      ],
      now,
    );
    expect(groups.map((g) => [g.group, g.items.map((c) => c.id)])).toEqual([
      ["Today", ["today", "earlier-today"]],
      ["October 2026", ["october-late", "october"]],
      ["September 2026", ["old-renamed"]],
    ]);
  });
});

describe("the display locale", () => {
  const at = new Date(2026, 9, 20, 14, 5).toISOString();
  const now = new Date(2026, 10, 27, 9, 0);
  afterEach(() => setDisplayLocale(null));

  it("writes dates in the person's locale once set, and the browser's without", () => {
    setDisplayLocale("de-DE");
    expect(dateGroup(at, now)).toBe("Oktober 2026");
    expect(formatMessageTime(at, now)).toBe("20.10.2026, 14:05");
    setDisplayLocale(null);
    expect(dateGroup(at, now)).toBe("October 2026");
  });

  it("ignores a tag this browser cannot use", () => {
    setDisplayLocale("not a locale!");
    expect(dateGroup(at, now)).toBe("October 2026");
  });
});
