import { useId, useState } from "react";
import { Button } from "../../components/ui/Button";
import { PlayIcon, SpinnerIcon } from "../../components/ui/icons";
import type { DisplayedArtifact } from "../artifacts/displayed";
import { useArtifactRuns } from "./artifactRuns";
import { useRunArtifact, useSandbox } from "./hooks";
import { runnableLanguage } from "./languages";
import { RunDialog } from "./RunDialog";

/** Why the artifact cannot run now, or null when it can. */
function blocker(
  artifact: DisplayedArtifact,
  sandbox: ReturnType<typeof useSandbox>,
): string | null {
  if (!runnableLanguage(artifact.language)) {
    return `Parley runs Python, JavaScript and Bash; this code is ${artifact.language ?? "in no stated language"}.`;
  }
  if (artifact.streaming || artifact.latestVersion === null) return "Wait until it is written.";
  if (sandbox.data && !sandbox.data.available) {
    return `Code can't run on this server: ${sandbox.data.reason ?? "the sandbox is unavailable"}.`;
  }
  if (sandbox.isError) return "Couldn't check the sandbox. Try again in a moment.";
  if (!sandbox.data) return "Checking the sandbox…";
  return null;
}

/** The panel's Run button for code artifacts: confirms in a dialog, then runs in the sandbox. */
export function RunArtifactButton({ artifact }: { artifact: DisplayedArtifact }) {
  const code = artifact.type === "code";
  const sandbox = useSandbox(code);
  const running = useArtifactRuns((s) => s.runs[artifact.artifactId]?.status === "running");
  const startRun = useRunArtifact();
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  if (!code) return null;
  const reason = blocker(artifact, sandbox);
  const unavailable = Boolean(reason) || running;
  const language = runnableLanguage(artifact.language) ?? "python";
  const older =
    artifact.version !== null &&
    artifact.latestVersion !== null &&
    artifact.version < artifact.latestVersion;

  return (
    <>
      <Button
        variant="secondary"
        className="h-9 shrink-0 px-2.5 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
        // aria-disabled rather than disabled: the reason stays reachable by hover and keyboard.
        aria-disabled={unavailable}
        aria-describedby={reason ? reasonId : undefined}
        title={reason ?? (running ? "Running…" : "Run this code in the sandbox")}
        onClick={() => {
          if (!unavailable) setConfirming(true);
        }}
      >
        {running ? (
          <SpinnerIcon className="size-4 animate-spin text-accent" />
        ) : (
          <PlayIcon className="size-4" />
        )}
        {running ? "Running…" : "Run"}
      </Button>
      {reason && (
        <span id={reasonId} className="sr-only">
          {reason}
        </span>
      )}
      {sandbox.data && (
        <RunDialog
          open={confirming}
          title={artifact.title}
          language={language}
          limits={sandbox.data.limits}
          note={
            older
              ? `This runs the latest version (v${artifact.latestVersion}), not the older one shown.`
              : null
          }
          onClose={() => setConfirming(false)}
          onRun={(seconds) => {
            setConfirming(false);
            startRun(artifact.artifactId, seconds);
          }}
        />
      )}
    </>
  );
}
