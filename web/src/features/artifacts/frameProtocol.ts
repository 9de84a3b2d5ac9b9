/**
 * The message protocol between Parley and the sandboxed artifact preview frame.
 *
 * The frame is `<iframe sandbox="allow-scripts" src="/artifact-frame">`: without `allow-same-origin`
 * its origin is opaque, so it cannot read Parley's cookies, storage or DOM, and the server sends it a
 * Content-Security-Policy that forbids every network connection. The two sides talk only through
 * `postMessage`, and each checks who sent a message and that it matches this schema; anything else is
 * ignored. Every message carries `parley: 1`.
 *
 * parent → frame
 *   { parley: 1, type: "render", artifact: { type, content, title, language }, final, theme? }
 *     Sent repeatedly while an artifact streams in (`final: false`) and once complete (`final: true`).
 *     A render with `final: false` that fails (half-written React, an unclosed SVG) keeps the
 *     previous good render and reports nothing. `theme` ("light" | "dark") styles code, Markdown and
 *     Mermaid; HTML and React artifacts draw their own colours.
 *
 * frame → parent
 *   { parley: 1, type: "ready" }                              the runtime is listening
 *   { parley: 1, type: "rendered" }                           a render succeeded
 *   { parley: 1, type: "height", height }                     the content's height in CSS pixels
 *   { parley: 1, type: "error", message, detail? }            a transpile, parse or runtime error
 *
 * The frame accepts a message only when `event.source === window.parent`; the parent accepts one
 * only when `event.source === iframe.contentWindow` (`readFrameMessage`). The parent posts with target
 * origin "*" (an opaque origin cannot be named); the frame posts to Parley's own origin.
 *
 * This module has no imports: the app and the frame runtime (web/artifact-runtime) both use it.
 */

export const PROTOCOL_VERSION = 1;
export const FRAME_URL = "/artifact-frame";
/** The iframe's whole sandbox: scripts run, but in an opaque origin, with no forms, popups or top navigation. */
export const FRAME_SANDBOX = "allow-scripts";

export const ARTIFACT_TYPES = ["code", "markdown", "html", "svg", "mermaid", "react"] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];
export type FrameTheme = "light" | "dark";

export interface FrameArtifact {
  type: ArtifactType;
  content: string;
  title: string;
  language: string | null;
}

export interface RenderMessage {
  parley: 1;
  type: "render";
  artifact: FrameArtifact;
  final: boolean;
  theme?: FrameTheme;
}

export interface ReadyMessage {
  parley: 1;
  type: "ready";
}
export interface RenderedMessage {
  parley: 1;
  type: "rendered";
}
export interface HeightMessage {
  parley: 1;
  type: "height";
  height: number;
}
export interface ErrorMessage {
  parley: 1;
  type: "error";
  message: string;
  detail?: string;
}
export type FrameMessage = ReadyMessage | RenderedMessage | HeightMessage | ErrorMessage;

/** Bounds that keep a hostile frame from flooding the app with huge strings or absurd sizes. */
export const MAX_CONTENT_CHARS = 2_000_000;
export const MAX_ERROR_MESSAGE_CHARS = 2_000;
export const MAX_ERROR_DETAIL_CHARS = 20_000;
export const MAX_HEIGHT = 100_000;

type Fields = Record<string, unknown>;

function asObject(value: unknown): Fields | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : null;
}

export function isArtifactType(value: unknown): value is ArtifactType {
  return typeof value === "string" && (ARTIFACT_TYPES as readonly string[]).includes(value);
}

export function parseArtifact(value: unknown): FrameArtifact | null {
  const a = asObject(value);
  if (!a || !isArtifactType(a.type)) return null;
  if (typeof a.content !== "string" || a.content.length > MAX_CONTENT_CHARS) return null;
  if (typeof a.title !== "string" || a.title.length > 1_000) return null;
  if (a.language !== null && (typeof a.language !== "string" || a.language.length > 100))
    return null;
  return { type: a.type, content: a.content, title: a.title, language: a.language };
}

/** The frame's view of a message from its parent: a valid render message, or null. */
export function parseRenderMessage(data: unknown): RenderMessage | null {
  const m = asObject(data);
  if (!m || m.parley !== PROTOCOL_VERSION || m.type !== "render") return null;
  if (typeof m.final !== "boolean") return null;
  const artifact = parseArtifact(m.artifact);
  if (!artifact) return null;
  if (m.theme !== undefined && m.theme !== "light" && m.theme !== "dark") return null;
  const message: RenderMessage = { parley: 1, type: "render", artifact, final: m.final };
  if (m.theme !== undefined) message.theme = m.theme;
  return message;
}

/** The parent's view of a message from the frame: a valid frame message, or null. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  const m = asObject(data);
  if (!m || m.parley !== PROTOCOL_VERSION) return null;
  switch (m.type) {
    case "ready":
    case "rendered":
      return { parley: 1, type: m.type };
    case "height":
      return typeof m.height === "number" && Number.isFinite(m.height) && m.height >= 0
        ? { parley: 1, type: "height", height: Math.min(Math.ceil(m.height), MAX_HEIGHT) }
        : null;
    case "error": {
      if (typeof m.message !== "string") return null;
      if (m.detail !== undefined && typeof m.detail !== "string") return null;
      const error: ErrorMessage = {
        parley: 1,
        type: "error",
        message: m.message.slice(0, MAX_ERROR_MESSAGE_CHARS),
      };
      if (m.detail !== undefined) error.detail = m.detail.slice(0, MAX_ERROR_DETAIL_CHARS);
      return error;
    }
    default:
      return null;
  }
}

/** A message from this iframe's own window that matches the schema, or null for anything else. */
export function readFrameMessage(
  event: MessageEvent,
  iframe: HTMLIFrameElement | null,
): FrameMessage | null {
  if (!iframe || event.source === null || event.source !== iframe.contentWindow) return null;
  return parseFrameMessage(event.data);
}

export function isFrameMessage(event: MessageEvent, iframe: HTMLIFrameElement | null): boolean {
  return readFrameMessage(event, iframe) !== null;
}

export function renderMessage(
  artifact: FrameArtifact,
  final: boolean,
  theme?: FrameTheme,
): RenderMessage {
  const message: RenderMessage = { parley: 1, type: "render", artifact, final };
  if (theme) message.theme = theme;
  return message;
}
