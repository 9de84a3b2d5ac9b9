// Hand-written mirror of the server contract, used until `npm run gen:api` produces schema.d.ts.
export interface User {
  id: string;
  email: string;
  name: string;
  is_admin: boolean;
  created_at: string;
}

export type Provider = "anthropic" | "openai" | "local";

export interface Model {
  id: string;
  name: string;
  provider: Provider;
  context_window: number;
  max_output: number;
  vision: boolean;
  thinking: boolean;
  tool_use: boolean;
  input_price: number | null;
  output_price: number | null;
}

export interface ModelList {
  models: Model[];
  default_model: string;
}

export interface Conversation {
  id: string;
  title: string;
  model: string;
  settings: Record<string, unknown>;
  pinned: boolean;
  archived: boolean;
  created_at: string;
  updated_at: string;
  last_message_at: string | null;
}

export interface ConversationPage {
  items: Conversation[];
  next_cursor: string | null;
}

export type MessageStatus = "complete" | "streaming" | "interrupted" | "cancelled" | "error";
export type Role = "user" | "assistant";

export type Part = { type: "text"; text: string } | { type: "thinking"; text: string };

export interface MessageError {
  kind: string;
  message: string;
}

export interface Message {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: Role;
  parts: Part[];
  model: string | null;
  status: MessageStatus;
  stop_reason: string | null;
  error: MessageError | null;
  input_tokens: number | null;
  output_tokens: number | null;
  run_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageList {
  messages: Message[];
}

export interface TurnStarted {
  run_id: string;
  user_message: Message;
  assistant_message: Message;
}

export type RunEvent =
  | {
      type: "message_start";
      run_id: string;
      conversation_id: string;
      message_id: string;
      model: string;
    }
  | { type: "queued"; position: number }
  | { type: "text_delta"; text: string }
  | { type: "thinking_delta"; text: string }
  | { type: "usage"; input_tokens: number; output_tokens: number }
  | { type: "error"; kind: string; message: string }
  | { type: "message_stop"; status: MessageStatus; stop_reason?: string | null }
  | { type: "title"; conversation_id: string; title: string };

export interface RunFrame {
  seq: number;
  event: RunEvent;
}
