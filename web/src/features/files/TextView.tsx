import clsx from "clsx";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { ApiError } from "../../api/http";
import { AlertIcon, SpinnerIcon } from "../../components/ui/icons";
import { findPassage, type PassageRange } from "../../lib/findPassage";
import { useHighlighted } from "../../lib/markdown/useHighlighted";
import { useFileText } from "./hooks";
import { NoPreview } from "./NoPreview";
import { SheetView } from "./SheetView";
import { parseSheets } from "./sheets";
import type { ViewedFile } from "./viewerStore";

// Highlighting runs on the main thread; past this the text stays plain but appears at once.
const HIGHLIGHT_MAX_CHARS = 200_000;

/** A cited passage, marked and scrolled to the middle of the view when the text opens. */
function Marked({ text, range }: { text: string; range: PassageRange }) {
  const mark = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    mark.current?.scrollIntoView?.({ block: "center" });
  }, []);
  return (
    <>
      {text.slice(0, range.start)}
      <mark
        ref={mark}
        className="rounded-sm bg-[#fbe7a1] px-0.5 text-ink dark:bg-[#5c4a1a]"
        data-testid="viewer-passage"
      >
        {text.slice(range.start, range.end)}
      </mark>
      {text.slice(range.end)}
    </>
  );
}

function CodeText({
  text,
  language,
  passage,
}: {
  text: string;
  language: string | null;
  passage: PassageRange | null;
}) {
  // Wrapping suits phones and long lines; line numbers would no longer match, so they go.
  const [wrap, setWrap] = useState(false);
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  // A cited passage is marked in the plain text: highlighting would split it across its tokens.
  const highlighted = useHighlighted(
    body,
    body.length <= HIGHLIGHT_MAX_CHARS && !passage ? language : null,
  );
  const shown: ReactNode =
    passage && passage.end <= body.length ? (
      <Marked text={body} range={passage} />
    ) : (
      (highlighted ?? body)
    );
  const lines = body.split("\n").length;
  const numbers = Array.from({ length: lines }, (_, i) => i + 1).join("\n");
  return (
    <div className="relative min-h-0 flex-1">
      <section
        className="absolute inset-0 overflow-auto bg-code-bg"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label="File contents"
        data-testid="viewer-text"
      >
        <div
          className={clsx(
            "flex min-h-full font-mono text-[0.8125rem] leading-[1.6]",
            wrap ? "w-full" : "w-max min-w-full",
          )}
        >
          {!wrap && (
            <pre
              aria-hidden="true"
              className="sticky left-0 select-none border-r border-line bg-code-bg px-3 py-4 text-right text-muted/70 tabular-nums"
            >
              {numbers}
            </pre>
          )}
          <pre
            className={clsx(
              "flex-1 px-4 py-4 pr-24 text-ink",
              wrap ? "min-w-0 whitespace-pre-wrap break-words" : "whitespace-pre",
            )}
          >
            <code>{shown}</code>
          </pre>
        </div>
      </section>
      <button
        type="button"
        aria-pressed={wrap}
        onClick={() => setWrap((v) => !v)}
        className="absolute right-4 top-3 rounded-md border border-line bg-raised/90 px-2 py-1 text-xs text-ink-soft shadow-sm backdrop-blur hover:text-ink"
      >
        Wrap lines
      </button>
    </div>
  );
}

function ProseText({ text, passage }: { text: string; passage: PassageRange | null }) {
  return (
    <section
      className="min-h-0 flex-1 overflow-auto"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      aria-label="File contents"
      data-testid="viewer-text"
    >
      <div className="mx-auto max-w-3xl whitespace-pre-wrap break-words px-5 py-6 text-[0.95rem] leading-relaxed text-ink sm:px-8">
        {passage ? <Marked text={text} range={passage} /> : text}
      </div>
    </section>
  );
}

/**
 * A file's extracted text: code highlighted with line numbers, prose wrapped, sheets as tables.
 * `passage`, a cited passage's opening words, is marked and scrolled to.
 */
export function TextView({ file, passage = null }: { file: ViewedFile; passage?: string | null }) {
  const query = useFileText(file.id);
  if (query.isPending) {
    return (
      <div className="flex size-full items-center justify-center" role="status">
        <SpinnerIcon className="size-6 animate-spin text-muted" aria-label="Loading the text" />
      </div>
    );
  }
  if (query.error) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <NoPreview
        file={file}
        reason={
          missing
            ? "There is no text to show for this file. Download it to open it on your device."
            : query.error.message
        }
      />
    );
  }
  const { text, truncated, language } = query.data;
  const sheets = file.kind === "spreadsheet" ? parseSheets(text) : null;
  const code = file.kind === "code" || file.kind === "spreadsheet" || Boolean(language);
  const range = passage ? findPassage(text, passage) : null;
  return (
    <div className="absolute inset-0 flex flex-col">
      {truncated && (
        <p
          className="flex shrink-0 items-start gap-2 border-b border-line bg-warn-soft px-4 py-2 text-[0.8125rem] text-ink"
          data-testid="viewer-truncated"
        >
          <AlertIcon className="mt-px size-4 shrink-0 text-[#9a6700] dark:text-[#e3b341]" />
          Only the first part of this file is shown: its text was cut at the server's limit, and
          models read the same part. Download the file for all of it.
        </p>
      )}
      {sheets ? (
        <SheetView sheets={sheets} />
      ) : code ? (
        <CodeText text={text} language={language} passage={range} />
      ) : (
        <ProseText text={text} passage={range} />
      )}
    </div>
  );
}
