import clsx from "clsx";
import { useLayoutStore } from "../../app/uiStore";
import { SearchIcon } from "../../components/ui/icons";
import { IS_APPLE, SHORTCUT_LABEL } from "./shortcut";
import { openSearchPalette } from "./store";

/** The sidebar's way into the palette, for the mouse and for phones, which have no shortcut. */
export function SearchButton({ className }: { className?: string }) {
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);
  return (
    <button
      type="button"
      aria-label="Search"
      aria-keyshortcuts={IS_APPLE ? "Meta+K" : "Control+K"}
      title={`Search (${SHORTCUT_LABEL})`}
      onClick={() => {
        setDrawerOpen(false);
        openSearchPalette();
      }}
      className={clsx(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-ink-soft transition-colors hover:bg-line/70 hover:text-ink",
        className,
      )}
    >
      <SearchIcon className="size-5" />
    </button>
  );
}
