import { useEffect, useMemo } from "react";
import { type DisplayedArtifact, resolveDisplayed } from "./displayed";
import {
  useArtifacts,
  useArtifactVersions,
  useLiveArtifact,
  useLiveArtifactActive,
  useLiveArtifacts,
} from "./hooks";
import { useArtifactPanel } from "./store";

export interface PanelTab {
  id: string;
  title: string;
  type: DisplayedArtifact["type"];
}

/** Everything the panel shows for the conversation: the tabs, the selection and its state. */
export function useDisplayedArtifact(conversationId: string) {
  const artifactId = useArtifactPanel((s) => s.artifactId);
  const pinned = useArtifactPanel((s) => s.version);
  const setShownVersion = useArtifactPanel((s) => s.setShownVersion);
  const list = useArtifacts(conversationId);
  const versions = useArtifactVersions(artifactId);
  const live = useLiveArtifact(artifactId);
  const liveActive = useLiveArtifactActive(artifactId);
  const liveList = useLiveArtifacts(conversationId);

  const stored = list.data?.artifacts.find((a) => a.id === artifactId);
  const displayed = useMemo(
    () =>
      artifactId
        ? resolveDisplayed({
            artifactId,
            pinned,
            stored,
            live,
            liveActive,
            versions: versions.data?.versions,
          })
        : null,
    [artifactId, pinned, stored, live, liveActive, versions.data],
  );

  const tabs = useMemo(() => {
    const out: PanelTab[] = (list.data?.artifacts ?? []).map((a) => ({
      id: a.id,
      title: a.title,
      type: a.type,
    }));
    for (const a of liveList) {
      if (!out.some((t) => t.id === a.artifactId)) {
        out.push({ id: a.artifactId, title: a.title, type: a.type });
      }
    }
    return out;
  }, [list.data, liveList]);

  const shownVersion = displayed?.version ?? null;
  useEffect(() => setShownVersion(shownVersion), [shownVersion, setShownVersion]);

  const loading = !displayed && (list.isPending || versions.isPending || liveActive);
  const missing = !displayed && !loading;
  return {
    artifactId,
    displayed,
    tabs,
    versions: versions.data?.versions ?? [],
    loading,
    missing,
  };
}
