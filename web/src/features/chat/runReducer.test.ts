import { describe, expect, it } from "vitest";
import type { RunEvent, RunFrame } from "../../api/types";
import { initialRunState, type RunState, reduceRun } from "./runReducer";

const frames = (events: RunEvent[], from = 1): RunFrame[] =>
  events.map((event, i) => ({ seq: from + i, event }));

const apply = (state: RunState, list: RunFrame[]) => list.reduce(reduceRun, state);

const script: RunEvent[] = [
  { type: "message_start", run_id: "r1", conversation_id: "c1", message_id: "m1", model: "claude" },
  { type: "queued", position: 2 },
  { type: "thinking_delta", text: "Let me " },
  { type: "thinking_delta", text: "think." },
  { type: "text_delta", text: "Hello" },
  { type: "text_delta", text: ", world." },
  { type: "usage", input_tokens: 12, output_tokens: 5 },
  { type: "message_stop", status: "complete", stop_reason: "end_turn" },
  { type: "title", conversation_id: "c1", title: "Greetings" },
];

describe("reduceRun", () => {
  it("applies every event kind of a complete run", () => {
    const state = apply(initialRunState("r1", "m1"), frames(script));
    expect(state.conversationId).toBe("c1");
    expect(state.model).toBe("claude");
    expect(state.parts).toEqual([
      { type: "thinking", text: "Let me think." },
      { type: "text", text: "Hello, world." },
    ]);
    expect(state.inputTokens).toBe(12);
    expect(state.outputTokens).toBe(5);
    expect(state.phase).toBe("finished");
    expect(state.status).toBe("complete");
    expect(state.stopReason).toBe("end_turn");
    expect(state.title).toBe("Greetings");
    expect(state.lastSeq).toBe(9);
  });

  it("shows the queue position until text arrives", () => {
    const queued = apply(initialRunState("r1", "m1"), frames(script.slice(0, 2)));
    expect(queued.phase).toBe("queued");
    expect(queued.queuePosition).toBe(2);
    const streaming = apply(queued, frames(script.slice(2, 3), 3));
    expect(streaming.phase).toBe("streaming");
    expect(streaming.queuePosition).toBeNull();
  });

  it("keeps partial text and the readable message on error", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        { type: "text_delta", text: "Partial" },
        { type: "error", kind: "provider", message: "The model is overloaded." },
        { type: "message_stop", status: "error", stop_reason: null },
      ]),
    );
    expect(state.parts).toEqual([{ type: "text", text: "Partial" }]);
    expect(state.status).toBe("error");
    expect(state.error).toEqual({ kind: "provider", message: "The model is overloaded." });
    expect(state.phase).toBe("finished");
  });

  it("records cancellation with the text so far", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        { type: "text_delta", text: "Half an ans" },
        { type: "message_stop", status: "cancelled", stop_reason: null },
      ]),
    );
    expect(state.status).toBe("cancelled");
    expect(state.parts[0]).toEqual({ type: "text", text: "Half an ans" });
  });

  it("ignores replayed frames when a stream resumes, so nothing is duplicated", () => {
    const all = frames(script);
    const firstHalf = apply(initialRunState("r1", "m1"), all.slice(0, 5));
    // A reconnect that overlaps what was already applied.
    const resumed = apply(firstHalf, all.slice(3));
    const straight = apply(initialRunState("r1", "m1"), all);
    expect(resumed).toEqual(straight);
    expect(apply(straight, all)).toBe(straight);
  });

  it("does not reopen a finished answer when a late title arrives", () => {
    const state = apply(initialRunState("r1", "m1"), frames(script));
    expect(state.phase).toBe("finished");
    expect(state.title).toBe("Greetings");
  });
});
