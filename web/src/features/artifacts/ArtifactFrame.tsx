import { useEffect, useRef, useState } from "react";
import {
  FRAME_SANDBOX,
  FRAME_URL,
  type FrameArtifact,
  type FrameTheme,
  readFrameMessage,
  renderMessage,
} from "./frameProtocol";

export interface ArtifactFrameProps {
  artifact: FrameArtifact;
  /** false while the artifact streams in: failed renders then keep the last good one, silently. */
  final: boolean;
  onError: (message: string, detail?: string) => void;
  onHeight?: (height: number) => void;
  /** Styles code, Markdown and Mermaid previews; HTML and React artifacts draw their own colours. */
  theme?: FrameTheme;
  className?: string;
  title: string;
}

/**
 * A preview of one artifact in the sandboxed runtime frame (see frameProtocol.ts). Renders are
 * posted once the frame is ready and again whenever the artifact changes. Give it a `key` per
 * artifact, so a different artifact never inherits the frame (and the globals) of another.
 */
export function ArtifactFrame({
  artifact,
  final,
  onError,
  onHeight,
  theme,
  className,
  title,
}: ArtifactFrameProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  // Bumped to start over in a fresh frame (a new iframe element).
  const [generation, setGeneration] = useState(0);
  // An HTML page's scripts leave globals and timers in the frame's window: once a final page has
  // run, any other render gets a fresh frame instead.
  const ranPage = useRef<string | null>(null);
  const callbacks = useRef({ onError, onHeight });
  useEffect(() => {
    callbacks.current = { onError, onHeight };
  });

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const message = readFrameMessage(event, frameRef.current);
      if (!message) return;
      switch (message.type) {
        case "ready":
          setReady(true);
          break;
        case "height":
          callbacks.current.onHeight?.(message.height);
          break;
        case "error":
          callbacks.current.onError(message.message, message.detail);
          break;
        case "rendered":
          break;
        default: {
          const unknown: never = message;
          return unknown;
        }
      }
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  const { type, content, title: artifactTitle, language } = artifact;
  useEffect(() => {
    const target = frameRef.current?.contentWindow;
    if (!ready || !target) return;
    if (ranPage.current !== null) {
      if (type === "html" && final && content === ranPage.current) return;
      ranPage.current = null;
      setReady(false);
      setGeneration((n) => n + 1);
      return;
    }
    const message = renderMessage({ type, content, title: artifactTitle, language }, final, theme);
    // The frame's origin is opaque, so it cannot be named as the target; only it can receive.
    target.postMessage(message, "*");
    if (type === "html" && final) ranPage.current = content;
  }, [ready, type, content, artifactTitle, language, final, theme]);

  return (
    <iframe
      key={generation}
      ref={frameRef}
      title={title}
      src={FRAME_URL}
      sandbox={FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      className={className}
      // The load event means the runtime is listening, even if its ready message came too early.
      onLoad={() => setReady(true)}
    />
  );
}
