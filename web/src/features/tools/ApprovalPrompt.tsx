import { useId } from "react";
import type { SandboxLimits } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { ShieldIcon, SpinnerIcon } from "../../components/ui/icons";
import type { Decision } from "./hooks";
import { limitPhrases } from "./summary";

const BUTTON = "h-8 px-3 aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

const BUSY_LABELS: Record<Decision, string> = {
  approve: "Approving…",
  deny: "Denying…",
  always: "Allowing…",
};

/** Asks the person whether the model's code may run, saying where and within which limits. */
export function ApprovalPrompt({
  language,
  limits,
  sending,
  disabled,
  note,
  onDecide,
  onFocusInside,
}: {
  language: string;
  limits: SandboxLimits | null;
  /** The decision being sent, while it is. */
  sending: Decision | null;
  disabled: boolean;
  /** A status or error line under the buttons. */
  note: { text: string; error: boolean } | null;
  onDecide: (decision: Decision) => void;
  /** Whether keyboard focus is in the prompt, so the card can keep it when the prompt goes. */
  onFocusInside: (inside: boolean) => void;
}) {
  const headingId = useId();
  // aria-disabled rather than disabled: a disabled button drops keyboard focus mid-decision.
  const act = (decision: Decision) => () => {
    if (!disabled) onDecide(decision);
  };
  const label = (decision: Decision, text: string) => (
    <>
      {sending === decision && <SpinnerIcon className="size-3.5 animate-spin" />}
      {sending === decision ? BUSY_LABELS[decision] : text}
    </>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of related actions, not a form fieldset.
    <div
      role="group"
      aria-labelledby={headingId}
      onFocus={() => onFocusInside(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onFocusInside(false);
      }}
      className="border-t border-line bg-warn-soft/70 px-3.5 py-3"
      data-testid="approval-prompt"
    >
      <p id={headingId} className="flex items-center gap-1.5 text-sm font-medium text-ink">
        <ShieldIcon className="size-4 shrink-0 text-accent-strong dark:text-accent" />
        Run this {language} code?
      </p>
      <p className="mt-1 text-[0.8125rem] leading-relaxed text-ink-soft">
        It runs in an isolated sandbox on the server. Only approve code you have read and trust.
      </p>
      <ul aria-label="Sandbox limits" className="mt-2 flex flex-wrap gap-1.5">
        {(limits ? limitPhrases(limits) : ["No network"]).map((phrase) => (
          <li
            key={phrase}
            className="rounded-md border border-line-strong/70 bg-surface/70 px-1.5 py-px text-xs text-ink-soft"
          >
            {phrase}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex gap-2">
          <Button
            variant="primary"
            className={BUTTON}
            aria-disabled={disabled}
            onClick={act("approve")}
          >
            {label("approve", "Approve")}
          </Button>
          <Button className={BUTTON} aria-disabled={disabled} onClick={act("deny")}>
            {label("deny", "Deny")}
          </Button>
        </div>
        <button
          type="button"
          className="inline-flex items-center gap-1.5 rounded text-[0.8125rem] font-medium text-ink-soft underline decoration-line-strong underline-offset-4 transition-colors hover:text-ink hover:decoration-current aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          aria-disabled={disabled}
          onClick={act("always")}
        >
          {label("always", "Always allow in this conversation")}
        </button>
      </div>
      {note && (
        <p
          role={note.error ? "alert" : "status"}
          className={`mt-2 text-[0.8125rem] ${note.error ? "text-danger" : "text-muted"}`}
        >
          {note.text}
        </p>
      )}
    </div>
  );
}
