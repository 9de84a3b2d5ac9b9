import type { ProjectListParams } from "./listParams";

// Everything under "projects", so one invalidation (the sidebar's after a move) refreshes it all.
export const projectsKeys = {
  all: ["projects"] as const,
  list: (params: ProjectListParams) => ["projects", "list", params] as const,
  project: (id: string) => ["projects", "one", id] as const,
  knowledge: (id: string) => ["projects", "knowledge", id] as const,
  // under "conversations", so refreshing the chats refreshes a project's chats too
  conversations: (id: string) => ["conversations", "project", id] as const,
};
