import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useShallow } from "zustand/react/shallow";
import { api } from "../../api/endpoints";
import type { ArtifactList } from "../../api/types";
import type { StreamingArtifact } from "../chat/runReducer";
import { useRunStore } from "../chat/runStore";
import { putArtifact } from "./cache";
import { artifactKeys } from "./keys";

export function useArtifacts(conversationId: string | undefined) {
  return useQuery({
    queryKey: artifactKeys.list(conversationId ?? ""),
    queryFn: () => api.artifacts(conversationId ?? ""),
    enabled: Boolean(conversationId),
    staleTime: 30_000,
  });
}

export function useArtifactVersions(artifactId: string | null, enabled = true) {
  return useQuery({
    queryKey: artifactKeys.versions(artifactId ?? ""),
    queryFn: () => api.artifactVersions(artifactId ?? ""),
    enabled: Boolean(artifactId) && enabled,
    staleTime: 30_000,
  });
}

/** The live state of an artifact a run is writing (or wrote and has not been cleared yet). */
export function useLiveArtifact(artifactId: string | null): StreamingArtifact | undefined {
  return useRunStore((s) => {
    if (!artifactId) return undefined;
    let found: StreamingArtifact | undefined;
    for (const run of Object.values(s.byMessage)) {
      const artifact = run.artifacts[artifactId];
      if (artifact && (!found || run.phase !== "finished")) found = artifact;
    }
    return found;
  });
}

/** True while a run that touched this artifact is still going. */
export function useLiveArtifactActive(artifactId: string | null): boolean {
  return useRunStore((s) => {
    if (!artifactId) return false;
    return Object.values(s.byMessage).some(
      (run) => run.phase !== "finished" && artifactId in run.artifacts,
    );
  });
}

/** Artifacts the runs of this conversation are writing, for tabs before the list knows them. */
export function useLiveArtifacts(conversationId: string | undefined): StreamingArtifact[] {
  return useRunStore(
    useShallow((s) => {
      const out: StreamingArtifact[] = [];
      for (const run of Object.values(s.byMessage)) {
        if (run.conversationId !== conversationId) continue;
        out.push(...Object.values(run.artifacts));
      }
      return out;
    }),
  );
}

export function useEditArtifact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, content }: { id: string; content: string }) =>
      api.editArtifact(id, { content }),
    onSuccess: (artifact) => {
      putArtifact(queryClient, artifact);
      void queryClient.invalidateQueries({ queryKey: artifactKeys.versions(artifact.id) });
    },
  });
}

export function usePublishArtifact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, conversationId }: { id: string; conversationId: string }) => {
      const { public_url } = await api.publishArtifact(id);
      setPublicUrl(queryClient, conversationId, id, public_url);
      return public_url;
    },
  });
}

export function useUnpublishArtifact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, conversationId }: { id: string; conversationId: string }) => {
      await api.unpublishArtifact(id);
      setPublicUrl(queryClient, conversationId, id, null);
    },
  });
}

export function useDeleteArtifact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, conversationId }: { id: string; conversationId: string }) => {
      await api.deleteArtifact(id);
      queryClient.setQueryData<ArtifactList>(artifactKeys.list(conversationId), (prev) =>
        prev ? { artifacts: prev.artifacts.filter((a) => a.id !== id) } : prev,
      );
      queryClient.removeQueries({ queryKey: artifactKeys.versions(id) });
    },
  });
}

function setPublicUrl(
  queryClient: ReturnType<typeof useQueryClient>,
  conversationId: string,
  id: string,
  publicUrl: string | null,
) {
  queryClient.setQueryData<ArtifactList>(artifactKeys.list(conversationId), (prev) =>
    prev
      ? {
          artifacts: prev.artifacts.map((a) => (a.id === id ? { ...a, public_url: publicUrl } : a)),
        }
      : prev,
  );
}
