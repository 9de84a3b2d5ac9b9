import {
  type FrameMessage,
  MAX_ERROR_DETAIL_CHARS,
  MAX_ERROR_MESSAGE_CHARS,
} from "../src/features/artifacts/frameProtocol";

// location.origin is the URL's origin (Parley's), not the sandbox's opaque one: replies go only to
// a Parley page, never to whatever might embed a navigated copy of this frame.
const parentOrigin = new URL(location.href).origin;

export function post(message: FrameMessage): void {
  if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
}

/** An error the runtime expected (bad syntax, unknown import), shown without a stack. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

// A syntax error in an HTML page's script surfaces through the runtime's document.write call;
// the message should be about the page, and the runtime's stack means nothing to its author.
const WRITE_PREFIX = "Failed to execute 'write' on 'Document': ";

export function describeError(error: unknown): { message: string; detail?: string } {
  if (error instanceof RenderError) return { message: error.message, detail: error.detail };
  if (error instanceof Error) {
    const name = error.name && error.name !== "Error" ? `${error.name}: ` : "";
    if (error.message.startsWith(WRITE_PREFIX)) {
      return { message: `${name}${error.message.slice(WRITE_PREFIX.length)}` };
    }
    return { message: `${name}${error.message}`, detail: error.stack };
  }
  return { message: String(error) };
}

// While an artifact streams in (final=false) nothing is reported; once final, at most a few
// distinct errors per render, so an artifact throwing in an animation loop cannot flood the app.
const MAX_REPORTS_PER_RENDER = 20;
let reporting = false;
let reported = 0;
let lastKey = "";

export function startReporting(final: boolean): void {
  reporting = final;
  reported = 0;
  lastKey = "";
}

export function reportError(message: string, detail?: string): void {
  if (!reporting) return;
  const key = `${message}\n${detail ?? ""}`;
  if (key === lastKey || reported >= MAX_REPORTS_PER_RENDER) return;
  lastKey = key;
  reported += 1;
  const error: FrameMessage = {
    parley: 1,
    type: "error",
    message: message.slice(0, MAX_ERROR_MESSAGE_CHARS) || "Unknown error",
  };
  if (detail) error.detail = detail.slice(0, MAX_ERROR_DETAIL_CHARS);
  post(error);
}

export function reportThrown(error: unknown): void {
  const { message, detail } = describeError(error);
  reportError(message, detail);
}
