import type { Execution, ExecutionFile } from "../../api/types";
import { formatBytes } from "../../lib/format";
import { FileCard } from "../files/FileCard";
import { guessKind } from "../files/kinds";
import { openFileViewer, viewedFromOutput } from "../files/viewerStore";

function Stream({
  title,
  text,
  truncated,
  error,
}: {
  title: string;
  text: string;
  truncated: boolean;
  error?: boolean;
}) {
  return (
    <div>
      <div className="mb-1 flex items-baseline gap-2 font-mono text-xs text-muted">
        {title}
        {truncated && (
          <span className="font-normal text-ink-soft">
            · output truncated: only the start is kept
          </span>
        )}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a named, scrollable block of output, not a fieldset. */}
      <div
        role="group"
        aria-label={title}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        className={`max-h-72 overflow-auto rounded-lg border border-line bg-code-bg px-3 py-2 font-mono text-[0.8rem] leading-relaxed ${error ? "text-danger" : "text-ink"}`}
      >
        <pre className="whitespace-pre-wrap break-words">{text}</pre>
      </div>
    </div>
  );
}

function OutputImage({ file }: { file: ExecutionFile }) {
  const viewed = viewedFromOutput(file);
  const image = (
    <img
      src={file.url}
      alt={`${file.name}, written by the code`}
      loading="lazy"
      className="max-h-[28rem] max-w-full rounded-lg border border-line bg-white"
    />
  );
  return (
    <figure className="m-0">
      {viewed ? (
        <button
          type="button"
          onClick={() => openFileViewer(viewed)}
          title="Open full size"
          className="block max-w-full rounded-lg"
        >
          {image}
        </button>
      ) : (
        <a href={file.url} target="_blank" rel="noopener noreferrer" title="Open full size">
          {image}
        </a>
      )}
      <figcaption className="mt-1 text-xs text-muted">
        {file.name} · {formatBytes(file.size)}
      </figcaption>
    </figure>
  );
}

/** Images the code wrote, shown inline; any other file is a card that opens or downloads it. */
export function ExecutionFiles({ files }: { files: ExecutionFile[] }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.inline_image);
  const others = files.filter((f) => !f.inline_image);
  return (
    <div className="space-y-2" data-testid="execution-files">
      {images.map((file) => (
        <OutputImage key={file.id} file={file} />
      ))}
      {others.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Files the code wrote">
          {others.map((file) => {
            const viewed = viewedFromOutput(file);
            const name = file.name.split("/").pop() ?? file.name;
            return (
              <li key={file.id} className="max-w-full">
                <FileCard
                  name={name}
                  kind={guessKind(file.name, file.mime_type)}
                  size={file.size}
                  onOpen={viewed ? () => openFileViewer(viewed) : undefined}
                  downloadUrl={file.url}
                  testId="output-file"
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A run's stdout and stderr, with notes when the sandbox cut them short. */
export function ExecutionStreams({ execution }: { execution: Execution }) {
  const { stdout, stderr } = execution;
  if (execution.status === "unavailable") {
    return <p className="text-sm text-ink-soft">{stderr || "Code can't run on this server."}</p>;
  }
  if (!stdout && !stderr) return <p className="text-sm text-muted">The code printed nothing.</p>;
  return (
    <div className="space-y-2.5">
      {stdout && <Stream title="stdout" text={stdout} truncated={execution.stdout_truncated} />}
      {stderr && (
        <Stream
          title="stderr"
          text={stderr}
          truncated={execution.stderr_truncated}
          error={execution.status !== "ok"}
        />
      )}
    </div>
  );
}

export function hasStreams(execution: Execution): boolean {
  return Boolean(execution.stdout || execution.stderr);
}
