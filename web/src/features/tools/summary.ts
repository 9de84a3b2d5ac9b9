import type { Execution, SandboxLimits } from "../../api/types";
import { formatBytes } from "../../lib/format";

/** "0.4 s", "12 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

export function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds} s` : `${seconds.toFixed(1)} s`;
}

export type SummaryTone = "ok" | "error" | "muted";

/** The one line that stands for a run: "Ran python · 0.4 s · exit 0", "Timed out after 10 s". */
export function executionSummary(execution: Execution): { text: string; tone: SummaryTone } {
  switch (execution.status) {
    case "ok":
    case "error": {
      const exit = execution.exit_code === null ? "failed" : `exit ${execution.exit_code}`;
      return {
        text: `Ran ${execution.language} · ${formatDuration(execution.duration_ms)} · ${exit}`,
        tone: execution.status === "ok" ? "ok" : "error",
      };
    }
    case "timeout":
      return {
        text: `Timed out after ${formatSeconds(Math.round(execution.duration_ms / 1000))}`,
        tone: "error",
      };
    case "unavailable": {
      const reason = execution.stderr.trim().split("\n")[0] || "the sandbox is unavailable";
      return { text: `Not run: ${reason}`, tone: "muted" };
    }
    default: {
      const unknown: never = execution.status;
      throw new Error(`unhandled execution status ${String(unknown)}`);
    }
  }
}

/** The limits as short phrases, for the approval prompt and the run dialog. */
export function limitPhrases(limits: SandboxLimits): string[] {
  return [
    limits.network ? "Network allowed" : "No network",
    `${formatSeconds(limits.timeout_seconds)} time limit`,
    `${limits.memory_mb} MB memory`,
    `${limits.max_processes} processes`,
    `${formatBytes(limits.max_output_bytes)} of output`,
  ];
}
