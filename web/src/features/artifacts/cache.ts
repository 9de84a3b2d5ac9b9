import type { QueryClient } from "@tanstack/react-query";
import type { Artifact, ArtifactList, RunEvent } from "../../api/types";
import { artifactKeys } from "./keys";

type StoredEvent = Extract<RunEvent, { type: "artifact" }>;

/** Puts an artifact as the server now has it into the conversation's list. */
export function putArtifact(queryClient: QueryClient, artifact: Artifact) {
  queryClient.setQueryData<ArtifactList>(artifactKeys.list(artifact.conversation_id), (prev) => {
    if (!prev) return prev;
    const exists = prev.artifacts.some((a) => a.id === artifact.id);
    return {
      artifacts: exists
        ? prev.artifacts.map((a) => (a.id === artifact.id ? artifact : a))
        : [...prev.artifacts, artifact],
    };
  });
}

/**
 * A version stored during a run: written into the list at once, so that when the run's live state is
 * cleared the panel falls back to the same content instead of a stale copy; then refetched.
 */
export function rememberStoredArtifact(
  queryClient: QueryClient,
  conversationId: string,
  event: StoredEvent,
) {
  const now = new Date().toISOString();
  queryClient.setQueryData<ArtifactList>(artifactKeys.list(conversationId), (prev) => {
    // Never fetched: leave it to the fetch, a one-item list would pass for the whole one.
    if (!prev) return prev;
    const list = prev.artifacts;
    const existing = list.find((a) => a.id === event.artifact_id);
    const next: Artifact = {
      id: event.artifact_id,
      conversation_id: conversationId,
      identifier: event.identifier,
      type: event.artifact_type,
      title: event.title,
      language: event.language,
      version: event.version,
      content: event.content,
      public_url: existing?.public_url ?? null,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    return {
      artifacts: existing ? list.map((a) => (a.id === next.id ? next : a)) : [...list, next],
    };
  });
  void queryClient.invalidateQueries({ queryKey: artifactKeys.versions(event.artifact_id) });
}

export function refreshArtifacts(queryClient: QueryClient, conversationId: string) {
  void queryClient.invalidateQueries({ queryKey: artifactKeys.list(conversationId) });
  void queryClient.invalidateQueries({ queryKey: ["artifact-versions"] });
}
