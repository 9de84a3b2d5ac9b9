import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Artifact, ArtifactList, RunEvent } from "../../api/types";
import { refreshArtifacts, rememberStoredArtifact } from "./cache";
import { artifactKeys } from "./keys";

const artifact: Artifact = {
  id: "a1",
  conversation_id: "c1",
  identifier: "tracker",
  type: "html",
  title: "Reading tracker",
  language: null,
  version: 1,
  content: "<h1>Weekly reading tracker</h1>",
  public_url: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
};
const storedEvent: Extract<RunEvent, { type: "artifact" }> = {
  type: "artifact",
  artifact_id: "a1",
  identifier: "tracker",
  artifact_type: "html",
  title: "Reading tracker",
  language: null,
  operation: "create",
  version: 1,
  content: artifact.content,
};

/**
 * The conversation's artifact list, watched as the panel does, from a server that answers each
 * request with what it holds when the request arrives. The first answer is held back, as a slow
 * response is: it was read before the run stored anything.
 */
function watchList() {
  const server: Artifact[] = [];
  let releaseFirst = () => {};
  let calls = 0;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new QueryObserver<ArtifactList>(client, {
    queryKey: artifactKeys.list("c1"),
    queryFn: () => {
      calls += 1;
      const answer = { artifacts: [...server] };
      if (calls > 1) return Promise.resolve(answer);
      return new Promise<ArtifactList>((resolve) => {
        releaseFirst = () => resolve(answer);
      });
    },
    staleTime: 30_000,
  });
  const stop = observer.subscribe(() => {});
  cleanups.push(() => {
    stop();
    client.clear();
  });
  return {
    client,
    store: (a: Artifact) => server.push(a),
    releaseFirst: () => releaseFirst(),
    list: () => client.getQueryData<ArtifactList>(artifactKeys.list("c1")),
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("artifact cache", () => {
  it("reads the list again when a run ends while its first, stale fetch is on the way", async () => {
    const list = watchList();
    list.store(artifact);
    refreshArtifacts(list.client, "c1");
    list.releaseFirst();
    // The stale answer would keep the artifact out of the list: the panel would call it deleted.
    await vi.waitFor(() => expect(list.list()).toEqual({ artifacts: [artifact] }));
  });

  it("reads the list again when a version is stored while its first, stale fetch is on the way", async () => {
    const list = watchList();
    list.store(artifact);
    rememberStoredArtifact(list.client, "c1", storedEvent);
    list.releaseFirst();
    await vi.waitFor(() => expect(list.list()).toEqual({ artifacts: [artifact] }));
  });

  it("writes a stored version into a list already fetched", async () => {
    const list = watchList();
    list.releaseFirst();
    await vi.waitFor(() => expect(list.list()).toEqual({ artifacts: [] }));
    rememberStoredArtifact(list.client, "c1", storedEvent);
    expect(list.list()?.artifacts).toMatchObject([
      { id: "a1", version: 1, content: artifact.content },
    ]);
  });
});
