import { ApiError } from "../../api/http";
import type { Project } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { plural } from "./timeAgo";

export function DeleteProjectDialog({
  project,
  open,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  project: Project;
  open: boolean;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={`Delete “${project.name}”?`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>
            {pending ? "Deleting…" : "Delete project"}
          </Button>
        </>
      }
    >
      <p>
        This deletes the project with its instructions, its{" "}
        {plural(project.file_count, "knowledge file")} and its{" "}
        {plural(project.conversation_count, "chat")}. It can't be undone.
      </p>
      {error && (
        <p role="alert" className="mt-3 rounded-lg bg-danger-soft px-3 py-2 text-danger">
          {error instanceof ApiError ? error.message : "Couldn't delete the project."}
        </p>
      )}
    </Dialog>
  );
}
