import type { ReactNode } from "react";
import { useLayoutStore } from "../../app/uiStore";
import { IconButton } from "../../components/ui/Button";
import { MenuIcon, SidebarIcon } from "../../components/ui/icons";
import { SearchButton } from "../search/SearchButton";

/** The bar above a projects page: the menu on phones, the sidebar's toggle and Search
 * when it is folded (as the chat's header has them). */
export function PageHeader({ children, actions }: { children?: ReactNode; actions?: ReactNode }) {
  const collapsed = useLayoutStore((s) => s.sidebarCollapsed);
  const toggleSidebar = useLayoutStore((s) => s.toggleSidebar);
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);
  return (
    <header className="flex h-14 shrink-0 items-center gap-1 px-2 sm:px-3">
      <IconButton label="Open menu" className="md:hidden" onClick={() => setDrawerOpen(true)}>
        <MenuIcon className="size-5" />
      </IconButton>
      {collapsed && (
        <IconButton
          label="Expand sidebar"
          className="hidden md:inline-flex"
          onClick={toggleSidebar}
        >
          <SidebarIcon className="size-5" />
        </IconButton>
      )}
      {collapsed && <SearchButton className="hidden md:inline-flex" />}
      <div className="flex min-w-0 flex-1 items-center">{children}</div>
      {actions}
    </header>
  );
}
