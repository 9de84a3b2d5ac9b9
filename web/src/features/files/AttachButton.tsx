import { useRef } from "react";
import { IconButton } from "../../components/ui/Button";
import { PaperclipIcon } from "../../components/ui/icons";

/** The composer's paperclip: opens the system's file picker, several files at once. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton
        label="Attach files"
        className="size-8 rounded-lg"
        onClick={() => input.current?.click()}
      >
        <PaperclipIcon className="size-[1.15rem]" />
      </IconButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that picking the same file again still fires a change.
          event.target.value = "";
          onFiles(files);
        }}
      />
    </>
  );
}
