import { createContext, useContext } from "react";

export type PickMode = "toggle" | "range";

/**
 * What every row needs from the list around it, kept stable so that a memoised row does not
 * re-render when the route or the selection of other rows changes.
 */
export interface RowContextValue {
  open: (path: string) => void;
  pathname: () => string;
  /** Projects exist to move chats into. */
  canMove: boolean;
  /** Select mode's click (toggle) and shift- or ctrl-click (range, toggle). */
  pick: (id: string, mode: PickMode) => void;
}

export const RowContext = createContext<RowContextValue | null>(null);

export function useRowContext(): RowContextValue {
  const value = useContext(RowContext);
  if (!value) throw new Error("a conversation row must be inside the sidebar list");
  return value;
}
