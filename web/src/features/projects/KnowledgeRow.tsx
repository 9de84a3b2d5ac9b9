import clsx from "clsx";
import { Check } from "lucide-react";
import type { KnowledgeFile } from "../../api/types";
import { IconButton } from "../../components/ui/Button";
import { AlertIcon, CloseIcon, TrashIcon } from "../../components/ui/icons";
import { formatCount } from "../../lib/format";
import { fileMeta } from "../files/FileCard";
import { FileKindIcon } from "../files/FileKindIcon";
import { guessKind } from "../files/kinds";
import { knowledgeProgress } from "./knowledgeStatus";
import type { KnowledgeUpload } from "./knowledgeUploads";

function Bar({ fraction, label }: { fraction: number; label: string }) {
  const percent = Math.round(fraction * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="mt-1.5 h-1 overflow-hidden rounded-full bg-line"
    >
      <div
        className="h-full rounded-full bg-accent transition-[width] duration-300"
        style={{ width: `${Math.max(percent, 4)}%` }}
      />
    </div>
  );
}

const rowClass = "flex items-start gap-3 rounded-xl px-2 py-2.5";

/** A knowledge file and where its indexing stands: queued, indexing n/m, ready, or why it failed. */
export function KnowledgeRow({
  file,
  onRemove,
  removing,
}: {
  file: KnowledgeFile;
  onRemove: () => void;
  removing: boolean;
}) {
  const progress = knowledgeProgress(file);
  return (
    <li
      className={clsx(rowClass, "group hover:bg-sidebar/70", removing && "opacity-50")}
      data-testid="knowledge-file"
      data-status={file.status}
    >
      <FileKindIcon kind={file.kind} className="size-9 shrink-0" iconClassName="size-4" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-ink" title={file.name}>
          {file.name}
        </p>
        <p className="mt-0.5 truncate text-xs text-muted">
          {fileMeta(file.name, file.kind, file.size, file.pages)}
          {file.status === "ready" && ` · ≈${formatCount(file.token_estimate)} tokens`}
        </p>
        <p
          className={clsx(
            "mt-1 flex items-start gap-1 text-xs",
            progress.tone === "failed" && "text-danger",
            progress.tone === "ready" && "text-[#1f7a3a] dark:text-[#8fdba6]",
            progress.tone === "pending" && "text-ink-soft",
          )}
          data-testid="knowledge-status"
        >
          {progress.tone === "ready" && <Check className="size-3.5 shrink-0" aria-hidden="true" />}
          {progress.tone === "failed" && <AlertIcon className="mt-px size-3.5 shrink-0" />}
          <span className="min-w-0 break-words">
            {progress.label}
            {file.status === "failed" && file.error ? `: ${file.error}` : ""}
          </span>
        </p>
        {progress.fraction !== null && (
          <Bar fraction={progress.fraction} label={`Indexing ${file.name}`} />
        )}
      </div>
      <IconButton
        label={`Remove ${file.name}`}
        onClick={onRemove}
        disabled={removing}
        className="-mr-1 size-8 opacity-70 group-hover:opacity-100 focus-visible:opacity-100"
      >
        <TrashIcon className="size-4" />
      </IconButton>
    </li>
  );
}

/** A file still uploading, or refused before it became knowledge (the reason stays until dismissed). */
export function UploadRow({
  upload,
  onDismiss,
}: {
  upload: KnowledgeUpload;
  onDismiss: () => void;
}) {
  const kind = guessKind(upload.name, "");
  return (
    <li className={rowClass} data-testid="knowledge-upload">
      <FileKindIcon kind={kind} className="size-9 shrink-0" iconClassName="size-4" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-ink" title={upload.name}>
          {upload.name}
        </p>
        {upload.error ? (
          <p role="alert" className="mt-1 flex items-start gap-1 text-xs text-danger">
            <AlertIcon className="mt-px size-3.5 shrink-0" />
            <span className="min-w-0 break-words">{upload.error}</span>
          </p>
        ) : (
          <>
            <p className="mt-1 text-xs text-ink-soft">
              Uploading {Math.round(upload.progress * 100)}%
            </p>
            <Bar fraction={upload.progress} label={`Uploading ${upload.name}`} />
          </>
        )}
      </div>
      {upload.error && (
        <IconButton label={`Dismiss ${upload.name}`} onClick={onDismiss} className="-mr-1 size-8">
          <CloseIcon className="size-4" />
        </IconButton>
      )}
    </li>
  );
}
