import type { ArtifactKind } from "../../api/types";

const CODE_EXTENSIONS: Record<string, string> = {
  python: "py",
  py: "py",
  javascript: "js",
  js: "js",
  jsx: "jsx",
  typescript: "ts",
  ts: "ts",
  tsx: "tsx",
  bash: "sh",
  sh: "sh",
  shell: "sh",
  zsh: "sh",
  powershell: "ps1",
  c: "c",
  cpp: "cpp",
  "c++": "cpp",
  csharp: "cs",
  cs: "cs",
  go: "go",
  golang: "go",
  rust: "rs",
  rs: "rs",
  java: "java",
  kotlin: "kt",
  swift: "swift",
  ruby: "rb",
  rb: "rb",
  php: "php",
  lua: "lua",
  r: "r",
  sql: "sql",
  html: "html",
  css: "css",
  scss: "scss",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
  toml: "toml",
  xml: "xml",
  markdown: "md",
  md: "md",
  dockerfile: "Dockerfile",
  makefile: "mk",
  graphql: "graphql",
  diff: "diff",
  ini: "ini",
  text: "txt",
  plaintext: "txt",
};

/** The file extension for an artifact: by type, and by language for code. */
export function fileExtension(type: ArtifactKind, language: string | null): string {
  switch (type) {
    case "html":
      return "html";
    case "svg":
      return "svg";
    case "markdown":
      return "md";
    case "mermaid":
      return "mmd";
    case "react":
      return "jsx";
    case "code":
      return CODE_EXTENSIONS[(language ?? "").trim().toLowerCase()] ?? "txt";
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

export function mimeType(type: ArtifactKind): string {
  switch (type) {
    case "html":
      return "text/html";
    case "svg":
      return "image/svg+xml";
    case "markdown":
      return "text/markdown";
    case "mermaid":
    case "react":
    case "code":
      return "text/plain";
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

/** A file name from the title: lowercase words joined by hyphens, safe on every file system. */
export function fileName(title: string, type: ArtifactKind, language: string | null): string {
  const stem =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "artifact";
  const ext = fileExtension(type, language);
  // A Dockerfile is named for its kind, not given an extension.
  return ext === "Dockerfile" ? "Dockerfile" : `${stem}.${ext}`;
}

/** Saves text as a file through the browser's download. */
export function downloadText(content: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The language to highlight an artifact's source with. */
export function sourceLanguage(type: ArtifactKind, language: string | null): string | null {
  switch (type) {
    case "html":
    case "svg":
      return "xml";
    case "markdown":
      return "markdown";
    case "react":
      return "javascript";
    case "mermaid":
      return null;
    case "code":
      return language;
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

export const TYPE_LABELS: Record<ArtifactKind, string> = {
  code: "Code",
  markdown: "Document",
  html: "Web page",
  svg: "Image",
  mermaid: "Diagram",
  react: "React component",
};
