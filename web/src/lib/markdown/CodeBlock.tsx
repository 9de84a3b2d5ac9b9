import { memo } from "react";
import { CheckIcon, CopyIcon } from "../../components/ui/icons";
import { useCopy } from "../useCopy";
import { useHighlighted } from "./useHighlighted";

export const CodeBlock = memo(function CodeBlock({
  code,
  language,
}: {
  code: string;
  language: string | null;
}) {
  const highlighted = useHighlighted(code, language);
  const { copied, copy, label } = useCopy(code, 1600);

  return (
    <div className="code-block not-prose overflow-hidden rounded-xl border border-line bg-code-bg font-sans">
      <div className="flex items-center justify-between border-b border-line px-3 py-1.5 text-xs text-muted">
        <span className="font-medium lowercase">{language ?? "text"}</span>
        <button
          type="button"
          onClick={copy}
          className="inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-muted transition-colors hover:bg-line hover:text-ink"
          aria-label={label("Copy code")}
        >
          {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
          <span>{label("Copy")}</span>
        </button>
      </div>
      <pre className="max-h-[32rem] overflow-auto p-4 text-[0.84rem] leading-relaxed">
        <code className="font-mono">{highlighted ?? code}</code>
      </pre>
    </div>
  );
});
