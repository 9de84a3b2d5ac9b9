import clsx from "clsx";
import { memo, useId, useState } from "react";
import { CheckIcon, ChevronDownIcon, CopyIcon } from "../../components/ui/icons";
import { useHighlighted } from "../../lib/markdown/useHighlighted";
import { useCopy } from "../../lib/useCopy";

const FOLDED_LINES = 12;

/** The code a tool call wants to run, highlighted; folded to its first lines when it is long. */
export const CodePreview = memo(function CodePreview({
  code,
  language,
}: {
  code: string;
  language: string | null;
}) {
  const highlighted = useHighlighted(code, language);
  const [expanded, setExpanded] = useState(false);
  const { copied, copy, label } = useCopy(code, 1600);
  const codeId = useId();
  const lines = code.split("\n").length;
  const long = lines > FOLDED_LINES + 3;
  const folded = long && !expanded;

  return (
    <div className="group/code relative bg-code-bg">
      <button
        type="button"
        onClick={copy}
        aria-label={label("Copy code")}
        title={label("Copy code")}
        className="absolute right-2 top-2 z-10 inline-flex size-7 items-center justify-center rounded-md border border-line bg-surface text-muted opacity-0 transition-opacity hover:text-ink focus-visible:opacity-100 group-hover/code:opacity-100 [@media(hover:none)]:opacity-100"
      >
        {copied ? <CheckIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      </button>
      <pre
        id={codeId}
        className={clsx(
          "overflow-x-auto px-3.5 py-3 text-[0.8125rem] leading-relaxed text-ink",
          folded && "max-h-[16.5rem] overflow-y-hidden",
        )}
        style={
          folded ? { maskImage: "linear-gradient(to bottom, black 75%, transparent)" } : undefined
        }
      >
        <code className="font-mono">{highlighted ?? code}</code>
      </pre>
      {long && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={codeId}
          onClick={() => setExpanded((v) => !v)}
          className="flex w-full items-center justify-center gap-1 border-t border-line py-1.5 text-xs font-medium text-muted transition-colors hover:bg-line/40 hover:text-ink"
        >
          <ChevronDownIcon className={clsx("size-3.5", expanded && "rotate-180")} />
          {expanded ? "Show less" : `Show all ${lines} lines`}
        </button>
      )}
    </div>
  );
});
