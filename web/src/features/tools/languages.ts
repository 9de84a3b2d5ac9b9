export type RunnableLanguage = "python" | "javascript" | "bash";

// The names the server's sandbox accepts for its languages (parley/services/executions.py).
const RUNNABLE: Record<string, RunnableLanguage> = {
  python: "python",
  py: "python",
  python3: "python",
  javascript: "javascript",
  js: "javascript",
  node: "javascript",
  bash: "bash",
  sh: "bash",
  shell: "bash",
};

export function runnableLanguage(language: string | null | undefined): RunnableLanguage | null {
  return RUNNABLE[(language ?? "").trim().toLowerCase()] ?? null;
}

const LABELS: Record<RunnableLanguage, string> = {
  python: "Python",
  javascript: "JavaScript",
  bash: "Bash",
};

export function languageLabel(language: string): string {
  const known = runnableLanguage(language);
  return known ? LABELS[known] : language;
}
