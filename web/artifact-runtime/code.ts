// The code chunk: highlight.js with its common languages (the app's own highlighter is the same).
import hljs from "highlight.js/lib/common";
import { registerChunk } from "./chunks";

const ALIASES: Record<string, string> = {
  jsx: "javascript",
  tsx: "typescript",
  sh: "bash",
  zsh: "bash",
};
// Guessing the language of a large file costs more than it is worth.
const MAX_AUTO_DETECT_CHARS = 100_000;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function highlight(
  code: string,
  language: string | null,
): { html: string; language: string | null } {
  const wanted = language?.trim().toLowerCase() ?? "";
  const name = ALIASES[wanted] ?? wanted;
  if (name && hljs.getLanguage(name)) {
    return {
      html: hljs.highlight(code, { language: name, ignoreIllegals: true }).value,
      language: name,
    };
  }
  if (code.length > MAX_AUTO_DETECT_CHARS || ["text", "plain", "plaintext", "txt"].includes(name)) {
    return { html: escapeHtml(code), language: null };
  }
  const guess = hljs.highlightAuto(code);
  return { html: guess.value, language: guess.language ?? null };
}

registerChunk("code", { highlight });
