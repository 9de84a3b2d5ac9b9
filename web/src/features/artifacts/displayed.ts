import type { Artifact, ArtifactKind, ArtifactVersion } from "../../api/types";
import type { StreamingArtifact } from "../chat/runReducer";

/** What the panel shows: one version of an artifact, or the one being written. */
export interface DisplayedArtifact {
  artifactId: string;
  identifier: string;
  type: ArtifactKind;
  title: string;
  language: string | null;
  content: string;
  /** The stored version on screen; null while a new version is still being written. */
  version: number | null;
  /** The newest stored version known. */
  latestVersion: number | null;
  /** A run is writing a new version of it right now. */
  streaming: boolean;
  /** What the run is doing while it streams. */
  operation: StreamingArtifact["operation"] | null;
  publicUrl: string | null;
}

export interface DisplaySources {
  artifactId: string;
  /** The version asked for, or null for the newest. */
  pinned: number | null;
  stored: Artifact | undefined;
  live: StreamingArtifact | undefined;
  /** The run that holds `live` has not finished. */
  liveActive: boolean;
  versions: ArtifactVersion[] | undefined;
}

function fromLive(sources: DisplaySources, live: StreamingArtifact): DisplayedArtifact {
  const { stored } = sources;
  const writing = live.version === null;
  return {
    artifactId: sources.artifactId,
    identifier: live.identifier,
    type: live.type,
    title: live.title,
    language: live.language,
    content: live.content ?? stored?.content ?? "",
    version: live.version,
    latestVersion: Math.max(live.version ?? 0, stored?.version ?? 0) || null,
    streaming: writing && sources.liveActive,
    operation: writing ? live.operation : null,
    publicUrl: stored?.public_url ?? null,
  };
}

/** Decides what the panel shows from the stored artifact, its versions and a run's live state. */
export function resolveDisplayed(sources: DisplaySources): DisplayedArtifact | null {
  const { pinned, stored, live, liveActive, versions } = sources;
  const latestVersion = Math.max(stored?.version ?? 0, live?.version ?? 0) || null;
  if (pinned !== null) {
    const version = versions?.find((v) => v.version === pinned);
    if (version) {
      return {
        artifactId: sources.artifactId,
        identifier: stored?.identifier ?? live?.identifier ?? "",
        type: version.type,
        title: version.title,
        language: version.language,
        content: version.content,
        version: version.version,
        latestVersion,
        streaming: false,
        operation: null,
        publicUrl: stored?.public_url ?? null,
      };
    }
    if (live?.version === pinned) return fromLive(sources, live);
    if (stored?.version === pinned) return fromStored(stored, latestVersion);
    return null;
  }
  if (live && (liveActive || !stored || (live.version ?? 0) > stored.version)) {
    return fromLive(sources, live);
  }
  return stored ? fromStored(stored, latestVersion) : null;
}

function fromStored(stored: Artifact, latestVersion: number | null): DisplayedArtifact {
  return {
    artifactId: stored.id,
    identifier: stored.identifier,
    type: stored.type,
    title: stored.title,
    language: stored.language,
    content: stored.content,
    version: stored.version,
    latestVersion,
    streaming: false,
    operation: null,
    publicUrl: stored.public_url ?? null,
  };
}
