import type { QueryClient, QueryKey } from "@tanstack/react-query";
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
 * Reads a query again with a request sent from now on. `invalidateQueries` alone does not when the
 * query has no data yet: it reuses a first fetch still in flight, which the server may have answered
 * before the run stored its artifacts. That answer would stay, and an artifact just made would read
 * as deleted once the run's live state is cleared. So that fetch is cancelled first.
 */
async function refetchFromNow(queryClient: QueryClient, queryKey: QueryKey) {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
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
  const listKey = artifactKeys.list(conversationId);
  void refetchFromNow(queryClient, artifactKeys.versions(event.artifact_id));
  if (queryClient.getQueryData(listKey) === undefined) {
    // Not fetched yet (a one-item list would pass for the whole one), or its first fetch is on the
    // way and may have been answered before this version was stored: fetch it from now.
    void refetchFromNow(queryClient, listKey);
    return;
  }
  const now = new Date().toISOString();
  queryClient.setQueryData<ArtifactList>(listKey, (prev) => {
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
}

/** After a run: what it stored, read from the server by requests sent after it ended. */
export function refreshArtifacts(queryClient: QueryClient, conversationId: string) {
  void refetchFromNow(queryClient, artifactKeys.list(conversationId));
  void refetchFromNow(queryClient, ["artifact-versions"]);
}
