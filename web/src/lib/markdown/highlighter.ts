import type { LanguageFn } from "highlight.js";
import { createLowlight } from "lowlight";

type GrammarLoader = () => Promise<{ default: LanguageFn }>;

// Each grammar is its own chunk, fetched the first time a block in that language appears.
const grammars: Record<string, GrammarLoader> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  csharp: () => import("highlight.js/lib/languages/csharp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  dockerfile: () => import("highlight.js/lib/languages/dockerfile"),
  go: () => import("highlight.js/lib/languages/go"),
  graphql: () => import("highlight.js/lib/languages/graphql"),
  ini: () => import("highlight.js/lib/languages/ini"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  kotlin: () => import("highlight.js/lib/languages/kotlin"),
  lua: () => import("highlight.js/lib/languages/lua"),
  makefile: () => import("highlight.js/lib/languages/makefile"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  php: () => import("highlight.js/lib/languages/php"),
  python: () => import("highlight.js/lib/languages/python"),
  r: () => import("highlight.js/lib/languages/r"),
  ruby: () => import("highlight.js/lib/languages/ruby"),
  rust: () => import("highlight.js/lib/languages/rust"),
  scss: () => import("highlight.js/lib/languages/scss"),
  shell: () => import("highlight.js/lib/languages/shell"),
  sql: () => import("highlight.js/lib/languages/sql"),
  swift: () => import("highlight.js/lib/languages/swift"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

const aliases: Record<string, string> = {
  sh: "bash",
  zsh: "bash",
  console: "shell",
  "c++": "cpp",
  cs: "csharp",
  golang: "go",
  html: "xml",
  svg: "xml",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  ts: "typescript",
  tsx: "typescript",
  py: "python",
  rb: "ruby",
  rs: "rust",
  kt: "kotlin",
  yml: "yaml",
  toml: "ini",
  md: "markdown",
  docker: "dockerfile",
  make: "makefile",
  patch: "diff",
};

export function canonicalLanguage(lang: string): string | null {
  const key = lang.toLowerCase();
  const name = aliases[key] ?? key;
  return name in grammars ? name : null;
}

export const lowlight = createLowlight();
const loading = new Map<string, Promise<void>>();

export function loadLanguage(name: string): Promise<void> {
  const loader = grammars[name];
  if (!loader) return Promise.resolve();
  let promise = loading.get(name);
  if (!promise) {
    promise = loader().then((mod) => lowlight.register(name, mod.default));
    loading.set(name, promise);
  }
  return promise;
}
