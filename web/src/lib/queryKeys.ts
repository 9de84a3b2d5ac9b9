export const queryKeys = {
  me: ["me"] as const,
  models: ["models"] as const,
  conversations: ["conversations"] as const,
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["messages", id] as const,
};
