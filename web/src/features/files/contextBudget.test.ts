import { describe, expect, it } from "vitest";
import type { Message } from "../../api/types";
import { budgetShare, contextBudget } from "./contextBudget";
import { attachmentPart } from "./testing";

const message = (parts: Message["parts"]): Message => ({
  id: "m1",
  conversation_id: "c",
  parent_id: null,
  role: "user",
  parts,
  model: null,
  status: "complete",
  stop_reason: null,
  error: null,
  input_tokens: null,
  output_tokens: null,
  run_id: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
});

describe("contextBudget", () => {
  it("adds the files in the history and in the composer to the conversation's text", () => {
    const budget = contextBudget({
      branch: [
        message([attachmentPart({ token_estimate: 640 }), { type: "text", text: "x".repeat(400) }]),
        message([
          { type: "thinking", text: "y".repeat(4000) },
          { type: "text", text: "ok" },
        ]),
      ],
      draft: "abcd",
      pendingTokens: [2000, 1000],
      limit: 10_000,
    });
    expect(budget).toMatchObject({
      conversation: 101,
      sentFiles: 640,
      pendingFiles: 3000,
      draft: 1,
      total: 3742,
    });
    expect(budgetShare(budget)).toBeCloseTo(0.3742);
  });
});
