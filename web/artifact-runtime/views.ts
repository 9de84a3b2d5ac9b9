import DOMPurify from "dompurify";
import type { FrameTheme } from "../src/features/artifacts/frameProtocol";
import { loadChunk } from "./loader";
import { RenderError } from "./report";

/*
 * Renderers for the types the runtime draws itself. Each builds the new view off-document and
 * returns it; the caller swaps it in only when it succeeded, so a failed render leaves the
 * previous one on screen.
 */

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

export async function codeView(source: string, language: string | null): Promise<HTMLElement> {
  const code = await loadChunk("code");
  const { html, language: detected } = code.highlight(source, language);
  const lines = Math.max(1, source.replace(/\n$/, "").split("\n").length);
  const view = element("div", "parley-code");
  const gutter = element("pre", "gutter");
  gutter.setAttribute("aria-hidden", "true");
  gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join("\n");
  const pre = element("pre", "source");
  const codeEl = element("code", `hljs${detected ? ` language-${detected}` : ""}`);
  codeEl.innerHTML = html;
  pre.append(codeEl);
  view.append(gutter, pre);
  return view;
}

export async function markdownView(source: string): Promise<HTMLElement> {
  const markdown = await loadChunk("markdown");
  const article = element("article", "parley-markdown");
  // The frame is isolated already; sanitising is defence in depth against a runtime bug.
  article.append(
    DOMPurify.sanitize(markdown.markdownToHtml(source), {
      RETURN_DOM_FRAGMENT: true,
      USE_PROFILES: { html: true },
    }),
  );
  const blocks = article.querySelectorAll<HTMLElement>("pre > code");
  if (blocks.length > 0) {
    const code = await loadChunk("code");
    for (const block of blocks) {
      const language = /\blanguage-([\w+#.-]+)/.exec(block.className)?.[1] ?? null;
      const { html, language: detected } = code.highlight(block.textContent ?? "", language);
      block.innerHTML = html;
      block.classList.add("hljs");
      if (detected) block.dataset.language = detected;
    }
  }
  for (const link of article.querySelectorAll("a[href]")) {
    link.setAttribute("rel", "noreferrer");
    link.setAttribute("title", link.getAttribute("href") ?? "");
  }
  return article;
}

export function svgView(source: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(source.trim(), "image/svg+xml");
  const problem = parsed.querySelector("parsererror");
  if (problem) {
    throw new RenderError("This SVG is not well-formed.", problem.textContent?.trim() || undefined);
  }
  if (parsed.documentElement.localName !== "svg") {
    throw new RenderError("This artifact is not an SVG image: its root element is not <svg>.");
  }
  const clean = DOMPurify.sanitize(source, {
    RETURN_DOM_FRAGMENT: true,
    USE_PROFILES: { svg: true, svgFilters: true },
  });
  const svg = clean.querySelector("svg");
  if (!svg) throw new RenderError("This SVG has nothing Parley can show.");
  // Scale to fit: keep the drawing's own coordinate system and let CSS size the element.
  const width = Number.parseFloat(svg.getAttribute("width") ?? "");
  const height = Number.parseFloat(svg.getAttribute("height") ?? "");
  if (!svg.hasAttribute("viewBox") && width > 0 && height > 0) {
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  }
  if (svg.hasAttribute("viewBox")) {
    svg.removeAttribute("width");
    svg.removeAttribute("height");
  }
  const view = element("div", "parley-svg");
  view.append(svg);
  return view;
}

export async function mermaidView(source: string, theme: FrameTheme): Promise<HTMLElement> {
  const mermaid = await loadChunk("mermaid");
  let svg: string;
  try {
    svg = await mermaid.renderMermaid(source, theme);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RenderError("Mermaid could not read this diagram.", reason);
  }
  const view = element("div", "parley-mermaid");
  // Mermaid sanitises labels itself (securityLevel "strict"); its output keeps <foreignObject>
  // labels and <style>, which a generic SVG sanitiser would strip.
  view.innerHTML = svg;
  return view;
}

export function errorView(message: string, detail?: string): HTMLElement {
  const view = element("div", "parley-error");
  view.setAttribute("role", "alert");
  const title = element("strong", "");
  title.textContent = message;
  view.append(title);
  if (detail) {
    const pre = element("pre", "");
    pre.textContent = detail;
    view.append(pre);
  }
  return view;
}
