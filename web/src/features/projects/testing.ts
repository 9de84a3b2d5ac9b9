import type { KnowledgeFile, Project } from "../../api/types";

export const project = (overrides: Partial<Project> = {}): Project => ({
  id: "p1",
  name: "Office handbook",
  description: "Parking, leave and equipment.",
  instructions: "",
  pinned: false,
  archived: false,
  conversation_count: 2,
  file_count: 1,
  knowledge_tokens: 1200,
  created_at: "2026-12-01T10:00:00Z",
  updated_at: "2026-12-07T10:00:00Z",
  ...overrides,
});

export const knowledgeFile = (overrides: Partial<KnowledgeFile> = {}): KnowledgeFile => ({
  file_id: "f1",
  name: "handbook.md",
  media_type: "text/markdown",
  kind: "text",
  size: 2048,
  pages: null,
  token_estimate: 512,
  status: "ready",
  error: null,
  chunks: 12,
  embedded: 12,
  added_at: "2026-12-07T10:00:00Z",
  ...overrides,
});

/** A JSON answer as fetch gives it. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
