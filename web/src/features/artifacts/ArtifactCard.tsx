import clsx from "clsx";
import type { ArtifactRef } from "../../api/types";
import { ChevronRightIcon, SpinnerIcon } from "../../components/ui/icons";
import { ArtifactIcon } from "./ArtifactIcon";
import { TYPE_LABELS } from "./files";
import { useArtifactPanel } from "./store";

function status(ref: ArtifactRef, live: boolean): { text: string; busy: boolean } {
  if (ref.version !== null) {
    return { text: `${TYPE_LABELS[ref.artifact_type]} · v${ref.version}`, busy: false };
  }
  if (live) return { text: ref.operation === "create" ? "Creating…" : "Updating…", busy: true };
  return { text: "Not saved: the answer stopped first", busy: false };
}

/** Where an answer made or changed an artifact; opens it in the panel at that version. */
export function ArtifactCard({
  part,
  conversationId,
  live,
}: {
  part: ArtifactRef;
  conversationId: string;
  live: boolean;
}) {
  const selected = useArtifactPanel(
    (s) =>
      s.open &&
      s.artifactId === part.artifact_id &&
      (part.version === null ? live && s.version === null : s.shownVersion === part.version),
  );
  const openArtifact = useArtifactPanel((s) => s.openArtifact);
  const { text, busy } = status(part, live);
  return (
    <button
      type="button"
      data-testid="artifact-card"
      data-version={part.version ?? ""}
      title="Open in the artifact panel"
      aria-current={selected ? "true" : undefined}
      onClick={() =>
        openArtifact(conversationId, part.artifact_id, live && busy ? null : part.version)
      }
      className={clsx(
        "not-prose group/card my-4 flex w-full max-w-md items-center gap-3 rounded-xl border bg-surface p-2 pr-3 text-left font-sans shadow-[0_1px_3px_rgba(20,20,19,0.05)] transition-colors hover:border-line-strong hover:bg-sidebar",
        selected ? "border-accent/60 ring-1 ring-accent/40" : "border-line",
      )}
    >
      <span className="flex size-11 shrink-0 items-center justify-center rounded-lg border border-line bg-code-bg text-ink-soft">
        <ArtifactIcon type={part.artifact_type} className="size-5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[0.95rem] font-medium leading-snug text-ink">
          {part.title}
        </span>
        <span className="mt-0.5 flex items-center gap-1.5 text-[0.8rem] text-muted">
          {busy && <SpinnerIcon className="size-3.5 animate-spin text-accent" />}
          {text}
        </span>
      </span>
      <ChevronRightIcon className="size-4 shrink-0 text-muted transition-transform group-hover/card:translate-x-0.5" />
    </button>
  );
}
