import type { ThemeSetting } from "../../api/types";
import type { ThemePreference } from "../../app/uiStore";

export function toPreference(theme: ThemeSetting): ThemePreference {
  return theme === "system" ? "auto" : theme;
}

export function toSetting(theme: ThemePreference): ThemeSetting {
  return theme === "auto" ? "system" : theme;
}

export type ThemeDecision = "in-step" | "adopt-saved" | "save-local";

/**
 * A three-way merge of this device's theme (`local`), the saved setting (`saved`) and the
 * setting as this device last saw it (`synced`): whichever moved since wins. A copy that never
 * met the setting (written before settings existed) counts as a choice made here, unless it is
 * the default.
 */
export function reconcileTheme(
  local: ThemePreference,
  synced: ThemePreference | null,
  saved: ThemePreference,
): ThemeDecision {
  if (local === saved) return "in-step";
  if (synced === null) return local === "auto" ? "adopt-saved" : "save-local";
  if (local === synced) return "adopt-saved"; // changed in another tab or on another device
  if (saved === synced) return "save-local"; // changed here, not saved yet
  return "adopt-saved";
}
