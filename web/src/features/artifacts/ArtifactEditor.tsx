import { lazy, Suspense, useRef, useState } from "react";
import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import type { DisplayedArtifact } from "./displayed";
import { useEditArtifact } from "./hooks";

const CodeEditor = lazy(() => import("./CodeEditor"));

/** Manual editing: saving stores the text as a new version, made by no message. */
export function ArtifactEditor({
  artifact,
  onClose,
}: {
  artifact: DisplayedArtifact;
  onClose: (saved: boolean) => void;
}) {
  const text = useRef(artifact.content);
  const [dirty, setDirty] = useState(false);
  const edit = useEditArtifact();
  const next = (artifact.latestVersion ?? 0) + 1;

  const save = () => {
    if (edit.isPending) return;
    if (text.current === artifact.content) {
      onClose(false);
      return;
    }
    edit.mutate(
      { id: artifact.artifactId, content: text.current },
      { onSuccess: () => onClose(true) },
    );
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex shrink-0 items-center gap-2 border-b border-line bg-sidebar px-3 py-2 text-sm">
        <p className="min-w-0 flex-1 truncate text-ink-soft">
          Editing{artifact.version ? ` v${artifact.version}` : ""}.{" "}
          <span className="text-muted">Saving makes v{next}.</span>
        </p>
        <Button variant="ghost" className="h-8 px-2.5" onClick={() => onClose(false)}>
          Cancel
        </Button>
        <Button
          variant="primary"
          className="h-8 px-3"
          onClick={save}
          disabled={edit.isPending || !dirty}
        >
          {edit.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
      {edit.error && (
        <p role="alert" className="shrink-0 bg-danger-soft px-3 py-2 text-sm text-danger">
          {edit.error instanceof ApiError ? edit.error.message : "Couldn't save the edit."}
        </p>
      )}
      <div className="min-h-0 flex-1">
        <Suspense
          fallback={
            <div className="flex h-full items-center justify-center bg-code-bg" role="status">
              <span className="streaming-caret" />
              <span className="sr-only">Loading the editor</span>
            </div>
          }
        >
          <CodeEditor
            initial={artifact.content}
            type={artifact.type}
            language={artifact.language}
            label={`Edit ${artifact.title}`}
            onChange={(value) => {
              text.current = value;
              setDirty(value !== artifact.content);
            }}
            onSave={save}
          />
        </Suspense>
      </div>
    </div>
  );
}
