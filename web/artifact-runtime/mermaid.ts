// The Mermaid chunk, the heaviest: loaded only by frames that show a diagram.
import mermaid from "mermaid";
import type { FrameTheme } from "../src/features/artifacts/frameProtocol";
import { registerChunk } from "./chunks";

let configured: FrameTheme | null = null;
let counter = 0;

async function renderMermaid(source: string, theme: FrameTheme): Promise<string> {
  if (configured !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: theme === "dark" ? "dark" : "neutral",
      fontFamily: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    });
    configured = theme;
  }
  // parse() throws a readable syntax error; render() on bad input leaves an error drawing behind.
  await mermaid.parse(source);
  counter += 1;
  const id = `parley-mermaid-${counter}`;
  try {
    const { svg } = await mermaid.render(id, source);
    return svg;
  } finally {
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

registerChunk("mermaid", { renderMermaid });
