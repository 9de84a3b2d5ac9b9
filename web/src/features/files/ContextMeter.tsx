import clsx from "clsx";
import { useEffect, useId, useRef, useState } from "react";
import { formatCount } from "../../lib/format";
import { budgetShare, type ContextBudget } from "./contextBudget";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

function Row({ label, tokens }: { label: string; tokens: number }) {
  return (
    <div className="flex justify-between gap-6 py-0.5">
      <dt className="text-ink-soft">{label}</dt>
      <dd className="tabular-nums text-ink">≈{formatCount(tokens)}</dd>
    </div>
  );
}

/**
 * How full the model's context window would be with this turn: a small ring by the Send button
 * that opens to the breakdown (conversation, files, draft). Amber past 80%, red when over.
 */
export function ContextMeter({ budget }: { budget: ContextBudget }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const share = budgetShare(budget);
  const level = share > 1 ? "over" : share > 0.8 ? "high" : "ok";

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (budget.total === 0 || !budget.limit) return null;
  const percent = Math.round(share * 100);
  const shown = percent < 1 ? "<1%" : `${percent}%`;
  const summary = `≈${formatCount(budget.total)} of ${formatCount(budget.limit)} tokens`;
  const files = budget.sentFiles + budget.pendingFiles;

  return (
    <div ref={wrapper} className="relative flex">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`${shown} of the context used: ${summary}`}
        title={`Context: ${summary}`}
        data-testid="context-meter"
        data-level={level}
        onClick={() => setOpen((v) => !v)}
        className={clsx(
          "flex h-8 items-center gap-1.5 rounded-lg px-1.5 text-xs tabular-nums transition-colors hover:bg-line/60",
          level === "over"
            ? "text-danger"
            : level === "high"
              ? "text-[#9a6700] dark:text-[#e3b341]"
              : "text-muted",
        )}
      >
        <span
          aria-hidden="true"
          className="relative h-1.5 w-5 overflow-hidden rounded-full bg-current/20"
        >
          <span
            className="absolute inset-y-0 left-0 rounded-full bg-current"
            style={{ width: `${Math.min(100, Math.max(8, share * 100))}%` }}
          />
        </span>
        <span>{shown}</span>
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Context window"
          className="absolute bottom-full right-0 z-30 mb-2 w-64 animate-fade-in rounded-xl border border-line bg-raised p-3 text-xs shadow-xl"
        >
          <p className="font-medium text-ink">
            Context: {shown} of {compact.format(budget.limit)} tokens
          </p>
          <div className="my-2 h-1.5 overflow-hidden rounded-full bg-line">
            <div
              className={clsx(
                "h-full rounded-full",
                level === "over" ? "bg-danger" : level === "high" ? "bg-[#d4a72c]" : "bg-accent",
              )}
              style={{ width: `${Math.min(100, Math.max(2, percent))}%` }}
            />
          </div>
          <dl>
            <Row label="Conversation" tokens={budget.conversation} />
            {files > 0 && <Row label="Files" tokens={files} />}
            {budget.draft > 0 && <Row label="This message" tokens={budget.draft} />}
          </dl>
          <p className="mt-2 leading-snug text-muted">
            Estimates: the model counts its own tokens, and files cost the same on every turn.
          </p>
        </div>
      )}
    </div>
  );
}
