import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { useCreateProject } from "./hooks";

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

export const fieldClass =
  "w-full rounded-lg border border-line-strong bg-bg px-3 py-2 text-[0.95rem] text-ink placeholder:text-muted focus:border-accent focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-accent/25";

/** Name and describe a project; it opens once made. */
export function NewProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const formId = useId();
  const nameId = useId();
  const descriptionId = useId();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useCreateProject();
  const navigate = useNavigate();

  const close = () => {
    setName("");
    setDescription("");
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), description: description.trim() },
      {
        onSuccess: (project) => {
          close();
          navigate(`/projects/${encodeURIComponent(project.id)}`);
        },
      },
    );
  };

  return (
    <Dialog
      open={open}
      title="Create a project"
      onClose={close}
      actions={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            disabled={!name.trim() || create.isPending}
          >
            {create.isPending ? "Creating…" : "Create project"}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="mt-3 flex flex-col gap-4">
        <p>A project keeps chats together with instructions and files every chat in it can use.</p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={nameId} className="text-sm font-medium text-ink">
            What are you working on?
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={NAME_MAX}
            required
            autoFocus
            placeholder="Name your project"
            className={fieldClass}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={descriptionId} className="text-sm font-medium text-ink">
            What are you trying to achieve?{" "}
            <span className="font-normal text-muted">(optional)</span>
          </label>
          <textarea
            id={descriptionId}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={DESCRIPTION_MAX}
            rows={3}
            placeholder="Describe your project, goals, subject, etc."
            className={`${fieldClass} resize-none`}
          />
        </div>
        {create.error && (
          <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
            {create.error instanceof ApiError
              ? create.error.message
              : "Couldn't create the project."}
          </p>
        )}
      </form>
    </Dialog>
  );
}
