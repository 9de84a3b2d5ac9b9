import type { ChatFont, TextSize, UserSettings } from "../../api/types";
import { setDisplayLocale } from "../../lib/locale";

/** What the page looks like beyond the theme; index.css reads these off <html>. */
export interface Appearance {
  chatFont: ChatFont;
  textSize: TextSize;
  reducedMotion: boolean | null;
  locale: string | null;
}

const STORAGE_KEY = "parley-appearance";

export function appearanceOf(settings: UserSettings): Appearance {
  return {
    chatFont: settings.chat_font,
    textSize: settings.text_size,
    reducedMotion: settings.reduced_motion ?? null,
    locale: settings.locale ?? null,
  };
}

export function applyAppearance(
  appearance: Appearance,
  root: HTMLElement = document.documentElement,
) {
  root.dataset.chatFont = appearance.chatFont;
  root.dataset.textSize = appearance.textSize;
  // No attribute: the prefers-reduced-motion media query decides.
  if (appearance.reducedMotion === null) delete root.dataset.motion;
  else root.dataset.motion = appearance.reducedMotion ? "reduced" : "full";
  setDisplayLocale(appearance.locale);
}

/** Kept on the device so the next load shows the chat in its font and size from the start. */
export function rememberAppearance(appearance: Appearance) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(appearance));
  } catch {
    // storage blocked: the next load applies the settings once they arrive
  }
}

function isAppearance(value: unknown): value is Appearance {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.chatFont === "default" || v.chatFont === "system" || v.chatFont === "dyslexic") &&
    (v.textSize === "small" || v.textSize === "medium" || v.textSize === "large") &&
    (v.reducedMotion === null || typeof v.reducedMotion === "boolean") &&
    (v.locale === null || typeof v.locale === "string")
  );
}

export function restoreAppearance() {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (isAppearance(stored)) applyAppearance(stored);
  } catch {
    // blocked or unreadable: the defaults stand until the settings arrive
  }
}
