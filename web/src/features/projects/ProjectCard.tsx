import { Pin } from "lucide-react";
import { Link } from "react-router";
import type { Project } from "../../api/types";
import { plural, timeAgo } from "./timeAgo";

export function ProjectCard({ project }: { project: Project }) {
  return (
    <li className="min-w-0">
      <Link
        to={`/projects/${encodeURIComponent(project.id)}`}
        className="group flex h-full min-h-36 flex-col rounded-2xl border border-line bg-surface p-4 shadow-[0_1px_2px_rgba(0,0,0,0.04)] transition-[border-color,box-shadow] hover:border-line-strong hover:shadow-md dark:shadow-none"
        data-testid="project-card"
      >
        <span className="flex min-w-0 items-start gap-2">
          <span className="min-w-0 flex-1 truncate text-[0.95rem] font-semibold text-ink">
            {project.name}
          </span>
          {project.pinned && (
            <Pin className="mt-0.5 size-3.5 shrink-0 text-muted" aria-label="Pinned" role="img" />
          )}
        </span>
        <span className="mt-1.5 line-clamp-2 flex-1 text-sm leading-relaxed text-ink-soft">
          {project.description || <span className="text-muted italic">No description</span>}
        </span>
        <span className="mt-4 flex flex-wrap items-center gap-x-1.5 text-xs text-muted">
          <span>{plural(project.conversation_count, "chat")}</span>
          <span aria-hidden="true">·</span>
          <span>{plural(project.file_count, "file")}</span>
          <span aria-hidden="true">·</span>
          <span>
            Updated <time dateTime={project.updated_at}>{timeAgo(project.updated_at)}</time>
          </span>
        </span>
      </Link>
    </li>
  );
}
