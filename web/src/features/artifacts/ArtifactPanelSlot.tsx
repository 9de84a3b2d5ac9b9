import { lazy, Suspense, useEffect } from "react";
import type { ArtifactPanelProps } from "./ArtifactPanel";
import { useArtifactPanel } from "./store";

const ArtifactPanel = lazy(() => import("./ArtifactPanel"));

/**
 * Where the artifact panel goes beside the chat. It binds the panel to the conversation on screen
 * and loads the panel's code only the first time it opens.
 */
export function ArtifactPanelSlot({
  conversationId,
  ...props
}: Omit<ArtifactPanelProps, "conversationId"> & { conversationId: string | undefined }) {
  const showConversation = useArtifactPanel((s) => s.showConversation);
  const open = useArtifactPanel((s) => s.open && s.conversationId === (conversationId ?? null));
  useEffect(() => showConversation(conversationId ?? null), [conversationId, showConversation]);
  if (!open || !conversationId) return null;
  return (
    <Suspense fallback={null}>
      <ArtifactPanel conversationId={conversationId} {...props} />
    </Suspense>
  );
}
