import { useParams } from "react-router";
import { IconButton } from "../../components/ui/Button";
import { SidebarIcon } from "../../components/ui/icons";
import { useArtifacts } from "./hooks";
import { useArtifactPanel } from "./store";

/** Reopens the panel on the conversation's most recently changed artifact. */
export function ArtifactsButton() {
  const { id } = useParams();
  const artifacts = useArtifacts(id).data?.artifacts ?? [];
  const open = useArtifactPanel((s) => s.open && s.conversationId === id);
  const openArtifact = useArtifactPanel((s) => s.openArtifact);
  if (!id || open || artifacts.length === 0) return null;
  const latest = artifacts.reduce((a, b) => (b.updated_at > a.updated_at ? b : a));
  const count = artifacts.length;
  return (
    <IconButton
      label={count === 1 ? "Show the artifact" : `Show the ${count} artifacts`}
      onClick={() => openArtifact(id, latest.id, null)}
    >
      <SidebarIcon className="size-5 -scale-x-100" />
    </IconButton>
  );
}
