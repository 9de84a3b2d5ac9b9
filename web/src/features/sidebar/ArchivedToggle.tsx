import clsx from "clsx";
import { ArchiveIcon } from "../../components/ui/icons";
import { useSidebarStore } from "./sidebarStore";

/** Switches the list between the chats and the archived ones. */
export function ArchivedToggle() {
  const view = useSidebarStore((s) => s.view);
  const setView = useSidebarStore((s) => s.setView);
  const showing = view === "archived";
  return (
    <button
      type="button"
      aria-pressed={showing}
      onClick={() => setView(showing ? "chats" : "archived")}
      className={clsx(
        "mb-1 flex w-full items-center gap-2.5 rounded-lg px-3 py-1.5 text-sm transition-colors",
        showing
          ? "bg-line/80 font-medium text-ink"
          : "text-ink-soft hover:bg-line/50 hover:text-ink",
      )}
    >
      <ArchiveIcon className="size-4 shrink-0" />
      Archived chats
    </button>
  );
}
