import { Check } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import { PencilIcon } from "../../components/ui/icons";
import { formatCount } from "../../lib/format";
import { useUpdateProject } from "./hooks";
import { fieldClass } from "./NewProjectDialog";

export const INSTRUCTIONS_MAX = 20_000;
const SAVED_SHOWN_MS = 2500;

/** What every chat of the project is told; edited in place and saved with a quiet "Saved". */
export function InstructionsEditor({
  projectId,
  instructions,
}: {
  projectId: string;
  instructions: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(instructions);
  const [saved, setSaved] = useState(false);
  const update = useUpdateProject(projectId);
  const headingId = useId();
  const fieldId = useId();

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  const start = () => {
    setDraft(instructions);
    update.reset();
    setEditing(true);
  };
  const save = () => {
    const next = draft.trim();
    if (next === instructions) {
      setEditing(false);
      return;
    }
    update.mutate(
      { instructions: next },
      {
        onSuccess: () => {
          setEditing(false);
          setSaved(true);
        },
      },
    );
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-ink">
          Instructions
        </h2>
        <span className="flex items-center gap-2">
          <span role="status" className="text-xs text-muted">
            {saved && (
              <span className="inline-flex animate-fade-in items-center gap-1">
                <Check className="size-3.5 text-[#1f7a3a] dark:text-[#8fdba6]" aria-hidden="true" />
                Saved
              </span>
            )}
          </span>
          {!editing && (
            <Button
              variant="ghost"
              className="-my-1 -mr-2 px-2 py-1 text-xs"
              onClick={start}
              aria-label={instructions ? "Edit instructions" : "Add instructions"}
            >
              <PencilIcon className="size-3.5" />
              {instructions ? "Edit" : "Add"}
            </Button>
          )}
        </span>
      </div>
      {editing ? (
        <div className="mt-3 flex flex-col gap-2">
          <label htmlFor={fieldId} className="sr-only">
            Project instructions
          </label>
          <textarea
            id={fieldId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) save();
              if (event.key === "Escape") setEditing(false);
            }}
            maxLength={INSTRUCTIONS_MAX}
            rows={8}
            // biome-ignore lint/a11y/noAutofocus: the field opens because the user asked to edit.
            autoFocus
            placeholder="Tell Parley how to respond in this project: a tone, a format, what to focus on…"
            className={`${fieldClass} min-h-40 resize-y text-sm leading-relaxed`}
          />
          {update.error && (
            <p role="alert" className="text-sm text-danger">
              {update.error instanceof ApiError
                ? update.error.message
                : "Couldn't save the instructions."}
            </p>
          )}
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs tabular-nums text-muted">
              {formatCount(draft.length)} / {formatCount(INSTRUCTIONS_MAX)}
            </span>
            <span className="flex gap-2">
              <Button onClick={() => setEditing(false)} className="px-3 py-1.5">
                Cancel
              </Button>
              <Button
                variant="primary"
                onClick={save}
                disabled={update.isPending}
                className="px-3 py-1.5"
              >
                {update.isPending ? "Saving…" : "Save instructions"}
              </Button>
            </span>
          </div>
        </div>
      ) : instructions ? (
        <p
          className="mt-2 line-clamp-6 whitespace-pre-wrap break-words text-sm leading-relaxed text-ink-soft"
          data-testid="project-instructions"
        >
          {instructions}
        </p>
      ) : (
        <p className="mt-2 text-sm text-muted">
          Add instructions to tailor Parley's answers in every chat of this project.
        </p>
      )}
    </section>
  );
}
