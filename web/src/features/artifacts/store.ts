import { create } from "zustand";
import { persist } from "zustand/middleware";

export type ArtifactView = "preview" | "code";

export const MIN_PANEL_FRACTION = 0.3;
export const MAX_PANEL_FRACTION = 0.72;

interface ArtifactPanelState {
  /** The conversation on screen; the panel only ever shows this one's artifacts. */
  conversationId: string | null;
  open: boolean;
  artifactId: string | null;
  /** A pinned version, or null to follow the newest (live while it streams). */
  version: number | null;
  /** The stored version the panel is showing (resolved from `version`), for the cards to mark. */
  shownVersion: number | null;
  /** Null for the type's default view. */
  view: ArtifactView | null;
  fullscreen: boolean;
  editing: boolean;
  /** The panel's share of the chat area's width on wide screens. */
  widthFraction: number;
  /** Set when a person (not the stream) opened the panel, so it takes focus. */
  focusRequest: number;
  showConversation: (conversationId: string | null) => void;
  openArtifact: (conversationId: string, artifactId: string, version: number | null) => void;
  followArtifact: (conversationId: string, artifactId: string) => void;
  selectArtifact: (artifactId: string) => void;
  setVersion: (version: number | null) => void;
  setShownVersion: (version: number | null) => void;
  setView: (view: ArtifactView) => void;
  setFullscreen: (fullscreen: boolean) => void;
  setEditing: (editing: boolean) => void;
  setWidthFraction: (fraction: number) => void;
  close: () => void;
}

const closed = {
  open: false,
  artifactId: null,
  version: null,
  shownVersion: null,
  view: null,
  fullscreen: false,
  editing: false,
} as const;

export const useArtifactPanel = create<ArtifactPanelState>()(
  persist(
    (set, get) => ({
      conversationId: null,
      ...closed,
      widthFraction: 0.5,
      focusRequest: 0,
      showConversation: (conversationId) => {
        if (get().conversationId !== conversationId) set({ conversationId, ...closed });
      },
      openArtifact: (conversationId, artifactId, version) =>
        set((s) => ({
          conversationId,
          open: true,
          artifactId,
          version,
          view: s.artifactId === artifactId ? s.view : null,
          editing: false,
          focusRequest: s.focusRequest + 1,
        })),
      followArtifact: (conversationId, artifactId) => {
        const s = get();
        // null: the welcome screen, about to become this new conversation's page
        if ((s.conversationId !== null && s.conversationId !== conversationId) || s.editing) return;
        set({
          conversationId,
          open: true,
          artifactId,
          version: null,
          view: s.artifactId === artifactId ? s.view : null,
        });
      },
      selectArtifact: (artifactId) =>
        set((s) =>
          s.artifactId === artifactId
            ? s
            : { artifactId, version: null, view: null, editing: false },
        ),
      setVersion: (version) => set({ version, editing: false }),
      setShownVersion: (shownVersion) => set({ shownVersion }),
      setView: (view) => set({ view }),
      setFullscreen: (fullscreen) => set({ fullscreen }),
      setEditing: (editing) => set({ editing }),
      setWidthFraction: (fraction) =>
        set({
          widthFraction: Math.min(MAX_PANEL_FRACTION, Math.max(MIN_PANEL_FRACTION, fraction)),
        }),
      close: () => set(closed),
    }),
    {
      name: "parley-artifact-panel",
      partialize: (s) => ({ widthFraction: s.widthFraction }),
    },
  ),
);
