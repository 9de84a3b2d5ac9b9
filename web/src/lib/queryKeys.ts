export const queryKeys = {
  me: ["me"] as const,
  models: ["models"] as const,
  settings: ["settings"] as const,
  conversations: ["conversations"] as const,
  // under "conversations", so refreshing the chats refreshes the archived ones too
  archivedConversations: ["conversations", "archived"] as const,
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["messages", id] as const,
};
