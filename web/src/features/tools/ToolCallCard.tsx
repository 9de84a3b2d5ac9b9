import clsx from "clsx";
import { useLayoutEffect, useRef } from "react";
import { ApiError } from "../../api/http";
import type { MessageStatus, ToolCallPart, ToolResultPart } from "../../api/types";
import { SpinnerIcon, TerminalIcon } from "../../components/ui/icons";
import type { ToolRun } from "../chat/runReducer";
import { ApprovalPrompt } from "./ApprovalPrompt";
import { CodePreview } from "./CodePreview";
import { ExecutionResult } from "./ExecutionResult";
import { type Decision, useDecideApproval, useSandbox } from "./hooks";
import { languageLabel } from "./languages";
import { OutputLog } from "./OutputLog";
import { NO_OUTPUT } from "./output";

export interface ToolCallCardProps {
  call: ToolCallPart;
  result: ToolResultPart | null;
  /** What the live stream told about this call: output so far and the limits. */
  run: ToolRun | undefined;
  runId: string | null;
  conversationId: string;
  /** True while the answer is still being written, so the call can still be approved or run. */
  active: boolean;
  /** How the answer ended, when it has. */
  endStatus: MessageStatus;
}

type Tone = "accent" | "neutral" | "muted";

function badge(call: ToolCallPart, run: ToolRun | undefined, waiting: boolean, notRun: boolean) {
  if (waiting) return { text: "Needs approval", tone: "accent" as Tone };
  switch (call.approval) {
    case "approved":
      return { text: run?.remembered ? "Approved · always" : "Approved", tone: "neutral" as Tone };
    case "denied":
      return { text: "Denied", tone: "muted" as Tone };
    case "automatic":
      return { text: "Ran automatically", tone: "neutral" as Tone };
    case "pending":
    case null:
    case undefined:
      return notRun ? { text: "Not run", tone: "muted" as Tone } : null;
    default: {
      const unknown: never = call.approval;
      throw new Error(`unhandled approval ${String(unknown)}`);
    }
  }
}

function stoppedNote(call: ToolCallPart, endStatus: MessageStatus): string {
  const why =
    endStatus === "cancelled"
      ? "you stopped the answer"
      : endStatus === "error"
        ? "the answer failed"
        : "the answer was interrupted";
  return call.approval === "approved" || call.approval === "automatic"
    ? `Stopped before it finished: ${why}.`
    : `Not run: ${why} before it was approved.`;
}

/** The model's request to run code, in the answer: the code, the approval, the output, the result. */
export function ToolCallCard({
  call,
  result,
  run,
  runId,
  conversationId,
  active,
  endStatus,
}: ToolCallCardProps) {
  const input = call.input as { language?: unknown; code?: unknown };
  const isCode = call.name === "run_code";
  const language = isCode && typeof input.language === "string" ? input.language : null;
  const code = isCode
    ? typeof input.code === "string"
      ? input.code
      : ""
    : JSON.stringify(call.input, null, 2);
  const waiting = active && call.approval === "pending" && !result;
  const running =
    active && !result && (call.approval === "approved" || call.approval === "automatic");
  const notRun = !result && !active;
  const decide = useDecideApproval(runId, conversationId);
  const sandbox = useSandbox(waiting && !run?.limits);
  const limits = run?.limits ?? sandbox.data?.limits ?? null;
  const tag = badge(call, run, waiting, notRun);

  // When the decision lands the prompt goes away; keep a keyboard user's place on the card.
  const cardRef = useRef<HTMLDivElement>(null);
  const focusInPrompt = useRef(false);
  useLayoutEffect(() => {
    if (waiting || !focusInPrompt.current) return;
    focusInPrompt.current = false;
    if (!cardRef.current?.contains(document.activeElement)) {
      cardRef.current?.focus({ preventScroll: true });
    }
  }, [waiting]);

  const onDecide = (decision: Decision) => {
    if (!decide.isPending) decide.mutate({ toolCallId: call.tool_call_id, decision });
  };
  const note = decide.error
    ? {
        text: decide.error instanceof ApiError ? decide.error.message : "That didn't go through.",
        error: true,
      }
    : decide.data === "answered"
      ? { text: "This was already answered, perhaps in another tab. Updating…", error: false }
      : null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card grouping one tool call, not a form fieldset.
    <div
      ref={cardRef}
      tabIndex={-1}
      role="group"
      aria-label={isCode ? `Code to run: ${language ?? "unknown language"}` : `Tool: ${call.name}`}
      className="not-prose my-4 overflow-hidden rounded-xl outline-offset-2 border border-line bg-surface font-sans shadow-[0_1px_3px_rgba(20,20,19,0.05)]"
      data-testid="tool-call"
      data-approval={call.approval ?? ""}
    >
      <div className="flex items-center gap-2 border-b border-line px-3.5 py-2">
        <TerminalIcon className="size-4 shrink-0 text-ink-soft" />
        <span className="text-sm font-medium text-ink">{isCode ? "Run code" : call.name}</span>
        {language && (
          <span className="rounded-md border border-line bg-code-bg px-1.5 py-px font-mono text-xs text-ink-soft">
            {language}
          </span>
        )}
        {tag && (
          <span
            className={clsx(
              "ml-auto shrink-0 rounded-full px-2 py-0.5 text-xs font-medium",
              tag.tone === "accent" && "bg-accent-soft text-[#8a3a1c] dark:text-[#e8957a]",
              tag.tone === "neutral" && "bg-line/60 text-ink-soft",
              tag.tone === "muted" && "text-muted",
            )}
            data-testid="approval-badge"
          >
            {tag.text}
          </span>
        )}
      </div>
      <CodePreview code={code} language={language} />
      {waiting && (
        <ApprovalPrompt
          language={languageLabel(language ?? "this")}
          limits={limits}
          sending={decide.isPending ? (decide.variables?.decision ?? null) : null}
          disabled={decide.isPending || decide.data !== undefined}
          note={note}
          onDecide={onDecide}
          onFocusInside={(inside) => {
            focusInPrompt.current = inside;
          }}
        />
      )}
      {(running || result || notRun) && (
        <div className="space-y-2 border-t border-line px-3.5 py-2.5">
          {running && (
            <>
              <p className="flex items-center gap-1.5 text-[0.8125rem] text-ink-soft" role="status">
                <SpinnerIcon className="size-3.5 animate-spin text-accent" />
                Running…
              </p>
              <OutputLog output={run?.output ?? NO_OUTPUT} running />
            </>
          )}
          {result?.execution && <ExecutionResult execution={result.execution} />}
          {result && !result.execution && (
            <p className="text-[0.8125rem] text-ink-soft">
              {call.approval === "denied"
                ? "You declined, so the code did not run."
                : `Not run: ${result.content}`}
            </p>
          )}
          {notRun && <p className="text-[0.8125rem] text-muted">{stoppedNote(call, endStatus)}</p>}
        </div>
      )}
      {run?.remembered && (
        <p className="border-t border-line px-3.5 py-2 text-xs text-muted">
          Later code in this conversation runs without asking. To be asked again, use the
          conversation menu at the top.
        </p>
      )}
    </div>
  );
}
