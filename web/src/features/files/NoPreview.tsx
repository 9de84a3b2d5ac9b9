import { fileDownloadUrl } from "../../api/files";
import { DownloadIcon } from "../../components/ui/icons";
import { fileMeta } from "./FileCard";
import { FileKindIcon } from "./FileKindIcon";
import type { ViewedFile } from "./viewerStore";

/** For files the viewer cannot show: what it is, and the way to get it. */
export function NoPreview({ file, reason }: { file: ViewedFile; reason: string }) {
  return (
    <div className="flex size-full flex-col items-center justify-center gap-3 p-6 text-center">
      <FileKindIcon kind={file.kind} className="size-16 rounded-2xl" iconClassName="size-8" />
      <div>
        <p className="break-all font-medium text-ink">{file.name}</p>
        <p className="mt-0.5 text-sm text-muted">
          {fileMeta(file.name, file.kind, file.size, file.pages)}
        </p>
      </div>
      <p className="max-w-sm text-sm text-ink-soft">{reason}</p>
      <a
        href={file.downloadUrl ?? fileDownloadUrl(file.id)}
        download={file.name}
        className="inline-flex items-center gap-2 rounded-lg bg-accent-strong px-3.5 py-2 text-sm font-medium text-on-accent hover:bg-[#9c4526]"
      >
        <DownloadIcon className="size-4" />
        Download
      </a>
    </div>
  );
}
