import type { FileKind } from "../../api/types";

const SPREADSHEET = new Set(["csv", "tsv", "xlsx", "xls", "xlsm", "ods", "numbers"]);
const DOCUMENT = new Set([
  "doc",
  "docx",
  "odt",
  "rtf",
  "pptx",
  "ppt",
  "odp",
  "key",
  "pages",
  "epub",
]);
const TEXT = new Set(["txt", "md", "markdown", "log", "rst", "tex", "srt", "vtt"]);
const ARCHIVE = new Set(["zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "zst"]);
const CODE = new Set([
  "py",
  "pyi",
  "ipynb",
  "js",
  "mjs",
  "cjs",
  "jsx",
  "ts",
  "tsx",
  "json",
  "jsonl",
  "yaml",
  "yml",
  "toml",
  "ini",
  "cfg",
  "xml",
  "svg",
  "html",
  "htm",
  "css",
  "scss",
  "sql",
  "sh",
  "bash",
  "zsh",
  "c",
  "h",
  "cc",
  "cpp",
  "hpp",
  "rs",
  "go",
  "java",
  "kt",
  "swift",
  "rb",
  "php",
  "cs",
  "r",
  "lua",
  "pl",
  "dockerfile",
  "makefile",
]);

/** "report.PDF" → "pdf"; a name without a dot is its own extension ("Dockerfile" → "dockerfile"). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(dot + 1) : base).toLowerCase();
}

/**
 * The kind the server will most likely find, from what the browser says before the upload (or
 * an output's type and name). Only for icons: the server's kind, from the bytes, wins.
 */
export function guessKind(name: string, mediaType: string): FileKind {
  const type = mediaType.toLowerCase();
  const ext = extensionOf(name);
  if (type === "application/pdf" || ext === "pdf") return "pdf";
  if (type.startsWith("image/") && type !== "image/svg+xml") return "image";
  if (SPREADSHEET.has(ext) || type.includes("spreadsheet") || type === "text/csv") {
    return "spreadsheet";
  }
  if (DOCUMENT.has(ext) || type.includes("wordprocessing") || type.includes("presentation")) {
    return "document";
  }
  if (CODE.has(ext)) return "code";
  if (TEXT.has(ext) || type.startsWith("text/")) return "text";
  if (ARCHIVE.has(ext)) return "archive-refused";
  return "other";
}

export const KIND_LABELS: Record<FileKind, string> = {
  image: "Image",
  pdf: "PDF",
  document: "Document",
  spreadsheet: "Spreadsheet",
  text: "Text",
  code: "Code",
  "archive-refused": "Archive",
  other: "File",
};

/** The short type shown on a card: the extension in capitals ("PDF", "CSV"), else the kind. */
export function typeBadge(name: string, kind: FileKind): string {
  const ext = extensionOf(name);
  if (ext && ext.length <= 5 && ext !== name.toLowerCase()) return ext.toUpperCase();
  return KIND_LABELS[kind];
}
