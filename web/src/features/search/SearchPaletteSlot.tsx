import { SearchPalette } from "./SearchPalette";
import { usePaletteShortcut } from "./shortcut";
import { closeSearchPalette, toggleSearchPalette, useSearchPalette } from "./store";

/** Where the search palette opens, and the owner of its keyboard shortcut. */
export function SearchPaletteSlot() {
  const open = useSearchPalette((s) => s.open);
  usePaletteShortcut(toggleSearchPalette, open);
  return open ? <SearchPalette onClose={closeSearchPalette} /> : null;
}
