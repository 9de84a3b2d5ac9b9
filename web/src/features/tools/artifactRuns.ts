import { create } from "zustand";
import type { Execution } from "../../api/types";
import { type LiveOutput, NO_OUTPUT } from "./output";

/** A run of a code artifact started from this page. */
export interface ArtifactRun {
  status: "running" | "done" | "failed";
  output: LiveOutput;
  result: Execution | null;
  /** Why it could not run (the server's refusal, or a dropped connection). */
  error: string | null;
}

interface ArtifactRunsState {
  /** By artifact id: the newest run started here. */
  runs: Record<string, ArtifactRun>;
  /** By artifact id: an execution picked from the history, or null for the newest. */
  picked: Record<string, string | null>;
  /** By artifact id: whether the Output section shows. */
  open: Record<string, boolean>;
}

export const useArtifactRuns = create<ArtifactRunsState>(() => ({
  runs: {},
  picked: {},
  open: {},
}));

export function startArtifactRunState(artifactId: string) {
  useArtifactRuns.setState((s) => ({
    runs: {
      ...s.runs,
      [artifactId]: { status: "running", output: NO_OUTPUT, result: null, error: null },
    },
    picked: { ...s.picked, [artifactId]: null },
    open: { ...s.open, [artifactId]: true },
  }));
}

export function updateArtifactRun(artifactId: string, update: (run: ArtifactRun) => ArtifactRun) {
  useArtifactRuns.setState((s) => {
    const run = s.runs[artifactId];
    return run ? { runs: { ...s.runs, [artifactId]: update(run) } } : s;
  });
}

export function finishArtifactRun(
  artifactId: string,
  end: Pick<ArtifactRun, "status" | "result" | "error">,
) {
  updateArtifactRun(artifactId, (run) => ({ ...run, ...end }));
}

export function pickExecution(artifactId: string, executionId: string | null) {
  useArtifactRuns.setState((s) => ({
    picked: { ...s.picked, [artifactId]: executionId },
    open: { ...s.open, [artifactId]: true },
  }));
}

export function setOutputOpen(artifactId: string, open: boolean) {
  useArtifactRuns.setState((s) => ({ open: { ...s.open, [artifactId]: open } }));
}
