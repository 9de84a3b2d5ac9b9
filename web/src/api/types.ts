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
export type Message = Schemas["MessageOut"];
export type MessageStatus = Message["status"];
export type Role = Message["role"];
export type Part = Message["parts"][number];
export type MessageError = Schemas["MessageError"];
export type MessageList = Schemas["MessageList"];
export type TurnStarted = Schemas["TurnStarted"];
export type RunEvent = Schemas["RunEventFrame"]["event"];

export interface RunFrame {
  seq: number;
  event: RunEvent;
}
