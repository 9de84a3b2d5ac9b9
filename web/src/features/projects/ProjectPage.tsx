import { Archive, ArchiveRestore, Pin, PinOff } from "lucide-react";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import { ChevronLeftIcon, DotsIcon, TrashIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { announce } from "../../lib/announcer";
import { DeleteProjectDialog } from "./DeleteProjectDialog";
import { EditableText } from "./EditableText";
import { useDeleteProject, useProject, useUpdateProject } from "./hooks";
import { InstructionsEditor } from "./InstructionsEditor";
import { KnowledgeDropZone } from "./KnowledgeDropZone";
import { KnowledgePanel, useKnowledgeAdder } from "./KnowledgePanel";
import { DESCRIPTION_MAX, NAME_MAX } from "./NewProjectDialog";
import { PageHeader } from "./PageHeader";
import { ProjectChats } from "./ProjectChats";
import { ProjectComposer } from "./ProjectComposer";

const iconProps = { className: "size-4", "aria-hidden": true } as const;

function Missing({ status, message }: { status: number; message: string }) {
  return (
    <>
      <PageHeader />
      <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center">
        <h1 className="font-serif text-2xl text-ink">
          {status === 404 ? "This project doesn't exist" : "The project couldn't be opened"}
        </h1>
        <p className="max-w-sm text-sm text-ink-soft">
          {status === 404 ? "It may have been deleted, or the link is wrong." : message}
        </p>
        <Link
          to="/projects"
          className="text-sm font-medium text-accent-strong underline dark:text-accent"
        >
          All projects
        </Link>
      </div>
    </>
  );
}

/** One project: its name and description, a composer for a new chat, its chats, instructions and knowledge. */
export default function ProjectPage() {
  const { id = "" } = useParams();
  const project = useProject(id);
  const update = useUpdateProject(id);
  const remove = useDeleteProject();
  const navigate = useNavigate();
  const addFiles = useKnowledgeAdder(id);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const name = project.data?.name;
  useEffect(() => {
    document.title = name ? `${name} — Parley` : "Parley";
  }, [name]);

  if (project.error) {
    const status = project.error instanceof ApiError ? project.error.status : 0;
    return <Missing status={status} message={project.error.message} />;
  }
  if (!project.data) {
    return (
      <>
        <PageHeader />
        <div
          className="flex flex-1 items-center justify-center"
          role="status"
          aria-label="Loading the project"
        >
          <span className="streaming-caret" />
        </div>
      </>
    );
  }
  const data = project.data;
  const menu = (
    <Menu
      label="Project actions"
      triggerClassName="inline-flex size-9 items-center justify-center rounded-lg text-ink-soft transition-colors hover:bg-line/70 hover:text-ink"
      trigger={<DotsIcon className="size-5" />}
      sections={[
        {
          items: [
            {
              label: data.pinned ? "Unpin project" : "Pin project",
              icon: data.pinned ? <PinOff {...iconProps} /> : <Pin {...iconProps} />,
              onSelect: () =>
                update.mutate(
                  { pinned: !data.pinned },
                  {
                    onSuccess: (next) =>
                      announce(next.pinned ? "Project pinned." : "Project unpinned."),
                  },
                ),
            },
            {
              label: data.archived ? "Unarchive project" : "Archive project",
              icon: data.archived ? <ArchiveRestore {...iconProps} /> : <Archive {...iconProps} />,
              onSelect: () =>
                update.mutate(
                  { archived: !data.archived },
                  {
                    onSuccess: (next) =>
                      announce(next.archived ? "Project archived." : "Project unarchived."),
                  },
                ),
            },
          ],
        },
        {
          items: [
            {
              label: "Delete project",
              icon: <TrashIcon className="size-4" />,
              danger: true,
              onSelect: () => {
                remove.reset();
                setConfirmDelete(true);
              },
            },
          ],
        },
      ]}
    />
  );

  return (
    <KnowledgeDropZone onFiles={addFiles} className="flex min-h-0 flex-1 flex-col">
      <PageHeader actions={menu}>
        <Link
          to="/projects"
          className="inline-flex items-center gap-1 rounded-lg px-2 py-1.5 text-sm text-ink-soft transition-colors hover:bg-line/60 hover:text-ink"
        >
          <ChevronLeftIcon className="size-4" />
          All projects
        </Link>
        {data.pinned && (
          <span className="ml-1 inline-flex items-center gap-1 rounded-full bg-line/60 px-2 py-0.5 text-xs text-ink-soft">
            <Pin className="size-3" aria-hidden="true" />
            Pinned
          </span>
        )}
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 pb-16 pt-2 sm:px-8 lg:flex-row lg:items-start lg:gap-10">
          <div className="min-w-0 flex-1">
            {data.archived && (
              <div className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-xl border border-line bg-warn-soft px-4 py-2.5 text-sm text-ink">
                This project is archived: it is out of the projects list, its chats still work.
                <Button className="px-3 py-1" onClick={() => update.mutate({ archived: false })}>
                  Unarchive
                </Button>
              </div>
            )}
            <h1 className="font-serif text-[1.75rem] font-medium leading-tight tracking-tight sm:text-3xl">
              <EditableText
                value={data.name}
                label="Project name"
                placeholder="Name your project"
                maxLength={NAME_MAX}
                required
                onSave={(next) => update.mutate({ name: next })}
              />
            </h1>
            <EditableText
              value={data.description}
              label="Project description"
              placeholder="Add a description"
              maxLength={DESCRIPTION_MAX}
              multiline
              className="mt-1 text-[0.95rem] leading-relaxed text-ink-soft"
              onSave={(next) => update.mutate({ description: next })}
            />
            {update.error && (
              <p role="alert" className="mt-2 text-sm text-danger">
                {update.error.message}
              </p>
            )}
            <div className="mt-6">
              <ProjectComposer projectId={data.id} />
            </div>
            <ProjectChats projectId={data.id} />
          </div>
          <aside
            aria-label="Project details"
            className="flex w-full flex-col gap-4 lg:sticky lg:top-2 lg:w-[22rem] lg:shrink-0"
          >
            <InstructionsEditor projectId={data.id} instructions={data.instructions} />
            <KnowledgePanel
              projectId={data.id}
              knowledgeTokens={data.knowledge_tokens}
              onFiles={addFiles}
            />
          </aside>
        </div>
      </div>
      <DeleteProjectDialog
        project={data}
        open={confirmDelete}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              navigate("/projects", { replace: true });
            },
          })
        }
      />
    </KnowledgeDropZone>
  );
}
