import type {
  Approval,
  MessageStatus,
  Part,
  RunEvent,
  RunFrame,
  SandboxLimits,
} from "../../api/types";
import { appendOutput, type LiveOutput, NO_OUTPUT } from "../tools/output";

type ArtifactStartEvent = Extract<RunEvent, { type: "artifact_start" }>;
type ArtifactEvent = Extract<RunEvent, { type: "artifact" }>;
type ArtifactRefPart = Extract<Part, { type: "artifact_ref" }>;
type ToolOutputEvent = Extract<RunEvent, { type: "tool_output" }>;
type ToolResultEvent = Extract<RunEvent, { type: "tool_result" }>;

/** What the stream has told about one tool call beyond its parts: live output and the limits. */
export interface ToolRun {
  /** Output so far, while it runs. */
  output: LiveOutput;
  /** The sandbox limits the approval request stated. */
  limits: SandboxLimits | null;
  /** Approved with "always allow in this conversation". */
  remembered: boolean;
}

/** An artifact this run is creating or changing, as far as the stream has told. */
export interface StreamingArtifact {
  artifactId: string;
  identifier: string;
  type: ArtifactStartEvent["artifact_type"];
  title: string;
  language: string | null;
  operation: ArtifactStartEvent["operation"];
  /**
   * What has streamed so far for a create or rewrite, the full content once stored; null while an
   * `update` is being applied (nothing streams for it: the previous content is still current).
   */
  content: string | null;
  /** The version stored by the `artifact` event; null while it is still being written. */
  version: number | null;
}

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
  /** By artifact id: the artifacts this run touched, for the panel to show live. */
  artifacts: Record<string, StreamingArtifact>;
  /** By tool call id: live output and approval details of the code this run runs. */
  tools: Record<string, ToolRun>;
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
    artifacts: {},
    tools: {},
    status: "streaming",
    stopReason: null,
    error: null,
    inputTokens: null,
    outputTokens: null,
    title: null,
  };
}

function appendPart(parts: Part[], type: "text" | "thinking", text: string): Part[] {
  const last = parts[parts.length - 1];
  if (last && last.type === type) {
    return [...parts.slice(0, -1), { type, text: last.text + text }];
  }
  return [...parts, { type, text }];
}

/** The index of the newest card for this artifact (a run may change one artifact twice). */
function cardIndex(parts: Part[], artifactId: string): number {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part?.type === "artifact_ref" && part.artifact_id === artifactId) return i;
  }
  return -1;
}

function startArtifact(state: RunState, event: ArtifactStartEvent): RunState {
  const card: ArtifactRefPart = {
    type: "artifact_ref",
    artifact_id: event.artifact_id,
    identifier: event.identifier,
    artifact_type: event.artifact_type,
    title: event.title,
    operation: event.operation,
    version: null,
  };
  const before = state.artifacts[event.artifact_id];
  const streaming: StreamingArtifact = {
    artifactId: event.artifact_id,
    identifier: event.identifier,
    type: event.artifact_type,
    title: event.title,
    language: event.language,
    operation: event.operation,
    content: event.operation === "update" ? (before?.content ?? null) : "",
    version: null,
  };
  return {
    ...state,
    phase: "streaming",
    queuePosition: null,
    parts: [...state.parts, card],
    artifacts: { ...state.artifacts, [event.artifact_id]: streaming },
  };
}

function storeArtifact(state: RunState, event: ArtifactEvent): RunState {
  const index = cardIndex(state.parts, event.artifact_id);
  const parts = [...state.parts];
  const card = parts[index];
  if (card?.type === "artifact_ref") {
    parts[index] = {
      ...card,
      artifact_type: event.artifact_type,
      title: event.title,
      operation: event.operation,
      version: event.version,
    };
  }
  const stored: StreamingArtifact = {
    artifactId: event.artifact_id,
    identifier: event.identifier,
    type: event.artifact_type,
    title: event.title,
    language: event.language,
    operation: event.operation,
    content: event.content,
    version: event.version,
  };
  return { ...state, parts, artifacts: { ...state.artifacts, [event.artifact_id]: stored } };
}

