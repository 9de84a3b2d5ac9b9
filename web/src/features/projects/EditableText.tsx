import clsx from "clsx";
import { useEffect, useRef, useState } from "react";

/**
 * Text that edits in place: a field that looks like the text it holds. Enter (for one line) or
 * leaving the field saves, Escape puts the saved text back.
 */
export function EditableText({
  value,
  label,
  placeholder,
  maxLength,
  multiline = false,
  required = false,
  className,
  onSave,
}: {
  value: string;
  label: string;
  placeholder: string;
  maxLength: number;
  multiline?: boolean;
  required?: boolean;
  className?: string;
  onSave: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  const cancelled = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const cancel = (field: HTMLInputElement | HTMLTextAreaElement) => {
    cancelled.current = true;
    setDraft(value);
    field.blur();
  };
  const commit = () => {
    editing.current = false;
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    const next = draft.trim();
    if (required && !next) {
      setDraft(value);
      return;
    }
    if (next !== value) onSave(next);
    setDraft(next);
  };
  const common = {
    value: draft,
    "aria-label": label,
    placeholder,
    maxLength,
    onFocus: () => {
      editing.current = true;
    },
    onBlur: commit,
    className: clsx(
      "w-full rounded-lg border border-transparent bg-transparent px-2 py-1 -mx-2 text-ink placeholder:text-muted transition-colors hover:border-line focus:border-accent focus:bg-surface focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-accent/25",
      className,
    ),
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={2}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") cancel(event.currentTarget);
        }}
        className={clsx(common.className, "field-sizing-content resize-none")}
      />
    );
  }
  return (
    <input
      {...common}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.currentTarget.blur();
        if (event.key === "Escape") cancel(event.currentTarget);
      }}
    />
  );
}
