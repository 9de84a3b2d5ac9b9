import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useThemeStore } from "../../app/uiStore";
import { queryKeys } from "../../lib/queryKeys";
import { appearanceOf, applyAppearance, rememberAppearance, restoreAppearance } from "./appearance";
import { settingsChannel } from "./crossTab";
import { useSaveSettings, useSettings } from "./hooks";
import { reconcileTheme, toPreference, toSetting } from "./themeSync";

// Before the first render, so the chat never shows in the wrong font, size or date format.
restoreAppearance();

/** Keeps the local theme copy and the saved setting in step, whichever of them changed. */
function useThemeSync(saved: ReturnType<typeof toPreference> | undefined) {
  const local = useThemeStore((s) => s.theme);
  const synced = useThemeStore((s) => s.synced);
  const save = useSaveSettings();
  useEffect(() => {
    if (saved === undefined) return;
    switch (reconcileTheme(local, synced, saved)) {
      case "in-step":
        if (synced !== saved) useThemeStore.setState({ synced: saved });
        break;
      case "adopt-saved":
        useThemeStore.setState({ theme: saved, synced: saved });
        break;
      case "save-local":
        // Shown at once as the saved setting too; the next run of this effect marks it synced.
        save({ theme: toSetting(local) });
        break;
    }
  }, [local, synced, saved, save]);
}

/** Applies the person's settings to the whole app, and takes other tabs' changes at once. */
export function SettingsEffects() {
  const queryClient = useQueryClient();
  const settings = useSettings().data;
  useThemeSync(settings ? toPreference(settings.theme) : undefined);

  const appearance = settings ? appearanceOf(settings) : null;
  const appearanceKey = appearance ? JSON.stringify(appearance) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the appearance, by value.
  useEffect(() => {
    if (!appearance) return;
    applyAppearance(appearance);
    rememberAppearance(appearance);
  }, [appearanceKey]);

  useEffect(
    () =>
      settingsChannel().listen(() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.settings });
      }),
    [queryClient],
  );
  return null;
}
