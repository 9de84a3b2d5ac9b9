import { create } from "zustand";
import { persist } from "zustand/middleware";

export type ThemePreference = "light" | "dark" | "auto";

interface ThemeState {
  theme: ThemePreference;
  /** The theme last known to be the person's saved setting; null until this copy met it. */
  synced: ThemePreference | null;
  setTheme: (theme: ThemePreference) => void;
}

// The key and shape are read by public/theme-init.js before first paint; keep them in step.
// This copy is what paints first; features/settings keeps it and the saved setting in step.
export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ theme: "auto", synced: null, setTheme: (theme) => set({ theme }) }), {
    name: "parley-theme",
  }),
);

interface LayoutState {
  sidebarCollapsed: boolean;
  drawerOpen: boolean;
  toggleSidebar: () => void;
  setDrawerOpen: (open: boolean) => void;
}

export const useLayoutStore = create<LayoutState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      drawerOpen: false,
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
    }),
    {
      name: "parley-layout",
      partialize: (s) => ({ sidebarCollapsed: s.sidebarCollapsed }),
    },
  ),
);

interface DraftState {
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
}

/** Unsent composer text per conversation ("new" for the welcome screen). */
export const useDraftStore = create<DraftState>((set) => ({
  drafts: {},
  setDraft: (key, text) => set((s) => ({ drafts: { ...s.drafts, [key]: text } })),
}));
