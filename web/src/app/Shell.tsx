import clsx from "clsx";
import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { Toaster } from "../components/ui/Toast";
import { FileViewerSlot } from "../features/files/FileViewerSlot";
import { SearchPaletteSlot } from "../features/search/SearchPaletteSlot";
import { MoveToProjectDialog } from "../features/sidebar/MoveToProjectDialog";
import { Sidebar } from "../features/sidebar/Sidebar";
import { useLayoutStore } from "./uiStore";

export function Shell() {
  const collapsed = useLayoutStore((s) => s.sidebarCollapsed);
  const drawerOpen = useLayoutStore((s) => s.drawerOpen);
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);
  const location = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing the drawer is the reaction to navigation.
  useEffect(() => {
    setDrawerOpen(false);
  }, [location.pathname, setDrawerOpen]);

  const drawerRef = useRef<HTMLDivElement>(null);
  // Move focus into the drawer while it is open and give it back to the opener afterwards.
  useEffect(() => {
    if (!drawerOpen) return;
    const opener = document.activeElement as HTMLElement | null;
    drawerRef.current?.querySelector<HTMLElement>("button, a[href]")?.focus();
    return () => opener?.focus?.();
  }, [drawerOpen]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDrawerOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [drawerOpen, setDrawerOpen]);

  return (
    <div className="flex h-full overflow-hidden bg-bg">
      <a
        href="#composer"
        className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to message box
      </a>
      <aside
        aria-label="Conversations"
        className={clsx(
          "hidden shrink-0 border-r border-line bg-sidebar transition-[width] duration-200 md:block",
          collapsed ? "md:w-0 md:overflow-hidden md:border-r-0" : "md:w-72",
        )}
      >
        {!collapsed && (
          <div className="h-full w-72">
            <Sidebar variant="desktop" />
          </div>
        )}
      </aside>
      {drawerOpen && (
        <div
          className="fixed inset-0 z-40 md:hidden"
          role="dialog"
          aria-modal="true"
          aria-label="Conversations"
        >
          <button
            type="button"
            aria-label="Close menu"
            tabIndex={-1}
            className="absolute inset-0 h-full w-full animate-fade-in bg-black/40"
            onClick={() => setDrawerOpen(false)}
          />
          <div
            ref={drawerRef}
            className="drawer-panel absolute inset-y-0 left-0 w-[min(20rem,85vw)] border-r border-line bg-sidebar shadow-2xl"
          >
            <Sidebar variant="drawer" />
          </div>
        </div>
      )}
      <main className="relative flex min-w-0 flex-1 flex-col">
        <Outlet />
      </main>
      <FileViewerSlot />
      <SearchPaletteSlot />
      <MoveToProjectDialog />
      <Toaster />
    </div>
  );
}
