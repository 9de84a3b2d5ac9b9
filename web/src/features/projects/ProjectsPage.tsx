import { FolderPlus } from "lucide-react";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../components/ui/Button";
import { PlusIcon } from "../../components/ui/icons";
import { useProjects } from "./hooks";
import { type ProjectListParams, readListParams, writeListParams } from "./listParams";
import { NewProjectDialog } from "./NewProjectDialog";
import { PageHeader } from "./PageHeader";
import { ProjectCard } from "./ProjectCard";
import { ProjectsToolbar } from "./ProjectsToolbar";

const SEARCH_SETTLE_MS = 200;

/** The value once it has stopped changing for `ms`: one request per pause in typing. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function EmptyState({ params, onCreate }: { params: ProjectListParams; onCreate: () => void }) {
  if (params.q.trim()) {
    return (
      <p className="py-16 text-center text-sm text-muted" role="status">
        No {params.archived ? "archived " : ""}projects match “{params.q.trim()}”.
      </p>
    );
  }
  if (params.archived) {
    return (
      <p className="py-16 text-center text-sm text-muted" role="status">
        No archived projects. Archive a project from its page to keep it out of the way.
      </p>
    );
  }
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border border-dashed border-line-strong px-6 py-14 text-center">
      <span className="flex size-12 items-center justify-center rounded-2xl bg-accent-soft text-accent-strong dark:text-accent">
        <FolderPlus className="size-6" aria-hidden="true" />
      </span>
      <h2 className="font-serif text-xl text-ink">No projects yet</h2>
      <p className="max-w-sm text-sm text-ink-soft">
        Keep related chats together, with instructions and files that every chat in the project can
        use.
      </p>
      <Button variant="primary" onClick={onCreate} className="mt-1">
        <PlusIcon className="size-4" strokeWidth={2.2} />
        New project
      </Button>
    </div>
  );
}

/** Every project as a card, searchable and sortable; ?new=1 opens the New project dialog. */
export default function ProjectsPage() {
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const projects = useProjects({ ...params, q: useSettled(params.q, SEARCH_SETTLE_MS) });
  const creating = search.get("new") === "1";

  useEffect(() => {
    document.title = "Projects — Parley";
  }, []);

  const change = (next: Partial<ProjectListParams>) =>
    setSearch(writeListParams(search, next), { replace: true });
  const setCreating = (open: boolean) => {
    const next = new URLSearchParams(search);
    if (open) next.set("new", "1");
    else next.delete("new");
    setSearch(next, { replace: !open });
  };

  const items = projects.data?.items ?? [];
  return (
    <>
      <PageHeader />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-5xl px-4 pb-16 pt-2 sm:px-8 sm:pt-6">
          <div className="flex items-center justify-between gap-3">
            <h1 className="font-serif text-[1.75rem] font-medium tracking-tight text-ink sm:text-3xl">
              Projects
            </h1>
            <Button variant="primary" onClick={() => setCreating(true)}>
              <PlusIcon className="size-4" strokeWidth={2.2} />
              New project
            </Button>
          </div>
          <div className="mt-6">
            <ProjectsToolbar params={params} onChange={change} />
          </div>
          <div className="mt-6" aria-busy={projects.isFetching}>
            {projects.isPending ? (
              <p className="py-16 text-center text-sm text-muted" role="status">
                Loading projects…
              </p>
            ) : projects.error ? (
              <div
                role="alert"
                className="flex items-center justify-between gap-3 rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger"
              >
                {projects.error.message}
                <Button onClick={() => void projects.refetch()}>Try again</Button>
              </div>
            ) : items.length === 0 ? (
              <EmptyState params={params} onCreate={() => setCreating(true)} />
            ) : (
              <ul
                aria-label={params.archived ? "Archived projects" : "Projects"}
                className="grid grid-cols-1 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-3"
              >
                {items.map((project) => (
                  <ProjectCard key={project.id} project={project} />
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
      <NewProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
