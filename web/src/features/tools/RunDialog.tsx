import { useEffect, useId, useState } from "react";
import type { SandboxLimits } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { AlertIcon, PlayIcon } from "../../components/ui/icons";
import { formatBytes } from "../../lib/format";
import { languageLabel } from "./languages";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-1.5">
      <dt className="text-ink-soft">{term}</dt>
      <dd className="text-right font-medium text-ink">{children}</dd>
    </div>
  );
}

/** Confirms running a code artifact: where it runs, within which limits, and for how long. */
export function RunDialog({
  open,
  title,
  language,
  limits,
  note,
  onClose,
  onRun,
}: {
  open: boolean;
  title: string;
  language: string;
  limits: SandboxLimits;
  /** Said above the limits, e.g. that the latest version runs rather than the one shown. */
  note: string | null;
  onClose: () => void;
  onRun: (timeoutSeconds: number) => void;
}) {
  const [timeout, setTimeoutText] = useState(String(limits.timeout_seconds));
  const inputId = useId();
  const hintId = useId();
  useEffect(() => {
    if (open) setTimeoutText(String(limits.timeout_seconds));
  }, [open, limits.timeout_seconds]);
  const seconds = Number(timeout);
  const valid =
    timeout.trim() !== "" &&
    Number.isFinite(seconds) &&
    seconds > 0 &&
    seconds <= limits.max_timeout_seconds;

  return (
    <Dialog
      open={open}
      title={`Run “${title}”?`}
      onClose={onClose}
      actions={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            disabled={!valid}
            onClick={() => {
              if (valid) onRun(seconds);
            }}
          >
            <PlayIcon className="size-4" />
            Run
          </Button>
        </>
      }
    >
      {/* One field and no submit button: Enter in it runs the code. */}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) onRun(seconds);
        }}
      >
        <p>
          The {languageLabel(language)} code runs on the server in an isolated sandbox, and its
          output shows in the panel.
        </p>
        {note && <p className="mt-2 text-ink">{note}</p>}
        <dl className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface px-3.5 text-[0.8125rem]">
          <Row term="Language">
            <span className="font-mono">{language}</span>
          </Row>
          <div className="flex items-center justify-between gap-4 py-1.5">
            <dt>
              <label htmlFor={inputId} className="text-ink-soft">
                Time limit
              </label>
            </dt>
            <dd className="flex items-center gap-1.5">
              <input
                id={inputId}
                type="number"
                inputMode="decimal"
                min={1}
                max={limits.max_timeout_seconds}
                step="any"
                value={timeout}
                onChange={(e) => setTimeoutText(e.target.value)}
                aria-describedby={hintId}
                aria-invalid={!valid}
                className="w-20 rounded-lg border border-line-strong bg-raised px-2 py-1 text-right font-medium text-ink tabular-nums aria-[invalid=true]:border-danger"
              />
              <span id={hintId} className={valid ? "text-ink-soft" : "text-danger"}>
                s (max {limits.max_timeout_seconds})
              </span>
            </dd>
          </div>
          <Row term="Memory">{limits.memory_mb} MB</Row>
          <Row term="Processes">{limits.max_processes}</Row>
          <Row term="Output kept">{formatBytes(limits.max_output_bytes)} per stream</Row>
          <Row term="Network">{limits.network ? "Allowed" : "None"}</Row>
        </dl>
        <p className="mt-3 flex gap-2 rounded-lg bg-warn-soft px-3 py-2 text-[0.8125rem] text-ink">
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-accent-strong dark:text-accent" />
          <span>
            Run only code you have read and trust. The sandbox has no network and cannot reach your
            account, but code can still misbehave or produce misleading results.
          </span>
        </p>
      </form>
    </Dialog>
  );
}
