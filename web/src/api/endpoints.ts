import { request } from "./http";
import type {
  ApprovalResult,
  Artifact,
  ArtifactList,
  ArtifactVersionList,
  BulkAction,
  BulkResult,
  Conversation,
  ConversationPage,
  ConversationSettings,
  ExecutionList,
  FileLimits,
  FileText,
  KnowledgeFile,
  KnowledgeFileList,
  MessageList,
  ModelList,
  Project,
  ProjectList,
  ProjectSort,
  Publication,
  SandboxInfo,
  SearchPage,
  SettingsChange,
  StoredFile,
  TurnStarted,
  User,
  UserSettings,
} from "./types";

export const api = {
  me: () => request<User>("GET", "/api/auth/me"),
  login: (body: { email: string; password: string }) =>
    request<User>("POST", "/api/auth/login", body),
  register: (body: { email: string; password: string; name: string }) =>
    request<User>("POST", "/api/auth/register", body),
  logout: () => request<void>("POST", "/api/auth/logout"),

  models: () => request<ModelList>("GET", "/api/models"),

  settings: () => request<UserSettings>("GET", "/api/settings"),
  updateSettings: (change: SettingsChange) =>
    request<UserSettings>("PATCH", "/api/settings", change),

  conversations: (cursor?: string | null, filter: { archived?: boolean } = {}) =>
    request<ConversationPage>(
      "GET",
      `/api/conversations?limit=50${filter.archived ? "&archived=true" : ""}${cursor ? `&before=${encodeURIComponent(cursor)}` : ""}`,
    ),
  projectConversations: (projectId: string, cursor?: string | null) =>
    request<ConversationPage>(
      "GET",
      `/api/conversations?limit=50&project_id=${encodeURIComponent(projectId)}${cursor ? `&before=${encodeURIComponent(cursor)}` : ""}`,
    ),
  conversation: (id: string) =>
    request<Conversation>("GET", `/api/conversations/${encodeURIComponent(id)}`),
  createConversation: (body: { title?: string; model?: string; project_id?: string }) =>
    request<Conversation>("POST", "/api/conversations", body),
  updateConversation: (
    id: string,
    body: {
      title?: string;
      model?: string;
      pinned?: boolean;
      archived?: boolean;
      project_id?: string | null;
      settings?: ConversationSettings;
    },
  ) => request<Conversation>("PATCH", `/api/conversations/${encodeURIComponent(id)}`, body),
  deleteConversation: (id: string) =>
    request<void>("DELETE", `/api/conversations/${encodeURIComponent(id)}`),
  restoreConversation: (id: string) =>
    request<Conversation>("POST", `/api/conversations/${encodeURIComponent(id)}/restore`),
  duplicateConversation: (id: string, body: { leaf_id?: string } = {}) =>
    request<Conversation>("POST", `/api/conversations/${encodeURIComponent(id)}/duplicate`, body),
  bulkConversations: (body: BulkAction) =>
    request<BulkResult>("POST", "/api/conversations/bulk", body),

  messages: (conversationId: string) =>
    request<MessageList>(
      "GET",
      `/api/conversations/${encodeURIComponent(conversationId)}/messages`,
    ),
  sendMessage: (
    conversationId: string,
    body: { content: string; parent_id: string | null; model?: string; attachments?: string[] },
  ) =>
    request<TurnStarted>(
      "POST",
      `/api/conversations/${encodeURIComponent(conversationId)}/messages`,
      body,
    ),
  regenerate: (conversationId: string, messageId: string, body: { model?: string } = {}) =>
    request<TurnStarted>(
      "POST",
      `/api/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/regenerate`,
      body,
    ),
  cancelRun: (runId: string) =>
    request<{ status: string }>("POST", `/api/runs/${encodeURIComponent(runId)}/cancel`),
  decideApproval: (
    runId: string,
    toolCallId: string,
    body: { approve: boolean; remember?: boolean },
  ) =>
    request<ApprovalResult>(
      "POST",
      `/api/runs/${encodeURIComponent(runId)}/approvals/${encodeURIComponent(toolCallId)}`,
      body,
    ),

  sandbox: () => request<SandboxInfo>("GET", "/api/sandbox"),
  artifactExecutions: (id: string) =>
    request<ExecutionList>("GET", `/api/artifacts/${encodeURIComponent(id)}/executions`),

  artifacts: (conversationId: string) =>
    request<ArtifactList>(
      "GET",
      `/api/conversations/${encodeURIComponent(conversationId)}/artifacts`,
    ),
  artifact: (id: string) => request<Artifact>("GET", `/api/artifacts/${encodeURIComponent(id)}`),
  artifactVersions: (id: string) =>
    request<ArtifactVersionList>("GET", `/api/artifacts/${encodeURIComponent(id)}/versions`),
  editArtifact: (id: string, body: { content: string; title?: string }) =>
    request<Artifact>("PUT", `/api/artifacts/${encodeURIComponent(id)}`, body),
  deleteArtifact: (id: string) =>
    request<void>("DELETE", `/api/artifacts/${encodeURIComponent(id)}`),
  publishArtifact: (id: string) =>
    request<Publication>("POST", `/api/artifacts/${encodeURIComponent(id)}/publish`),
  unpublishArtifact: (id: string) =>
    request<void>("DELETE", `/api/artifacts/${encodeURIComponent(id)}/publish`),

  file: (id: string) => request<StoredFile>("GET", `/api/files/${encodeURIComponent(id)}`),
  fileLimits: () => request<FileLimits>("GET", "/api/files/limits"),
  fileText: (id: string) => request<FileText>("GET", `/api/files/${encodeURIComponent(id)}/text`),
  deleteFile: (id: string) => request<void>("DELETE", `/api/files/${encodeURIComponent(id)}`),

  search: (
    params: { q: string; cursor?: string | null; limit?: number; projectId?: string | null },
    signal?: AbortSignal,
  ) => {
    const query = new URLSearchParams({ q: params.q });
    if (params.limit) query.set("limit", String(params.limit));
    if (params.cursor) query.set("cursor", params.cursor);
    if (params.projectId) query.set("project_id", params.projectId);
    return request<SearchPage>("GET", `/api/search?${query}`, undefined, { signal });
  },

  projects: (params: { archived?: boolean; q?: string; sort?: ProjectSort } = {}) => {
    const query = new URLSearchParams({ archived: String(params.archived ?? false) });
    if (params.q?.trim()) query.set("q", params.q.trim());
    if (params.sort) query.set("sort", params.sort);
    return request<ProjectList>("GET", `/api/projects?${query}`);
  },
  project: (id: string) => request<Project>("GET", `/api/projects/${encodeURIComponent(id)}`),
  createProject: (body: { name: string; description?: string; instructions?: string }) =>
    request<Project>("POST", "/api/projects", body),
  updateProject: (
    id: string,
    body: {
      name?: string;
      description?: string;
      instructions?: string;
      pinned?: boolean;
      archived?: boolean;
    },
  ) => request<Project>("PATCH", `/api/projects/${encodeURIComponent(id)}`, body),
  deleteProject: (id: string) => request<void>("DELETE", `/api/projects/${encodeURIComponent(id)}`),
  knowledge: (projectId: string) =>
    request<KnowledgeFileList>("GET", `/api/projects/${encodeURIComponent(projectId)}/files`),
  addKnowledge: (projectId: string, fileId: string) =>
    request<KnowledgeFile>(
      "POST",
      `/api/projects/${encodeURIComponent(projectId)}/files/${encodeURIComponent(fileId)}`,
    ),
  removeKnowledge: (projectId: string, fileId: string) =>
    request<void>(
      "DELETE",
      `/api/projects/${encodeURIComponent(projectId)}/files/${encodeURIComponent(fileId)}`,
    ),
};
