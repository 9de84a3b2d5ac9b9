import { useCallback, useEffect, useRef, useState } from "react";

/** Copies text to the clipboard; `copied` is true for a moment after it worked. */
export function useCopy(
  text: string,
  showFor = 1500,
): { copied: boolean; copy: () => Promise<void> } {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const copy = useCallback(async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), showFor);
    } catch {
      setCopied(false);
    }
  }, [text, showFor]);
  return { copied, copy };
}
