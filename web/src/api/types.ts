// Names the app uses for the server's schemas; the shapes come from schema.d.ts, which
// `npm run gen:api` generates from the server's OpenAPI document.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type User = Schemas["UserOut"];
export type Model = Schemas["ModelOut"];
export type Provider = Model["provider"];
export type ModelList = Schemas["ModelList"];
export type Conversation = Schemas["ConversationOut"];
export type ConversationPage = Schemas["ConversationPage"];
export type BulkAction = Schemas["BulkAction"];
export type BulkResult = Schemas["BulkResult"];
export type Message = Schemas["MessageOut"];
export type MessageStatus = Message["status"];
export type Role = Message["role"];
export type Part = Message["parts"][number];
export type MessageError = Schemas["MessageError"];
export type MessageList = Schemas["MessageList"];
export type TurnStarted = Schemas["TurnStarted"];
export type RunEvent = Schemas["RunEventFrame"]["event"];
export type ArtifactRef = Schemas["ArtifactRefPart"];
export type Artifact = Schemas["ArtifactOut"];
export type ArtifactKind = Artifact["type"];
export type ArtifactList = Schemas["ArtifactList"];
export type ArtifactVersion = Schemas["ArtifactVersionOut"];
export type ArtifactVersionList = Schemas["ArtifactVersionList"];
export type Publication = Schemas["Publication"];
export type ConversationSettings = Schemas["ConversationSettings"];
export type PermissionMode = NonNullable<ConversationSettings["permission_mode"]>;
export type ToolCallPart = Schemas["ToolCallPart"];
export type ToolResultPart = Schemas["ToolResultPart"];
export type Approval = ToolCallPart["approval"];
export type Execution = Schemas["ExecutionOut"];
export type ExecutionFile = Schemas["ExecutionFileOut"];
export type ExecutionList = Schemas["ExecutionList"];
export type SandboxLimits = Schemas["SandboxLimitsOut"];
export type SandboxInfo = Schemas["SandboxInfo"];
export type ApprovalResult = Schemas["ApprovalResult"];
export type StoredFile = Schemas["FileOut"];
export type FileKind = StoredFile["kind"];
export type FileText = Schemas["FileText"];
export type FileLimits = Schemas["FileLimits"];
export type AttachmentPart = Schemas["AttachmentPart"];
export type SourcesPart = Schemas["SourcesPart"];
export type Source = Schemas["Source"];
export type SearchHit = Schemas["SearchHit"];
export type SearchPage = Schemas["SearchPage"];
export type SnippetSegment = Schemas["SnippetSegment"];
export type Project = Schemas["ProjectOut"];
export type ProjectList = Schemas["ProjectList"];
export type ProjectSort = "activity" | "name" | "created";
export type KnowledgeFile = Schemas["KnowledgeFileOut"];
export type KnowledgeStatus = KnowledgeFile["status"];
export type KnowledgeFileList = Schemas["KnowledgeFileList"];
export type UserSettings = Schemas["UserSettingsOut"];
export type SettingsChange = Schemas["UpdateUserSettings"];
export type CustomStyle = Schemas["CustomStyle"];
export type ThemeSetting = UserSettings["theme"];
export type ChatFont = UserSettings["chat_font"];
export type TextSize = UserSettings["text_size"];

export interface RunFrame {
  seq: number;
  event: RunEvent;
}
