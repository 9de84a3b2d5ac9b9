import clsx from "clsx";
import { useId, useState } from "react";
import type { Execution } from "../../api/types";
import { AlertIcon, CheckIcon, ChevronRightIcon } from "../../components/ui/icons";
import { ExecutionFiles, ExecutionStreams, hasStreams } from "./ExecutionDetails";
import { executionSummary, type SummaryTone } from "./summary";

const TONE_ICONS: Record<SummaryTone, React.ReactNode> = {
  ok: <CheckIcon className="size-3.5 shrink-0 text-[#3f6b2a] dark:text-[#a8cc8c]" />,
  error: <AlertIcon className="size-3.5 shrink-0 text-danger" />,
  muted: <AlertIcon className="size-3.5 shrink-0 text-muted" />,
};

/** A run's result folded to one line ("Ran python · 0.4 s · exit 0"); opens to its output. */
export function ExecutionResult({
  execution,
  defaultOpen = false,
}: {
  execution: Execution;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const detailsId = useId();
  const { text, tone } = executionSummary(execution);
  const expandable = hasStreams(execution) && execution.status !== "unavailable";
  const lines = execution.stdout.split("\n").filter(Boolean).length;
  const hint = !hasStreams(execution) && execution.status !== "unavailable" ? " · no output" : "";

  return (
    <div className="space-y-2.5" data-testid="execution-result" data-status={execution.status}>
      {expandable ? (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen((v) => !v)}
          className="-mx-1.5 flex max-w-full items-center gap-1.5 rounded-md px-1.5 py-0.5 text-left text-[0.8125rem] text-ink-soft transition-colors hover:bg-line/50 hover:text-ink"
        >
          <ChevronRightIcon
            className={clsx(
              "size-3.5 shrink-0 text-muted transition-transform",
              open && "rotate-90",
            )}
          />
          {TONE_ICONS[tone]}
          <span className="min-w-0 truncate">{text}</span>
          {!open && lines > 0 && (
            <span className="shrink-0 text-xs text-muted">
              · {lines} {lines === 1 ? "line" : "lines"} of output
            </span>
          )}
        </button>
      ) : (
        <p className="flex items-center gap-1.5 text-[0.8125rem] text-ink-soft">
          {TONE_ICONS[tone]}
          <span className="min-w-0">
            {text}
            {hint}
          </span>
        </p>
      )}
      {expandable && open && (
        <div id={detailsId}>
          <ExecutionStreams execution={execution} />
        </div>
      )}
      <ExecutionFiles files={execution.files} />
    </div>
  );
}
