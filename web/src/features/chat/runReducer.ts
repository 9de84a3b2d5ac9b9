import type { MessageStatus, Part, RunFrame } from "../../api/types";

export interface RunState {
  runId: string;
  messageId: string;
  conversationId: string | null;
  model: string | null;
  /** Highest seq applied; frames at or below it are replays and are ignored. */
  lastSeq: number;
  phase: "connecting" | "queued" | "streaming" | "finished";
  queuePosition: number | null;
  parts: Part[];
  status: MessageStatus;
  stopReason: string | null;
  error: { kind: string; message: string } | null;
  inputTokens: number | null;
  outputTokens: number | null;
  title: string | null;
}

export function initialRunState(runId: string, messageId: string): RunState {
  return {
    runId,
    messageId,
    conversationId: null,
    model: null,
    lastSeq: 0,
    phase: "connecting",
    queuePosition: null,
    parts: [],
    status: "streaming",
    stopReason: null,
    error: null,
    inputTokens: null,
    outputTokens: null,
    title: null,
  };
}

function appendPart(parts: Part[], type: Part["type"], text: string): Part[] {
  const last = parts[parts.length - 1];
  if (last && last.type === type) {
    return [...parts.slice(0, -1), { type, text: last.text + text }];
  }
  return [...parts, { type, text }];
}

function assertNever(value: never): never {
  throw new Error(`unhandled run event ${JSON.stringify(value)}`);
}

/** Applies one frame of a run's event log. Pure; replayed frames (seq already seen) are no-ops. */
export function reduceRun(state: RunState, frame: RunFrame): RunState {
  if (frame.seq <= state.lastSeq) return state;
  const next: RunState = { ...state, lastSeq: frame.seq };
  const event = frame.event;
  switch (event.type) {
    case "message_start":
      return {
        ...next,
        conversationId: event.conversation_id,
        model: event.model,
        phase: next.phase === "finished" ? "finished" : "streaming",
      };
    case "queued":
      return { ...next, phase: "queued", queuePosition: event.position };
    case "text_delta":
      return {
        ...next,
        phase: "streaming",
        queuePosition: null,
        parts: appendPart(next.parts, "text", event.text),
      };
    case "thinking_delta":
      return {
        ...next,
        phase: "streaming",
        queuePosition: null,
        parts: appendPart(next.parts, "thinking", event.text),
      };
    case "usage":
      return { ...next, inputTokens: event.input_tokens, outputTokens: event.output_tokens };
    case "error":
      return { ...next, status: "error", error: { kind: event.kind, message: event.message } };
    case "message_stop":
      return {
        ...next,
        phase: "finished",
        queuePosition: null,
        status: event.status,
        stopReason: event.stop_reason ?? null,
      };
    case "title":
      return { ...next, title: event.title };
    default:
      return assertNever(event);
  }
}
