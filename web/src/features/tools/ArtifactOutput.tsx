import clsx from "clsx";
import type { Execution } from "../../api/types";
import { IconButton } from "../../components/ui/Button";
import {
  AlertIcon,
  ChevronDownIcon,
  CloseIcon,
  SpinnerIcon,
  TerminalIcon,
} from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { formatMessageTime } from "../../lib/dates";
import { pickExecution, setOutputOpen, useArtifactRuns } from "./artifactRuns";
import { ExecutionFiles, ExecutionStreams } from "./ExecutionDetails";
import { useArtifactExecutions } from "./hooks";
import { runnableLanguage } from "./languages";
import { OutputLog } from "./OutputLog";
import { executionSummary } from "./summary";

function HistoryMenu({
  artifactId,
  executions,
  shownId,
}: {
  artifactId: string;
  executions: Execution[];
  shownId: string | null;
}) {
  if (executions.length < 2) return null;
  return (
    <Menu
      label="Earlier runs"
      labelTrigger={false}
      placement="below-end"
      menuClassName="w-72 max-h-72 overflow-y-auto"
      triggerClassName="inline-flex h-7 shrink-0 items-center gap-1 rounded-md px-1.5 text-xs text-muted hover:bg-line/60 hover:text-ink"
      trigger={
        <>
          Earlier runs
          <ChevronDownIcon className="size-3.5" />
        </>
      }
      sections={[
        {
          heading: "Runs, newest first",
          items: executions.map((execution, i) => ({
            label: `Run ${executions.length - i}`,
            checked: execution.id === shownId,
            description: (
              <>
                <span className="block truncate">{executionSummary(execution).text}</span>
                <span className="block">
                  {formatMessageTime(execution.created_at)}
                  {execution.artifact_version ? ` · v${execution.artifact_version}` : ""}
                </span>
              </>
            ),
            onSelect: () => pickExecution(artifactId, execution.id),
          })),
        },
      ]}
    />
  );
}

/**
 * The Output section under a code artifact: what a run prints as it arrives, then its result with
 * the images and files it wrote; earlier runs stay selectable. Closed, it is a bar that reopens it.
 */
export function ArtifactOutput({
  artifactId,
  language,
}: {
  artifactId: string;
  language: string | null;
}) {
  const runnable = Boolean(runnableLanguage(language));
  const open = useArtifactRuns((s) => s.open[artifactId] ?? false);
  const run = useArtifactRuns((s) => s.runs[artifactId]);
  const picked = useArtifactRuns((s) => s.picked[artifactId] ?? null);
  const history = useArtifactExecutions(artifactId, runnable);
  const executions = history.data?.executions ?? [];
  if (!runnable || (!run && executions.length === 0)) return null;

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOutputOpen(artifactId, true)}
        className="flex h-9 shrink-0 items-center gap-2 border-t border-line px-3 text-left text-xs text-muted transition-colors hover:bg-sidebar hover:text-ink"
      >
        <TerminalIcon className="size-3.5" />
        Show output
        {executions[0] && (
          <span className="truncate">· {executionSummary(executions[0]).text}</span>
        )}
      </button>
    );
  }

  const pickedExecution = picked ? executions.find((e) => e.id === picked) : undefined;
  const live = pickedExecution ? null : run;
  const execution = pickedExecution ?? live?.result ?? (live ? null : executions[0]) ?? null;
  const running = live?.status === "running";
  const summary = execution ? executionSummary(execution) : null;

  return (
    <section
      aria-label="Output"
      className="flex max-h-[45%] min-h-28 shrink-0 flex-col border-t border-line bg-bg"
      data-testid="artifact-output"
    >
      <div className="flex h-10 shrink-0 items-center gap-2 pl-3 pr-1.5">
        <h3 className="text-[0.8125rem] font-medium text-ink">Output</h3>
        <p
          className={clsx(
            "flex min-w-0 flex-1 items-center gap-1.5 truncate text-xs",
            summary?.tone === "error" || live?.status === "failed" ? "text-danger" : "text-muted",
          )}
          aria-live="polite"
        >
          {running && <SpinnerIcon className="size-3.5 shrink-0 animate-spin text-accent" />}
          <span className="truncate">
            {running
              ? "Running…"
              : live?.status === "failed"
                ? "Couldn't run"
                : (summary?.text ?? "")}
          </span>
        </p>
        <HistoryMenu
          artifactId={artifactId}
          executions={executions}
          shownId={execution?.id ?? null}
        />
        <IconButton
          label="Hide output"
          className="size-8"
          onClick={() => setOutputOpen(artifactId, false)}
        >
          <CloseIcon className="size-4" />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 space-y-2.5 overflow-y-auto px-3 pb-3">
        {running && live && <OutputLog output={live.output} running />}
        {live?.status === "failed" && (
          <p role="alert" className="flex items-start gap-2 text-sm text-danger">
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
            {live.error}
          </p>
        )}
        {execution && (
          <>
            <ExecutionStreams execution={execution} />
            <ExecutionFiles files={execution.files} />
          </>
        )}
      </div>
    </section>
  );
}
