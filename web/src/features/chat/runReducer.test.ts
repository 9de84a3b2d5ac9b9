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
  {
    type: "usage",
    input_tokens: 12,
    output_tokens: 5,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_usd: 0.0001,
  },
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

describe("reduceRun with artifacts", () => {
  const start = (operation: "create" | "update" | "rewrite" = "create", id = "a1"): RunEvent => ({
    type: "artifact_start",
    artifact_id: id,
    identifier: "page",
    artifact_type: "html",
    title: "Hello page",
    language: null,
    operation,
  });
  const stored = (version: number, content: string, id = "a1"): RunEvent => ({
    type: "artifact",
    artifact_id: id,
    identifier: "page",
    artifact_type: "html",
    title: "Hello page",
    language: null,
    operation: version === 1 ? "create" : "update",
    version,
    content,
  });

  it("puts the card where the artifact starts, between the text around it", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        { type: "text_delta", text: "Here it is:" },
        start(),
        { type: "artifact_delta", artifact_id: "a1", text: "<h1>He" },
        { type: "artifact_delta", artifact_id: "a1", text: "llo</h1>" },
        { type: "text_delta", text: "Done." },
      ]),
    );
    expect(state.parts).toEqual([
      { type: "text", text: "Here it is:" },
      {
        type: "artifact_ref",
        artifact_id: "a1",
        identifier: "page",
        artifact_type: "html",
        title: "Hello page",
        operation: "create",
        version: null,
      },
      { type: "text", text: "Done." },
    ]);
    expect(state.artifacts.a1?.content).toBe("<h1>Hello</h1>");
    expect(state.artifacts.a1?.version).toBeNull();
  });

  it("marks the card with the stored version and keeps the full content", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        start(),
        { type: "artifact_delta", artifact_id: "a1", text: "<h1>Hel" },
        stored(1, "<h1>Hello</h1>"),
      ]),
    );
    expect(state.parts[0]).toMatchObject({ type: "artifact_ref", version: 1 });
    expect(state.artifacts.a1).toMatchObject({ content: "<h1>Hello</h1>", version: 1 });
  });

  it("keeps the stored content while an update is applied, and cards each change", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([start(), stored(1, "<h1>Hello</h1>"), start("update")]),
    );
    expect(state.parts).toHaveLength(2);
    expect(state.parts[1]).toMatchObject({ operation: "update", version: null });
    expect(state.artifacts.a1).toMatchObject({ content: "<h1>Hello</h1>", version: null });
    const updated = apply(state, frames([stored(2, "<h1>Hi</h1>")], 4));
    expect(updated.parts[0]).toMatchObject({ version: 1 });
    expect(updated.parts[1]).toMatchObject({ version: 2 });
    expect(updated.artifacts.a1?.content).toBe("<h1>Hi</h1>");
  });

  it("starts a rewrite from empty content", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        start(),
        stored(1, "old"),
        start("rewrite"),
        { type: "artifact_delta", artifact_id: "a1", text: "new" },
      ]),
    );
    expect(state.artifacts.a1?.content).toBe("new");
  });

  it("removes the card and the stream state of a change that failed", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        { type: "text_delta", text: "Trying." },
        start("update"),
        { type: "artifact_failed", artifact_id: "a1", message: "old_str not found" },
        { type: "text_delta", text: " Again." },
      ]),
    );
    expect(state.parts).toEqual([{ type: "text", text: "Trying. Again." }]);
    expect(state.artifacts).toEqual({});
  });

  it("keeps a stored card when a later change to it fails", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        start(),
        stored(1, "v1"),
        { type: "artifact_failed", artifact_id: "a1", message: "bad" },
      ]),
    );
    expect(state.parts).toHaveLength(1);
    expect(state.parts[0]).toMatchObject({ version: 1 });
  });

  it("ignores deltas for an artifact it never saw start, and replays", () => {
    const all = frames([start(), { type: "artifact_delta", artifact_id: "a1", text: "abc" }]);
    const once = apply(initialRunState("r1", "m1"), all);
    expect(apply(once, all)).toBe(once);
    const stray = apply(
      initialRunState("r1", "m1"),
      frames([{ type: "artifact_delta", artifact_id: "zz", text: "x" }]),
    );
    expect(stray.artifacts).toEqual({});
  });
});

const limits = {
  timeout_seconds: 10,
  max_timeout_seconds: 60,
  memory_mb: 512,
  max_processes: 64,
  max_output_bytes: 1_048_576,
  network: false,
};

const execution = {
  id: "e1",
  language: "python",
  status: "ok" as const,
  exit_code: 0,
  stdout: "42\n",
  stderr: "",
  stdout_truncated: false,
  stderr_truncated: false,
  duration_ms: 412,
  files: [],
  created_at: "2026-01-01T10:00:00Z",
};

