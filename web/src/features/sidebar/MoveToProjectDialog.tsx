import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { FolderClosed, FolderMinus } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { CheckIcon } from "../../components/ui/icons";
import { moveToProject } from "./actions";
import { type ProjectChoice, useProjects } from "./hooks";
import { selectionDispatch } from "./selection";
import { useSidebarStore } from "./sidebarStore";

const iconProps = { className: "size-4 shrink-0", strokeWidth: 1.8, "aria-hidden": true } as const;

/** The picker behind "Move to project", for one chat or the selected ones. */
export function MoveToProjectDialog() {
  const moving = useSidebarStore((s) => s.moving);
  const setMoving = useSidebarStore((s) => s.setMoving);
  const projects = useProjects();
  const queryClient = useQueryClient();
  const open = moving !== null && moving.length > 0;
  const chats = moving ?? [];
  // where they all are now (null: none), or undefined when they are in different places
  const current = chats.every((c) => c.project_id === chats[0]?.project_id)
    ? (chats[0]?.project_id ?? null)
    : undefined;

  const listed = projects.data?.length ?? 0;

  const choose = (project: ProjectChoice | null) => {
    moveToProject(queryClient, chats, project);
    setMoving(null);
    selectionDispatch({ type: "exit" });
  };

  const option = (project: ProjectChoice | null) => {
    const here = (project?.id ?? null) === current;
    return (
      <li
        key={project?.id ?? "none"}
        className={clsx(!project && listed > 0 && "mt-1 border-t border-line pt-1")}
      >
        <button
          type="button"
          aria-current={here ? "true" : undefined}
          onClick={() => choose(project)}
          className={clsx(
            "flex w-full items-center gap-2.5 rounded-lg px-3 py-2 text-left text-sm transition-colors hover:bg-sidebar",
            here ? "font-medium text-ink" : "text-ink-soft",
          )}
        >
          {project ? <FolderClosed {...iconProps} /> : <FolderMinus {...iconProps} />}
          <span className="min-w-0 flex-1 truncate">{project ? project.name : "No project"}</span>
          {here && <CheckIcon className="size-4 shrink-0 text-accent" />}
        </button>
      </li>
    );
  };

  return (
    <Dialog
      open={open}
      title={chats.length > 1 ? `Move ${chats.length} chats to a project` : "Move to project"}
      onClose={() => setMoving(null)}
      actions={<Button onClick={() => setMoving(null)}>Cancel</Button>}
    >
      {projects.isError ? (
        <p role="alert" className="text-danger">
          Couldn't load the projects. {projects.error.message}
        </p>
      ) : projects.data === undefined ? (
        <p role="status">Loading projects…</p>
      ) : (
        <ul aria-label="Projects" className="-mx-3 max-h-72 overflow-y-auto">
          {projects.data.map(option)}
          {option(null)}
        </ul>
      )}
    </Dialog>
  );
}
