export const artifactKeys = {
  list: (conversationId: string) => ["artifacts", conversationId] as const,
  versions: (artifactId: string) => ["artifact-versions", artifactId] as const,
};