const call = (id = "t1"): RunEvent => ({
  type: "tool_call",
  tool_call_id: id,
  name: "run_code",
  input: { language: "python", code: "print(6*7)" },
});
const asked = (id = "t1"): RunEvent => ({
  type: "approval_required",
  tool_call_id: id,
  name: "run_code",
  language: "python",
  code: "print(6*7)",
  limits,
});
const output = (text: string, stream: "stdout" | "stderr" = "stdout", id = "t1"): RunEvent => ({
  type: "tool_output",
  tool_call_id: id,
  stream,
  text,
});
const result = (withExecution: boolean, content = "Exit code: 0", id = "t1"): RunEvent => ({
  type: "tool_result",
  tool_call_id: id,
  name: "run_code",
  is_error: false,
  content,
  execution: withExecution ? execution : null,
});
const approvalOf = (state: RunState, id = "t1") => {
  const part = state.parts.find((p) => p.type === "tool_call" && p.tool_call_id === id);
  return part?.type === "tool_call" ? part.approval : "missing";
};

describe("reduceRun with tool calls", () => {
  it("goes from pending to approved, keeps live output per call, then adds the result in order", () => {
    const start = apply(
      initialRunState("r1", "m1"),
      frames([{ type: "text_delta", text: "Let me compute." }, call(), asked()]),
    );
    expect(approvalOf(start)).toBe("pending");
    expect(start.tools.t1?.limits).toEqual(limits);
    expect(start.phase).toBe("streaming");

    const approved = apply(
      start,
      frames(
        [
          { type: "approval_resolved", tool_call_id: "t1", approved: true, remembered: false },
          output("4"),
          output("2\n"),
          output("warning\n", "stderr"),
        ],
        4,
      ),
    );
    expect(approvalOf(approved)).toBe("approved");
    expect(approved.tools.t1?.output.chunks).toEqual([
      { stream: "stdout", text: "42\n" },
      { stream: "stderr", text: "warning\n" },
    ]);

    const done = apply(
      approved,
      frames(
        [
          result(true),
          { type: "text_delta", text: "It is 42." },
          { type: "message_stop", status: "complete", stop_reason: "end_turn" },
        ],
        8,
      ),
    );
    expect(done.parts.map((p) => p.type)).toEqual(["text", "tool_call", "tool_result", "text"]);
    expect(done.parts[2]).toMatchObject({ tool_call_id: "t1", execution: { stdout: "42\n" } });
    expect(approvalOf(done)).toBe("approved");
  });

  it("records a denial and the result that carries no execution", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        call(),
        asked(),
        { type: "approval_resolved", tool_call_id: "t1", approved: false, remembered: false },
        result(false, "The user declined to run this code."),
      ]),
    );
    expect(approvalOf(state)).toBe("denied");
    expect(state.parts[1]).toMatchObject({ type: "tool_result", execution: null });
    expect(state.tools.t1?.output.chunks).toEqual([]);
  });

  it("remembers 'always allow' for the card", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        call(),
        asked(),
        { type: "approval_resolved", tool_call_id: "t1", approved: true, remembered: true },
      ]),
    );
    expect(state.tools.t1?.remembered).toBe(true);
  });

  it("marks a call that runs without asking as automatic", () => {
    const byOutput = apply(initialRunState("r1", "m1"), frames([call(), output("hi")]));
    expect(approvalOf(byOutput)).toBe("automatic");
    // A replay from the database has no output events: the result alone tells.
    const byResult = apply(initialRunState("r1", "m1"), frames([call(), result(true)]));
    expect(approvalOf(byResult)).toBe("automatic");
    // A malformed request gets an error result without running: nothing was approved.
    const refused = apply(
      initialRunState("r1", "m1"),
      frames([call(), result(false, "`code` is required")]),
    );
    expect(approvalOf(refused)).toBeNull();
  });

  it("keeps two calls' output apart and never lets an approval touch the other call", () => {
    const state = apply(
      initialRunState("r1", "m1"),
      frames([
        call("a"),
        asked("a"),
        { type: "approval_resolved", tool_call_id: "a", approved: true, remembered: false },
        output("from a", "stdout", "a"),
        result(true, "ok", "a"),
        call("b"),
        asked("b"),
      ]),
    );
    expect(approvalOf(state, "a")).toBe("approved");
    expect(approvalOf(state, "b")).toBe("pending");
    expect(state.tools.a?.output.chunks[0]?.text).toBe("from a");
    expect(state.tools.b?.output.chunks ?? []).toEqual([]);
  });

  it("applies a replayed approval only once", () => {
    const all = frames([call(), asked(), output("x")]);
    const once = apply(initialRunState("r1", "m1"), all);
    expect(apply(once, all)).toBe(once);
    expect(once.tools.t1?.output.chunks).toEqual([{ stream: "stdout", text: "x" }]);
  });
});
