import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { api } from "../../api/endpoints";
import { Button } from "../../components/ui/Button";
import { PlusIcon } from "../../components/ui/icons";
import { formatCount } from "../../lib/format";
import { useKnowledge, useRemoveKnowledge } from "./hooks";
import { KnowledgeRow, UploadRow } from "./KnowledgeRow";
import { addKnowledgeFiles, dismissUpload, useProjectUploads } from "./knowledgeUploads";
import { plural } from "./timeAgo";

export function useKnowledgeAdder(projectId: string) {
  const queryClient = useQueryClient();
  const limits = useQuery({
    queryKey: ["files", "limits"],
    queryFn: api.fileLimits,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (files: File[]) => addKnowledgeFiles(queryClient, projectId, files, limits.data);
}

/** The project's files: what every chat can read, each with where its indexing stands. */
export function KnowledgePanel({
  projectId,
  knowledgeTokens,
  onFiles,
}: {
  projectId: string;
  knowledgeTokens: number;
  onFiles: (files: File[]) => void;
}) {
  const knowledge = useKnowledge(projectId);
  const uploads = useProjectUploads(projectId);
  const remove = useRemoveKnowledge(projectId);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const files = knowledge.data?.items ?? [];

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-4">
      <div className="flex items-center justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold text-ink">
            Knowledge
          </h2>
          {files.length > 0 && (
            <p className="mt-0.5 text-xs text-muted">
              {plural(files.length, "file")}
              {knowledgeTokens > 0 && ` · ≈${formatCount(knowledgeTokens)} tokens`}
            </p>
          )}
        </div>
        <Button
          variant="secondary"
          className="-my-1 px-2.5 py-1.5 text-xs"
          onClick={() => input.current?.click()}
        >
          <PlusIcon className="size-3.5" strokeWidth={2.2} />
          Add files
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="knowledge-input"
          onChange={(event) => {
            const picked = Array.from(event.target.files ?? []);
            // Cleared so that picking the same file again still fires a change.
            event.target.value = "";
            onFiles(picked);
          }}
        />
      </div>
      {knowledge.error ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {knowledge.error.message}
        </p>
      ) : knowledge.isPending ? (
        <p role="status" className="mt-3 text-sm text-muted">
          Loading files…
        </p>
      ) : files.length === 0 && uploads.length === 0 ? (
        <p className="mt-3 rounded-xl border border-dashed border-line-strong px-4 py-5 text-center text-sm text-muted">
          Add PDFs, documents or other text, or drop them on this page. Chats in this project read
          them and cite the passages they use.
        </p>
      ) : (
        <ul aria-label="Knowledge files" className="-mx-2 mt-2 flex flex-col">
          {uploads.map((upload) => (
            <UploadRow
              key={upload.localId}
              upload={upload}
              onDismiss={() => dismissUpload(projectId, upload.localId)}
            />
          ))}
          {files.map((file) => (
            <KnowledgeRow
              key={file.file_id}
              file={file}
              removing={remove.isPending && remove.variables === file.file_id}
              onRemove={() => remove.mutate(file.file_id)}
            />
          ))}
        </ul>
      )}
      {remove.error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {remove.error.message}
        </p>
      )}
    </section>
  );
}
