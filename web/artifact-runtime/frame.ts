/*
 * The artifact preview runtime: the one script /artifact-frame loads. It waits for render messages
 * from its parent (see src/features/artifacts/frameProtocol.ts), draws the artifact, and reports
 * its height and errors back. Heavy renderers are separate scripts loaded on demand (loader.ts).
 */
import {
  type FrameTheme,
  parseRenderMessage,
  type RenderMessage,
} from "../src/features/artifacts/frameProtocol";
import {
  guardShadowRoots,
  installListeners,
  observeLayout,
  removeNetworkCapableGlobals,
  reportHeight,
  writeDocument,
} from "./document";
import { pageToPreview, pageToRun } from "./html";
import { forgetScript, loadChunk, loadScript } from "./loader";
import { describeError, post, RenderError, reportError, startReporting } from "./report";
import { RUNTIME_CSS } from "./styles";
import { codeView, errorView, markdownView, mermaidView, svgView } from "./views";

type Kind = RenderMessage["artifact"]["type"];

/** What the document holds now: the runtime's own page, or an HTML artifact's. */
let documentKind: Kind | "blank" = "blank";
let theme: FrameTheme = "light";

const SKELETON = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Artifact</title></head><body><div id="parley-root"></div></body></html>`;

function onMessage(event: MessageEvent): void {
  if (event.source === null || event.source !== window.parent) return;
  const message = parseRenderMessage(event.data);
  if (message) schedule(message);
}

function root(): HTMLElement {
  let node = document.getElementById("parley-root");
  if (!node) {
    node = document.createElement("div");
    node.id = "parley-root";
    document.body.append(node);
  }
  return node;
}

function applyStyles(): void {
  const style = document.createElement("style");
  style.id = "parley-runtime-style";
  style.textContent = RUNTIME_CSS;
  document.head.append(style);
}

/** A failure the view already shows (a React error boundary's fallback): only report it. */
class ShownFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * Makes the document the runtime's own page, ready for `kind`. An HTML artifact's page, or
 * Tailwind's global CSS left by a React artifact, is replaced by a fresh skeleton.
 */
function prepare(kind: Exclude<Kind, "html">): void {
  const fresh = documentKind === "html" || (documentKind === "react") !== (kind === "react");
  if (fresh && documentKind !== "blank") {
    window.__parleyChunks?.react?.unmount();
    writeDocument(SKELETON, onMessage);
    forgetScript("tailwind.js");
    applyStyles();
  }
  documentKind = kind;
  document.body.dataset.kind = kind;
  // React artifacts pick their own colours on a white page, like HTML ones.
  document.documentElement.dataset.theme = kind === "react" ? "light" : theme;
}

/** Views are built before this is called, so a render that fails leaves the last one in place. */
function replaceView(kind: Exclude<Kind, "html" | "react">, view: HTMLElement): void {
  prepare(kind);
  root().replaceChildren(view);
}

function showError(message: string, detail?: string): void {
  window.__parleyChunks?.react?.unmount();
  root().replaceChildren(errorView(message, detail));
}

async function renderReact(source: string, final: boolean): Promise<void> {
  const react = await loadChunk("react");
  let compiled: { code: string; imports: string[] };
  try {
    compiled = react.transpile(source);
  } catch (error) {
    throw new RenderError("This React component does not compile.", describeError(error).message);
  }
  const modules: Record<string, unknown> = { ...react.builtins };
  for (const name of compiled.imports) {
    if (name in modules) continue;
    if (name === "lucide-react") modules[name] = (await loadChunk("lucide")).module;
    else if (name === "recharts") modules[name] = (await loadChunk("recharts")).module;
    else
      throw new RenderError(
        `This component imports "${name}", which Parley does not provide.`,
        "React artifacts can import react, react-dom, lucide-react and recharts.",
      );
  }
  prepare("react");
  await loadScript("tailwind.js");
  const host = root();
  if (!host.querySelector(":scope > .parley-react-root")) host.replaceChildren();
  const outcome = react.mount(compiled.code, modules, host, {
    final,
    onLaterError: (error, componentStack) => {
      const { message, detail } = describeError(error);
      reportError(message, componentStack ? `${detail ?? ""}\n${componentStack}` : detail);
    },
  });
  if (!outcome.ok) throw outcome.shown ? new ShownFailure(outcome.error) : outcome.error;
}

async function render(message: RenderMessage): Promise<void> {
  const { artifact, final } = message;
  theme = message.theme ?? theme;
  // An HTML page's scripts run while it is written: their errors count from the start.
  startReporting(final);
  try {
    switch (artifact.type) {
      case "html":
        window.__parleyChunks?.react?.unmount();
        writeDocument(
          final ? pageToRun(artifact.content) : pageToPreview(artifact.content),
          onMessage,
        );
        documentKind = "html";
        forgetScript("tailwind.js");
        break;
      case "react":
        await renderReact(artifact.content, final);
        break;
      case "svg":
        replaceView("svg", svgView(artifact.content));
        break;
      case "markdown":
        replaceView("markdown", await markdownView(artifact.content));
        break;
      case "mermaid":
        replaceView("mermaid", await mermaidView(artifact.content, theme));
        break;
      case "code":
        replaceView("code", await codeView(artifact.content, artifact.language));
        break;
      default: {
        const unknown: never = artifact.type;
        throw new RenderError(`Parley cannot show artifacts of type ${String(unknown)}.`);
      }
    }
  } catch (error) {
    // A half-written artifact usually fails to parse: keep what was shown and say nothing.
    if (!final) return;
    const shown = error instanceof ShownFailure;
    const { message: text, detail } = describeError(shown ? error.cause : error);
    if (!shown) {
      if (artifact.type !== "html") prepare(artifact.type);
      showError(text, detail);
    }
    reportError(text, detail);
    reportHeight();
    return;
  }
  startReporting(final);
  post({ parley: 1, type: "rendered" });
  reportHeight();
}

// Renders run one at a time and the newest message wins. Streaming updates are spaced out a
// little, so a fast stream does not rebuild the page on every token.
const STREAM_INTERVAL_MS = 120;
let pending: RenderMessage | null = null;
let running = false;
let lastStreamRender = 0;

function schedule(message: RenderMessage): void {
  pending = message;
  if (!running) void drain();
}

async function drain(): Promise<void> {
  running = true;
  try {
    while (pending) {
      if (!pending.final) {
        const wait = lastStreamRender + STREAM_INTERVAL_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const next = pending;
      pending = null;
      if (!next) break;
      await render(next);
      if (!next.final) lastStreamRender = performance.now();
    }
  } finally {
    running = false;
  }
}

removeNetworkCapableGlobals();
guardShadowRoots();
installListeners(onMessage);
applyStyles();
document.documentElement.dataset.theme = theme;
root();
observeLayout();
post({ parley: 1, type: "ready" });
