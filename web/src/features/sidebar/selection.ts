import { create } from "zustand";

export interface Selection {
  /** Select mode: rows show checkboxes and a click toggles instead of opening. */
  active: boolean;
  ids: ReadonlySet<string>;
  /** Where a shift-click range starts: the last row toggled on its own. */
  anchor: string | null;
}

export type SelectionAction =
  | { type: "start"; id?: string }
  | { type: "toggle"; id: string }
  | { type: "range"; id: string; order: readonly string[] }
  | { type: "all"; ids: readonly string[] }
  | { type: "none" }
  | { type: "retain"; ids: ReadonlySet<string> }
  | { type: "exit" };

export const emptySelection: Selection = { active: false, ids: new Set(), anchor: null };

export function reduceSelection(state: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case "start":
      return action.id
        ? { active: true, ids: new Set([...state.ids, action.id]), anchor: action.id }
        : { ...state, active: true };
    case "toggle": {
      const ids = new Set(state.ids);
      if (ids.has(action.id)) ids.delete(action.id);
      else ids.add(action.id);
      return { active: true, ids, anchor: action.id };
    }
    case "range": {
      const to = action.order.indexOf(action.id);
      const from = state.anchor ? action.order.indexOf(state.anchor) : -1;
      if (to === -1) return state;
      if (from === -1) return reduceSelection(state, { type: "toggle", id: action.id });
      const [lo, hi] = from < to ? [from, to] : [to, from];
      // the anchor stays, so a second shift-click re-draws the range from the same row
      return {
        active: true,
        ids: new Set([...state.ids, ...action.order.slice(lo, hi + 1)]),
        anchor: state.anchor,
      };
    }
    case "all":
      return { ...state, active: true, ids: new Set(action.ids) };
    case "none":
      return { ...state, ids: new Set(), anchor: null };
    case "retain": {
      // rows deleted, archived or moved elsewhere (by this tab or another) leave the selection
      const kept = [...state.ids].filter((id) => action.ids.has(id));
      if (kept.length === state.ids.size) return state;
      return {
        ...state,
        ids: new Set(kept),
        anchor: state.anchor && action.ids.has(state.anchor) ? state.anchor : null,
      };
    }
    case "exit":
      return emptySelection;
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

interface SelectionStore extends Selection {
  dispatch: (action: SelectionAction) => void;
}

/** One selection for the sidebar, shared by the desktop column and the phone drawer. */
export const useSelection = create<SelectionStore>((set, get) => ({
  ...emptySelection,
  dispatch: (action) => {
    const { dispatch: _, ...current } = get();
    const next = reduceSelection(current, action);
    if (next !== current) set(next);
  },
}));

export const selectionDispatch = (action: SelectionAction) =>
  useSelection.getState().dispatch(action);
