import { useCallback, useEffect, useRef, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies text to the clipboard. For a moment afterwards `copied` is true, or `label` says it could
 * not (the browser refused clipboard access), so a click never does nothing without a word.
 */
export function useCopy(
  text: string,
  showFor = 1500,
): { copied: boolean; copy: () => Promise<void>; label: (idle: string) => string } {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const show = useCallback(
    (next: CopyState) => {
      setState(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setState("idle"), showFor);
    },
    [showFor],
  );
  const copy = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(text);
      show("copied");
    } catch {
      show("failed");
    }
  }, [text, show]);
  const label = useCallback(
    (idle: string) =>
      state === "copied"
        ? "Copied"
        : state === "failed"
          ? "Could not copy: clipboard blocked"
          : idle,
    [state],
  );
  return { copied: state === "copied", copy, label };
}
