import { useEffect, useState } from "react";

/**
 * The value a control shows: the one just picked at once, then whatever the settings say.
 * The settings cache tells its readers on the next tick, and a controlled radio button would
 * otherwise flick back for that moment.
 */
export function useShownValue<T>(value: T): [T, (next: T) => void] {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return [shown, setShown];
}
