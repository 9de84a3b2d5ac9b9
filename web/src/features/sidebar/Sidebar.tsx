import { FolderClosed } from "lucide-react";
import { Link, NavLink, useNavigate } from "react-router";
import { useLayoutStore } from "../../app/uiStore";
import { IconButton } from "../../components/ui/Button";
import { CloseIcon, PlusIcon, SidebarIcon } from "../../components/ui/icons";
import { Logo } from "../../components/ui/Logo";
import { SearchButton } from "../search/SearchButton";
import { ArchivedToggle } from "./ArchivedToggle";
import { SidebarList } from "./SidebarList";
import { UserMenu } from "./UserMenu";

export function Sidebar({ variant }: { variant: "desktop" | "drawer" }) {
  const navigate = useNavigate();
  const toggleSidebar = useLayoutStore((s) => s.toggleSidebar);
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);

  return (
    <nav className="flex h-full w-full flex-col" aria-label="Sidebar">
      <div className="flex items-center justify-between px-3 pb-2 pt-3">
        <Link to="/" className="flex items-center gap-2 rounded-lg px-1.5 py-1 text-ink">
          <Logo className="size-7" />
          <span className="font-serif text-xl font-semibold tracking-tight">Parley</span>
        </Link>
        <div className="flex items-center gap-0.5">
          <SearchButton />
          {variant === "desktop" ? (
            <IconButton label="Collapse sidebar" onClick={toggleSidebar}>
              <SidebarIcon className="size-5" />
            </IconButton>
          ) : (
            <IconButton label="Close menu" onClick={() => setDrawerOpen(false)}>
              <CloseIcon className="size-5" />
            </IconButton>
          )}
        </div>
      </div>
      <div className="px-3 pb-3">
        <button
          type="button"
          data-new-chat
          onClick={() => {
            setDrawerOpen(false);
            navigate("/");
          }}
          className="flex w-full items-center gap-2.5 rounded-xl px-2.5 py-2 text-[0.95rem] font-medium text-ink transition-colors hover:bg-line/60"
        >
          <span className="flex size-7 items-center justify-center rounded-full bg-brand text-white shadow-sm">
            <PlusIcon className="size-4" strokeWidth={2.4} />
          </span>
          New chat
        </button>
        <NavLink
          to="/projects"
          className={({ isActive }) =>
            `mt-0.5 flex w-full items-center gap-2.5 rounded-xl px-2.5 py-1.5 text-sm text-ink-soft transition-colors hover:bg-line/60 hover:text-ink ${isActive ? "bg-line/60 font-medium text-ink" : ""}`
          }
        >
          <span className="flex size-7 items-center justify-center" aria-hidden="true">
            <FolderClosed className="size-[1.1rem]" />
          </span>
          Projects
        </NavLink>
      </div>
      <SidebarList />
      <div className="border-t border-line p-2">
        <ArchivedToggle />
        <UserMenu />
      </div>
    </nav>
  );
}
