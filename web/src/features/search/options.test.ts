import { describe, expect, it } from "vitest";
import type { SearchHit } from "../../api/types";
import { ACTIONS } from "./actions";
import { buildOptions, hitPath } from "./options";

const hit = (conversation: string, message: string | null): SearchHit => ({
  conversation_id: conversation,
  conversation_title: "T",
  project_id: null,
  message_id: message,
  role: message ? "user" : null,
  snippet: [],
  created_at: "2026-06-15T12:00:00Z",
});

describe("palette options", () => {
  it("lists hits, then the row for more, then the actions, without repeating a hit", () => {
    const options = buildOptions(
      [hit("c1", "m1"), hit("c1", null), hit("c1", "m1")],
      true,
      ACTIONS.slice(0, 1),
    );
    expect(options.map((o) => o.key)).toEqual([
      "hit-c1-m1",
      "hit-c1-title",
      "more",
      "action-new-chat",
    ]);
  });

  it("opens a message hit at its message and a title hit at the conversation", () => {
    expect(hitPath(hit("c 1", "m/1"))).toBe("/chat/c%201?m=m%2F1");
    expect(hitPath(hit("c1", null))).toBe("/chat/c1");
  });
});
