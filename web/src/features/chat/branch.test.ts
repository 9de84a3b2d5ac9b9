import { describe, expect, it } from "vitest";
import type { Message } from "../../api/types";
import { choicesLeadingTo, selectBranch } from "./branch";

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

const tree = [
  msg("u1", null, "2026-01-01T10:00:00Z"),
  msg("a1", "u1", "2026-01-01T10:00:01Z", "assistant"),
  msg("u2", "a1", "2026-01-01T10:02:00Z"),
  msg("a2", "u2", "2026-01-01T10:02:01Z", "assistant"),
  msg("a1b", "u1", "2026-01-01T10:05:00.5Z", "assistant"),
];

describe("selectBranch", () => {
  it("follows the most recently created leaf", () => {
    const branch = selectBranch(tree);
    expect(branch.map((e) => e.message.id)).toEqual(["u1", "a1b"]);
    expect(branch[1]).toMatchObject({
      siblingIndex: 1,
      siblingCount: 2,
      siblingIds: ["a1", "a1b"],
    });
  });

  it("honours the reader's choice at a fork and continues below it", () => {
    const branch = selectBranch(tree, { u1: "a1" });
    expect(branch.map((e) => e.message.id)).toEqual(["u1", "a1", "u2", "a2"]);
    expect(branch[1]?.siblingIndex).toBe(0);
  });

  it("handles a long chain without recursion limits", () => {
    const chain: Message[] = [];
    for (let i = 0; i < 5000; i++) {
      chain.push(
        msg(`m${i}`, i ? `m${i - 1}` : null, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()),
      );
    }
    const branch = selectBranch(chain);
    expect(branch).toHaveLength(5000);
    expect(branch[4999]?.message.id).toBe("m4999");
  });

  it("is empty for an empty conversation", () => {
    expect(selectBranch([])).toEqual([]);
  });
});

describe("choicesLeadingTo", () => {
  it("switches to the branch that holds a message the default thread does not show", () => {
    expect(selectBranch(tree).map((e) => e.message.id)).not.toContain("u2");
    const choices = choicesLeadingTo(tree, "u2");
    expect(choices).toEqual({ "": "u1", u1: "a1", a1: "u2" });
    expect(selectBranch(tree, choices ?? {}).map((e) => e.message.id)).toEqual([
      "u1",
      "a1",
      "u2",
      "a2",
    ]);
  });

  it("is null for a message that is not in the tree", () => {
    expect(choicesLeadingTo(tree, "gone")).toBeNull();
  });
});
