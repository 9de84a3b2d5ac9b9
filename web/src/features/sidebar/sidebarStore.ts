import { create } from "zustand";
import type { Conversation } from "../../api/types";
import { selectionDispatch } from "./selection";

export type SidebarView = "chats" | "archived";

interface SidebarState {
  view: SidebarView;
  /** The chats the "Move to project" picker is open for, if it is. */
  moving: readonly Conversation[] | null;
  /** The chat whose title is being edited: here, not in the row, so that a row the list
   * re-renders (a refetch, a new group) keeps its edit open. */
  editingId: string | null;
  setView: (view: SidebarView) => void;
  setEditingId: (id: string | null) => void;
  setMoving: (moving: readonly Conversation[] | null) => void;
}

export const useSidebarStore = create<SidebarState>((set) => ({
  view: "chats",
  moving: null,
  editingId: null,
  setEditingId: (editingId) => set({ editingId }),
  setView: (view) => {
    selectionDispatch({ type: "exit" });
    set({ view });
  },
  setMoving: (moving) => set({ moving }),
}));
