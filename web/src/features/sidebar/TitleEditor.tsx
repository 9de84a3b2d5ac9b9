import clsx from "clsx";
import { useEffect, useId, useRef, useState } from "react";

export type EditEnd = "key" | "blur";

interface TitleEditorProps {
  initial: string;
  /** Called with the trimmed title when it changed; `how` says whether a key ended the edit. */
  onSave: (title: string, how: EditEnd) => void;
  onCancel: (how: EditEnd) => void;
}

/** The title as an input: Enter or leaving it saves, Escape cancels, an empty title is refused. */
export function TitleEditor({ initial, onSave, onCancel }: TitleEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [refused, setRefused] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  // Enter or Escape ends the edit; the blur that follows as the input goes must not end it again.
  const ended = useRef(false);
  const hintId = useId();

  // Only the user ends an edit by leaving it (a click elsewhere, Tab). Focus the page moves by
  // itself, as a chat opened by the double-click's first click focuses its message box, comes back.
  const userLeft = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
    const onPointerDown = () => {
      userLeft.current = true;
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, []);

  const end = (how: EditEnd) => {
    if (ended.current) return;
    const title = draft.trim();
    if (!title) {
      // leaving an empty field keeps the old title; Enter on one says why it can't be saved
      if (how === "blur") {
        ended.current = true;
        onCancel(how);
      } else setRefused(true);
      return;
    }
    ended.current = true;
    if (title === initial.trim()) onCancel(how);
    else onSave(title, how);
  };

  return (
    <div>
      <input
        ref={ref}
        value={draft}
        aria-label="Conversation title"
        aria-invalid={refused || undefined}
        aria-describedby={refused ? hintId : undefined}
        maxLength={300}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim()) setRefused(false);
        }}
        onBlur={() => {
          if (userLeft.current || ended.current) end("blur");
          else requestAnimationFrame(() => ref.current?.focus());
        }}
        onKeyDown={(e) => {
          if (e.key === "Tab") userLeft.current = true;
          else if (e.key === "Enter") {
            e.preventDefault();
            end("key");
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            ended.current = true;
            onCancel("key");
          }
        }}
        className={clsx(
          "w-full rounded-lg border bg-surface px-3 py-1.5 text-sm text-ink outline-none ring-2",
          refused ? "border-danger ring-danger/25" : "border-accent ring-accent/25",
        )}
      />
      {refused && (
        <p id={hintId} role="alert" className="px-1 pt-1 text-xs text-danger">
          A title can't be empty.
        </p>
      )}
    </div>
  );
}
