import type { KnowledgeFile } from "../../api/types";

/** True while the server is still reading any of the files: the list is polled until then. */
export function isIndexing(files: readonly KnowledgeFile[]): boolean {
  return files.some((f) => f.status === "queued" || f.status === "indexing");
}

export interface KnowledgeProgress {
  /** What the row says: "Queued", "Indexing 3/12", "Ready", "Failed". */
  label: string;
  /** 0 to 1 while indexing; null when there is no bar to show (nothing has started yet). */
  fraction: number | null;
  tone: "pending" | "ready" | "failed";
}

export function knowledgeProgress(file: KnowledgeFile): KnowledgeProgress {
  switch (file.status) {
    case "queued":
      return { label: "Queued", fraction: null, tone: "pending" };
    case "indexing": {
      // Passages are written before the first is embedded: until then there is no count yet.
      if (file.chunks === 0) return { label: "Indexing", fraction: 0, tone: "pending" };
      const done = Math.min(file.embedded, file.chunks);
      return {
        label: `Indexing ${done}/${file.chunks}`,
        fraction: done / file.chunks,
        tone: "pending",
      };
    }
    case "ready":
      return { label: "Ready", fraction: null, tone: "ready" };
    case "failed":
      return { label: "Failed", fraction: null, tone: "failed" };
    default: {
      const unknown: never = file.status;
      throw new Error(`unhandled knowledge status ${String(unknown)}`);
    }
  }
}

export const KNOWLEDGE_POLL_MS = 1000;

/** How often to ask again: every second while a file is being read, not at all otherwise. */
export function knowledgePollInterval(files: readonly KnowledgeFile[] | undefined): number | false {
  return files && isIndexing(files) ? KNOWLEDGE_POLL_MS : false;
}
