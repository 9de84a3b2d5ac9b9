import { describe, expect, it } from "vitest";
import type { Message } from "../../api/types";
import { selectBranch } from "./branch";

const msg = (
  id: string,
  parent: string | null,
  at: string,
  role: Message["role"] = "user",
): Message => ({
  id,
  conversation_id: "c",
  parent_id: parent,
  role,
  parts: [{ type: "text", text: id }],
  model: null,
  status: "complete",
  stop_reason: null,
  error: null,
  input_tokens: null,
  output_tokens: null,
  run_id: null,
  created_at: at,
  updated_at: at,
});

describe("selectBranch", () => {
  it("follows the most recently created leaf", () => {
    const messages = [
      msg("u1", null, "2026-01-01T10:00:00Z"),
      msg("a1", "u1", "2026-01-01T10:00:01Z", "assistant"),
      msg("a1b", "u1", "2026-01-01T10:05:00.5Z", "assistant"),
      msg("u2", "a1", "2026-01-01T10:02:00Z"),
    ];
    expect(selectBranch(messages).map((m) => m.id)).toEqual(["u1", "a1b"]);
  });

  it("is empty for an empty conversation", () => {
    expect(selectBranch([])).toEqual([]);
  });
});