function dropArtifact(state: RunState, artifactId: string): RunState {
  const index = cardIndex(state.parts, artifactId);
  const card = state.parts[index];
  const parts =
    card?.type === "artifact_ref" && card.version === null
      ? state.parts.filter((_, i) => i !== index)
      : state.parts;
  const { [artifactId]: _failed, ...artifacts } = state.artifacts;
  return { ...state, parts, artifacts };
}

function setApproval(parts: Part[], toolCallId: string, approval: Approval): Part[] {
  return parts.map((part) =>
    part.type === "tool_call" && part.tool_call_id === toolCallId ? { ...part, approval } : part,
  );
}

/** A call that starts running (or has a result) without having asked ran automatically. */
function markAutomatic(parts: Part[], toolCallId: string): Part[] {
  const call = parts.find((p) => p.type === "tool_call" && p.tool_call_id === toolCallId);
  if (call?.type !== "tool_call" || call.approval) return parts;
  return setApproval(parts, toolCallId, "automatic");
}

function toolRun(state: RunState, toolCallId: string): ToolRun {
  return state.tools[toolCallId] ?? { output: NO_OUTPUT, limits: null, remembered: false };
}

function withToolRun(state: RunState, toolCallId: string, update: Partial<ToolRun>): RunState {
  return {
    ...state,
    tools: { ...state.tools, [toolCallId]: { ...toolRun(state, toolCallId), ...update } },
  };
}

function addOutput(state: RunState, event: ToolOutputEvent): RunState {
  const output = appendOutput(toolRun(state, event.tool_call_id).output, event.stream, event.text);
  return {
    ...withToolRun(state, event.tool_call_id, { output }),
    parts: markAutomatic(state.parts, event.tool_call_id),
  };
}

function addResult(state: RunState, event: ToolResultEvent): RunState {
  const parts = event.execution ? markAutomatic(state.parts, event.tool_call_id) : state.parts;
  return {
    ...state,
    parts: [
      ...parts,
      {
        type: "tool_result",
        tool_call_id: event.tool_call_id,
        name: event.name,
        is_error: event.is_error,
        content: event.content,
        execution: event.execution ?? null,
      },
    ],
  };
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
    case "artifact_start":
      return startArtifact(next, event);
    case "artifact_delta": {
      const artifact = next.artifacts[event.artifact_id];
      if (!artifact) return next;
      return {
        ...next,
        artifacts: {
          ...next.artifacts,
          [event.artifact_id]: { ...artifact, content: (artifact.content ?? "") + event.text },
        },
      };
    }
    case "artifact":
      return storeArtifact(next, event);
    case "artifact_failed":
      return dropArtifact(next, event.artifact_id);
    case "tool_call":
      return {
        ...next,
        phase: "streaming",
        queuePosition: null,
        parts: [
          ...next.parts,
          {
            type: "tool_call",
            tool_call_id: event.tool_call_id,
            name: event.name,
            input: event.input,
            approval: null,
          },
        ],
      };
    case "approval_required":
      return {
        ...withToolRun(next, event.tool_call_id, { limits: event.limits }),
        parts: setApproval(next.parts, event.tool_call_id, "pending"),
      };
    case "approval_resolved":
      return {
        ...withToolRun(next, event.tool_call_id, { remembered: event.remembered ?? false }),
        parts: setApproval(next.parts, event.tool_call_id, event.approved ? "approved" : "denied"),
      };
    case "tool_output":
      return addOutput(next, event);
    case "tool_result":
      return addResult(next, event);
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
    case "sources":
      return { ...next, parts: [...next.parts, { type: "sources", sources: event.sources }] };
    default:
      return assertNever(event);
  }
}
