import { describe, expect, it } from "vitest";
import { dateGroup } from "./dates";

describe("dateGroup", () => {
  const now = new Date(2026, 10, 27, 9, 0);
  it("buckets by calendar day in local time", () => {
    expect(dateGroup(new Date(2026, 10, 27, 0, 5).toISOString(), now)).toBe("Today");
    expect(dateGroup(new Date(2026, 10, 26, 23, 59).toISOString(), now)).toBe("Yesterday");
    expect(dateGroup(new Date(2026, 10, 22).toISOString(), now)).toBe("Previous 7 days");
    expect(dateGroup(new Date(2026, 10, 5).toISOString(), now)).toBe("Previous 30 days");
    expect(dateGroup(new Date(2025, 1, 1).toISOString(), now)).toBe("Older");
  });
});

describe("groupConversations", () => {
  it("puts pinned conversations first, then by activity", async () => {
    const { groupConversations } = await import("./dates");
    const base = {
      title: "t",
      model: "m",
      settings: {},
      archived: false,
      project_id: null,
      created_at: "2026-11-01T00:00:00Z",
      updated_at: "2026-11-01T00:00:00Z",
    };
    const now = new Date(2026, 10, 27, 12);
    const groups = groupConversations(
      [
        {
          ...base,
          id: "a",
          pinned: false,
          last_message_at: new Date(2026, 10, 27, 9).toISOString(),
        },
        { ...base, id: "b", pinned: true, last_message_at: new Date(2025, 0, 1).toISOString() },
      ],
      now,
    );
    expect(groups.map((g) => [g.group, g.items.map((c) => c.id)])).toEqual([
      ["Pinned", ["b"]],
      ["Today", ["a"]],
    ]);
  });
});
