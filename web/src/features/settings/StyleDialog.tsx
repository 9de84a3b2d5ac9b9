import { type FormEvent, useEffect, useId, useState } from "react";
import type { CustomStyle } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { formatCount } from "../../lib/format";
import { fieldClass } from "./controls";
import { STYLE_INSTRUCTIONS_MAX, STYLE_NAME_MAX } from "./defaults";

export interface StyleDraft {
  name: string;
  instructions: string;
}

/** Name a style and say how answers in it should read; for a new style or to edit one. */
export function StyleDialog({
  open,
  editing,
  onClose,
  onSave,
  onDelete,
}: {
  open: boolean;
  /** The style being edited; null for a new one. */
  editing: CustomStyle | null;
  onClose: () => void;
  onSave: (draft: StyleDraft) => void;
  onDelete: (style: CustomStyle) => void;
}) {
  const formId = useId();
  const nameId = useId();
  const instructionsId = useId();
  const countId = useId();
  const [name, setName] = useState("");
  const [instructions, setInstructions] = useState("");

  useEffect(() => {
    if (!open) return;
    setName(editing?.name ?? "");
    setInstructions(editing?.instructions ?? "");
  }, [open, editing]);

  const ready = name.trim().length > 0 && instructions.trim().length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    onSave({ name: name.trim(), instructions: instructions.trim() });
  };

  return (
    <Dialog
      open={open}
      title={editing ? "Edit style" : "Create a style"}
      onClose={onClose}
      actions={
        <div className="flex w-full flex-wrap items-center gap-2">
          {editing && (
            <Button
              variant="ghost"
              className="text-danger hover:bg-danger-soft hover:text-danger"
              onClick={() => onDelete(editing)}
            >
              Delete style
            </Button>
          )}
          <span className="ml-auto flex gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" form={formId} variant="primary" disabled={!ready}>
              {editing ? "Save style" : "Create style"}
            </Button>
          </span>
        </div>
      }
    >
      <form id={formId} onSubmit={submit} className="mt-3 flex flex-col gap-4">
        <p>A style tells Parley how to write every answer while it is chosen.</p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={nameId} className="text-sm font-medium text-ink">
            Name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={STYLE_NAME_MAX}
            required
            autoFocus
            placeholder="Haiku, Teacher, Pirate…"
            className={fieldClass}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={instructionsId} className="text-sm font-medium text-ink">
            How should answers read?
          </label>
          <textarea
            id={instructionsId}
            value={instructions}
            onChange={(event) => setInstructions(event.target.value)}
            maxLength={STYLE_INSTRUCTIONS_MAX}
            required
            rows={5}
            aria-describedby={countId}
            placeholder="Answer in plain words a twelve-year-old would follow, with one example."
            className={`${fieldClass} resize-y text-sm leading-relaxed`}
          />
          <span id={countId} className="self-end text-xs tabular-nums text-muted">
            {formatCount(instructions.length)} / {formatCount(STYLE_INSTRUCTIONS_MAX)}
          </span>
        </div>
      </form>
    </Dialog>
  );
}
