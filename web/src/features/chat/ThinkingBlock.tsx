import clsx from "clsx";
import { useEffect, useId, useRef, useState } from "react";
import { ChevronRightIcon } from "../../components/ui/icons";

export function ThinkingBlock({ text, live }: { text: string; live: boolean }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const expanded = open || live;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new text is what should scroll the box.
  useEffect(() => {
    if (live && bodyRef.current) bodyRef.current.scrollTop = bodyRef.current.scrollHeight;
  }, [live, text]);

  return (
    <div className="mb-3 rounded-xl border border-line bg-sidebar/60 font-sans">
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-center gap-1.5 rounded-xl px-3 py-2 text-left text-sm text-ink-soft hover:text-ink"
      >
        <ChevronRightIcon
          className={clsx("size-4 transition-transform", expanded && "rotate-90")}
        />
        <span className={clsx("font-medium", live && "animate-pulse")}>
          {live ? "Thinking…" : "Thought process"}
        </span>
      </button>
      {expanded && (
        <div
          id={bodyId}
          ref={bodyRef}
          className={clsx(
            "whitespace-pre-wrap border-t border-line px-4 py-3 text-sm leading-relaxed text-ink-soft",
            live ? "max-h-48 overflow-y-auto" : "max-h-96 overflow-y-auto",
          )}
        >
          {text}
        </div>
      )}
    </div>
  );
}
