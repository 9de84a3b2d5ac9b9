import { useEffect } from "react";

export const IS_APPLE =
  typeof navigator !== "undefined" && /Mac|iPhone|iPad|iPod/.test(navigator.userAgent);

/** How the shortcut reads on this platform: ⌘K on Apple keyboards, Ctrl K elsewhere. */
export const SHORTCUT_LABEL = IS_APPLE ? "⌘K" : "Ctrl K";

export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    event.key.toLowerCase() === "k"
  );
}

/**
 * Ctrl+K / ⌘+K anywhere in the app, even in the message box or the code editor (hence capture).
 * Another modal already open (a confirmation, the file viewer) keeps the keyboard to itself.
 */
export function usePaletteShortcut(onToggle: () => void, paletteOpen: boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event) || event.repeat) return;
      const otherModal = Array.from(document.querySelectorAll("dialog[open]")).some(
        (d) => !d.hasAttribute("data-search-palette"),
      );
      if (otherModal && !paletteOpen) return;
      event.preventDefault();
      event.stopPropagation();
      onToggle();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [onToggle, paletteOpen]);
}
