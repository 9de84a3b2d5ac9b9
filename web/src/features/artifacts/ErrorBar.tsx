import { Button } from "../../components/ui/Button";
import { AlertIcon, WrenchIcon } from "../../components/ui/icons";

export interface FrameError {
  message: string;
  detail?: string;
}

const MAX_DETAIL = 1_500;

/** The message that asks the model to fix an artifact, with the error attached. */
export function fixRequest(title: string, identifier: string, error: FrameError): string {
  const detail =
    error.detail && error.detail.trim() !== error.message.trim()
      ? `\n${error.detail.slice(0, MAX_DETAIL)}${error.detail.length > MAX_DETAIL ? "\n…" : ""}`
      : "";
  return (
    `The "${title}" artifact (${identifier}) shows this error:\n\n` +
    `\`\`\`\n${error.message}${detail}\n\`\`\`\n\nPlease fix it.`
  );
}

export function ErrorBar({
  error,
  canFix,
  onFix,
}: {
  error: FrameError;
  canFix: boolean;
  onFix: () => void;
}) {
  return (
    <div
      role="alert"
      className="flex shrink-0 items-start gap-2.5 border-t border-danger/30 bg-danger-soft px-3 py-2.5 text-sm"
      data-testid="artifact-error"
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink">This artifact ran into an error</p>
        <p
          className="mt-0.5 line-clamp-3 break-words font-mono text-xs text-ink-soft"
          title={error.detail}
        >
          {error.message}
        </p>
      </div>
      <Button
        variant="secondary"
        className="h-8 shrink-0 px-2.5"
        disabled={!canFix}
        title={canFix ? "Ask the model to fix it" : "Wait for the current answer to finish"}
        onClick={onFix}
      >
        <WrenchIcon className="size-4" />
        Fix it
      </Button>
    </div>
  );
}
