export const toolKeys = {
  sandbox: ["sandbox"] as const,
  executions: (artifactId: string) => ["executions", artifactId] as const,
};
