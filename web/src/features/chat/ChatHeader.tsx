import { useNavigate, useParams } from "react-router";
import { useLayoutStore } from "../../app/uiStore";
import { IconButton } from "../../components/ui/Button";
import { MenuIcon, PlusIcon, SidebarIcon } from "../../components/ui/icons";
import { ArtifactsButton } from "../artifacts/ArtifactsButton";
import { ProjectLink } from "../projects/ProjectLink";
import { SearchButton } from "../search/SearchButton";
import { PermissionMenu } from "../tools/PermissionMenu";
import { useConversation } from "./hooks";

export function ChatHeader({
  title,
  conversationId,
}: {
  title: string | null;
  conversationId?: string;
}) {
  const collapsed = useLayoutStore((s) => s.sidebarCollapsed);
  const toggleSidebar = useLayoutStore((s) => s.toggleSidebar);
  const setDrawerOpen = useLayoutStore((s) => s.setDrawerOpen);
  const navigate = useNavigate();
  // An empty chat's header is drawn without its id: the route still names the conversation.
  const routeId = useParams().id;
  const projectId = useConversation(conversationId ?? routeId).data?.project_id ?? null;
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
      <div className="flex min-w-0 flex-1 items-center">
        {projectId && <ProjectLink projectId={projectId} />}
        {title && (
          <h1
            className={`min-w-0 flex-1 truncate text-[0.95rem] font-medium text-ink ${projectId ? "pl-1 pr-2" : "px-2"}`}
            data-testid="chat-title"
          >
            {title}
          </h1>
        )}
      </div>
      {conversationId && <PermissionMenu conversationId={conversationId} />}
      <ArtifactsButton />
      <IconButton
        label="New chat"
        className={collapsed ? "" : "md:hidden"}
        onClick={() => navigate("/")}
      >
        <PlusIcon className="size-5" />
      </IconButton>
    </header>
  );
}
