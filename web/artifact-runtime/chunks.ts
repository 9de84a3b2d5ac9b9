/*
 * The runtime is split into classic scripts so that a frame loads only what its artifact needs:
 * frame.js is always there; each chunk below is injected on demand and registers its API on
 * window.__parleyChunks. Classic scripts, not modules: a module script requested from the frame's
 * opaque origin would need CORS headers.
 */
import type { FrameTheme } from "../src/features/artifacts/frameProtocol";

export interface CodeChunk {
  /** Highlighted HTML (highlight.js spans, escaped text) and the language it was read as. */
  highlight(code: string, language: string | null): { html: string; language: string | null };
}

export interface MarkdownChunk {
  /** Unsanitised HTML: the frame runs it through DOMPurify before inserting it. */
  markdownToHtml(source: string): string;
}

export interface MermaidChunk {
  /** The diagram as an SVG string; throws on a syntax error. */
  renderMermaid(source: string, theme: FrameTheme): Promise<string>;
}

/** `shown`: the failure is on screen already (the error boundary's fallback of a final render). */
export type MountOutcome = { ok: true } | { ok: false; error: unknown; shown: boolean };

export interface ReactChunk {
  /** TSX/JSX with ES imports → CommonJS with `require` calls; throws on a syntax error. */
  transpile(source: string): { code: string; imports: string[] };
  /** react, react-dom, react-dom/client and react/jsx-runtime, as the artifact may import them. */
  builtins: Record<string, unknown>;
  /**
   * Renders the compiled module's default export into a new root inside host and, when that
   * succeeded (or when final), replaces the previous root with it.
   */
  mount(
    code: string,
    modules: Record<string, unknown>,
    host: HTMLElement,
    options: { final: boolean; onLaterError: (error: unknown, componentStack?: string) => void },
  ): MountOutcome;
  unmount(): void;
}

export interface LibraryChunk {
  module: Record<string, unknown>;
}

export interface ChunkApis {
  code: CodeChunk;
  markdown: MarkdownChunk;
  mermaid: MermaidChunk;
  react: ReactChunk;
  recharts: LibraryChunk;
  lucide: LibraryChunk;
}

declare global {
  interface Window {
    __parleyChunks?: Partial<ChunkApis>;
  }
}

export function registerChunk<K extends keyof ChunkApis>(name: K, api: ChunkApis[K]): void {
  window.__parleyChunks ??= {};
  window.__parleyChunks[name] = api;
}
