import { useSyncExternalStore } from "react";
import type { FrameTheme } from "./frameProtocol";

function subscribeToTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** The theme the app is painted in right now (the `dark` class on <html>). */
export function useDocumentTheme(): FrameTheme {
  return useSyncExternalStore(
    subscribeToTheme,
    () => (document.documentElement.classList.contains("dark") ? "dark" : "light"),
    () => "light",
  );
}

/** Below this width the panel is a full-screen sheet rather than a column beside the chat. */
export const SHEET_QUERY = "(max-width: 1023px)";

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia?.(query);
      media?.addEventListener("change", onChange);
      return () => media?.removeEventListener("change", onChange);
    },
    () => Boolean(window.matchMedia?.(query).matches),
    () => false,
  );
}
