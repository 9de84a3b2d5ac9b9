import { Link } from "react-router";
import { ChevronRightIcon } from "../../components/ui/icons";
import { useProject } from "./hooks";

/** "Project name ›" before a chat's title: back to the project the chat belongs to. */
export function ProjectLink({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  if (!project.data) return null;
  return (
    <Link
      to={`/projects/${encodeURIComponent(projectId)}`}
      className="flex min-w-0 max-w-[45%] shrink items-center gap-0.5 rounded-md py-1 pl-2 pr-1 text-[0.95rem] text-muted transition-colors hover:text-ink sm:max-w-[40%]"
      data-testid="chat-project"
      title={project.data.name}
    >
      <span className="truncate">{project.data.name}</span>
      <ChevronRightIcon className="size-4 shrink-0" />
    </Link>
  );
}
