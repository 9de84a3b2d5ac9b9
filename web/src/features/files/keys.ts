export const filesKeys = {
  text: (fileId: string) => ["files", fileId, "text"] as const,
};
