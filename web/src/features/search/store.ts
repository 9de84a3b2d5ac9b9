import { create } from "zustand";

interface PaletteState {
  open: boolean;
}

export const useSearchPalette = create<PaletteState>(() => ({ open: false }));

export function openSearchPalette() {
  useSearchPalette.setState({ open: true });
}

export function closeSearchPalette() {
  useSearchPalette.setState({ open: false });
}

export function toggleSearchPalette() {
  useSearchPalette.setState((s) => ({ open: !s.open }));
}
