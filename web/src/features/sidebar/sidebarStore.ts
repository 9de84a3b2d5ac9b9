import { create } from "zustand";
import type { Conversation } from "../../api/types";
import { selectionDispatch } from "./selection";

export type SidebarView = "chats" | "archived";

interface SidebarState {
  view: SidebarView;
  /** The chats the "Move to project" picker is open for, if it is. */
  moving: readonly Conversation[] | null;
  setView: (view: SidebarView) => void;
  setMoving: (moving: readonly Conversation[] | null) => void;
}

export const useSidebarStore = create<SidebarState>((set) => ({
  view: "chats",
  moving: null,
  setView: (view) => {
    selectionDispatch({ type: "exit" });
    set({ view });
  },
  setMoving: (moving) => set({ moving }),
}));
