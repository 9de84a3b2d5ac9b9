import { useCallback, useEffect, useRef, useState } from "react";
import type { SettingsChange } from "../../api/types";
import type { SettingKey } from "./defaults";
import { useFailureFor } from "./saveStatus";

export const TYPING_PAUSE_MS = 600;

/**
 * A text field saved when typing pauses (and at once on blur or when the page goes). It shows
 * the saved value until edited, takes newer saved values (another tab) while not being edited,
 * and keeps what was typed when a save was refused.
 */
export function useDebouncedSetting<T>(
  key: SettingKey,
  saved: T,
  save: (change: SettingsChange) => void,
  toChange: (value: T) => SettingsChange = (value) => ({ [key]: value }) as SettingsChange,
  delay = TYPING_PAUSE_MS,
) {
  const [draft, setDraft] = useState(saved);
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failed = useFailureFor([key]) !== null;

  useEffect(() => {
    if (timer.current || failed) return;
    latest.current = saved;
    setDraft(saved);
  }, [saved, failed]);

  const commit = useRef(() => {});
  commit.current = () => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    save(toChange(latest.current));
  };
  const flush = useCallback(() => commit.current(), []);

  const change = useCallback(
    (value: T) => {
      latest.current = value;
      setDraft(value);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => commit.current(), delay);
    },
    [delay],
  );

  // Leaving the page (or the tab) mid-sentence still saves what was typed.
  useEffect(() => {
    const onHide = () => commit.current();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      commit.current();
    };
  }, []);

  return { value: draft, change, flush };
}
