import { useNavigate } from "react-router";
import { useThemeStore } from "../../app/uiStore";
import { announce } from "../../lib/announcer";
import type { ActionId } from "./actions";

/** What each palette action does, and which way the theme toggle goes from here. */
export function usePaletteActions() {
  const navigate = useNavigate();
  const setTheme = useThemeStore((s) => s.setTheme);
  // The theme shown, which "auto" leaves to the system: the toggle switches away from it.
  const dark = document.documentElement.classList.contains("dark");
  const runAction = (action: ActionId) => {
    switch (action) {
      case "new-chat":
        navigate("/");
        break;
      case "new-project":
        navigate("/projects?new=1");
        break;
      case "settings":
        navigate("/settings");
        break;
      case "toggle-theme":
        setTheme(dark ? "light" : "dark");
        announce(dark ? "Light theme." : "Dark theme.");
        break;
      default: {
        const unknown: never = action;
        throw new Error(`unhandled action ${String(unknown)}`);
      }
    }
  };
  return { dark, runAction };
}
