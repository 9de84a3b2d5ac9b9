import clsx from "clsx";
import type { Ref } from "react";
import type { ArtifactVersion } from "../../api/types";
import { IconButton } from "../../components/ui/Button";
import { CloseIcon, CodeIcon, ExpandIcon, EyeIcon, ShrinkIcon } from "../../components/ui/icons";
import { ArtifactIcon } from "./ArtifactIcon";
import type { DisplayedArtifact } from "./displayed";
import { TYPE_LABELS } from "./files";
import { type ArtifactView, useArtifactPanel } from "./store";
import { VersionMenu } from "./VersionMenu";

function ViewToggle({ view, disabled }: { view: ArtifactView; disabled: boolean }) {
  const setView = useArtifactPanel((s) => s.setView);
  const option = (value: ArtifactView, label: string, icon: React.ReactNode) => (
    <button
      type="button"
      aria-pressed={view === value}
      disabled={disabled}
      onClick={() => setView(value)}
      title={label}
      className={clsx(
        "inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[0.8125rem] transition-colors disabled:opacity-50",
        view === value
          ? "bg-surface font-medium text-ink shadow-[0_1px_2px_rgba(20,20,19,0.08)]"
          : "text-muted hover:text-ink",
      )}
    >
      {icon}
      <span className="@max-md:sr-only">{label}</span>
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a segmented control, not a form fieldset.
    <div
      role="group"
      aria-label="View"
      className="flex shrink-0 rounded-lg border border-line bg-sidebar p-0.5"
    >
      {option("preview", "Preview", <EyeIcon className="size-4" />)}
      {option("code", "Code", <CodeIcon className="size-4" />)}
    </div>
  );
}

export function PanelHeader({
  conversationId,
  artifact,
  versions,
  view,
  headingRef,
  headingId,
  onClose,
}: {
  conversationId: string;
  artifact: DisplayedArtifact | null;
  versions: ArtifactVersion[];
  view: ArtifactView;
  headingRef: Ref<HTMLHeadingElement>;
  headingId: string;
  onClose: () => void;
}) {
  const fullscreen = useArtifactPanel((s) => s.fullscreen);
  const setFullscreen = useArtifactPanel((s) => s.setFullscreen);
  const editing = useArtifactPanel((s) => s.editing);
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-line pl-3 pr-2">
      {artifact && (
        <span className="flex size-8 shrink-0 items-center justify-center rounded-lg border border-line bg-code-bg text-ink-soft">
          <ArtifactIcon type={artifact.type} className="size-4" />
        </span>
      )}
      <div className="min-w-0 flex-1">
        <h2
          ref={headingRef}
          id={headingId}
          tabIndex={-1}
          className="truncate text-[0.9375rem] font-medium leading-tight text-ink outline-none"
          data-testid="artifact-title"
        >
          {artifact?.title ?? "Artifact"}
        </h2>
        {artifact && (
          <div className="flex min-w-0 items-center gap-1 text-xs text-muted">
            <VersionMenu conversationId={conversationId} artifact={artifact} versions={versions} />
            <span aria-hidden="true">·</span>
            <span className="truncate">
              {artifact.type === "code" && artifact.language
                ? artifact.language
                : TYPE_LABELS[artifact.type]}
            </span>
          </div>
        )}
      </div>
      {artifact && <ViewToggle view={view} disabled={editing} />}
      <IconButton
        label={fullscreen ? "Exit full screen" : "Full screen"}
        className="max-lg:hidden"
        onClick={() => setFullscreen(!fullscreen)}
      >
        {fullscreen ? (
          <ShrinkIcon className="size-[1.1rem]" />
        ) : (
          <ExpandIcon className="size-[1.1rem]" />
        )}
      </IconButton>
      <IconButton label="Close artifact panel" onClick={onClose}>
        <CloseIcon className="size-5" />
      </IconButton>
    </header>
  );
}
