import { useMemo } from "react";
import { SpinnerIcon } from "../../components/ui/icons";
import { ArtifactFrame } from "./ArtifactFrame";
import type { DisplayedArtifact } from "./displayed";
import { useDocumentTheme } from "./useEnvironment";
import { useThrottled } from "./useThrottled";

/** The rendered artifact; while it streams it re-renders about three times a second. */
export function PreviewView({
  artifact,
  onError,
}: {
  artifact: DisplayedArtifact;
  onError: (message: string, detail?: string) => void;
}) {
  const theme = useDocumentTheme();
  const { type, title, language, streaming } = artifact;
  const content = useThrottled(artifact.content, 300, streaming);
  const frameArtifact = useMemo(
    () => ({ type, content, title, language }),
    [type, content, title, language],
  );
  return (
    <div className="relative h-full bg-surface" data-testid="artifact-preview">
      {content.trim() === "" ? (
        <div className="flex h-full flex-col items-center justify-center gap-2 text-sm text-muted">
          {streaming && <SpinnerIcon className="size-5 animate-spin text-accent" />}
          {streaming ? "Writing…" : "This artifact is empty."}
        </div>
      ) : (
        <ArtifactFrame
          key={artifact.artifactId}
          artifact={frameArtifact}
          final={!streaming}
          onError={onError}
          theme={theme}
          title={`Preview of ${title}`}
          className="block h-full w-full border-0"
        />
      )}
      {streaming && artifact.operation !== "create" && (
        <div className="pointer-events-none absolute inset-x-0 top-3 flex justify-center">
          <span className="inline-flex items-center gap-1.5 rounded-full border border-line bg-raised px-3 py-1 text-xs text-ink-soft shadow-md">
            <SpinnerIcon className="size-3.5 animate-spin text-accent" />
            Updating…
          </span>
        </div>
      )}
    </div>
  );
}
