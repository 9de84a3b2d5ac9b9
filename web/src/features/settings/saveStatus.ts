import { create } from "zustand";
import type { SettingKey } from "./defaults";

export interface SaveFailure {
  keys: SettingKey[];
  message: string;
}

interface SaveStatusState {
  /** Saves sent and not answered yet. */
  pending: number;
  /** Bumped on each save that went through: the "Saved" note shows for a moment after it. */
  savedCount: number;
  failure: SaveFailure | null;
}

export const useSaveStatus = create<SaveStatusState>(() => ({
  pending: 0,
  savedCount: 0,
  failure: null,
}));

export function saveStarted() {
  useSaveStatus.setState((s) => ({ pending: s.pending + 1 }));
}

export function saveSucceeded(keys: readonly SettingKey[]) {
  useSaveStatus.setState((s) => ({
    pending: Math.max(0, s.pending - 1),
    savedCount: s.savedCount + 1,
    // A failure is over once what failed has been saved since.
    failure: s.failure?.keys.every((k) => keys.includes(k)) ? null : s.failure,
  }));
}

export function saveFailed(failure: SaveFailure) {
  useSaveStatus.setState((s) => ({ pending: Math.max(0, s.pending - 1), failure }));
}

export function dismissFailure() {
  useSaveStatus.setState({ failure: null });
}

/** The failure message when the last failed save touched any of `keys`. */
export function useFailureFor(keys: readonly SettingKey[]): string | null {
  return useSaveStatus((s) =>
    s.failure?.keys.some((k) => keys.includes(k)) ? s.failure.message : null,
  );
}
