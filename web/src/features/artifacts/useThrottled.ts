import { useEffect, useRef, useState } from "react";

/**
 * The value, updated at most every `ms` while `active`; immediately otherwise. Keeps expensive
 * work (re-rendering a preview, re-highlighting) at a modest rate while an artifact streams in.
 */
export function useThrottled<T>(value: T, ms: number, active: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (!active) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, active]);
  return active ? shown : value;
}
