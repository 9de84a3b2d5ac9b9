import clsx from "clsx";
import { type CSSProperties, useEffect, useId, useRef, useState } from "react";
import { SpinnerIcon } from "../../components/ui/icons";
import { ArtifactOutput } from "../tools/ArtifactOutput";
import { ArtifactEditor } from "./ArtifactEditor";
import { ArtifactTabs } from "./ArtifactTabs";
import { CodeView } from "./CodeView";
import { ErrorBar, type FrameError, fixRequest } from "./ErrorBar";
import { sourceLanguage } from "./files";
import { PanelFooter } from "./PanelFooter";
import { PanelHeader } from "./PanelHeader";
import { PreviewView } from "./PreviewView";
import { ResizeHandle } from "./ResizeHandle";
import { useArtifactPanel } from "./store";
import { useDisplayedArtifact } from "./useDisplayedArtifact";
import { SHEET_QUERY, useMediaQuery } from "./useEnvironment";

export interface ArtifactPanelProps {
  conversationId: string;
  /** False while an answer is being written: "Fix it" waits for it. */
  canSend: boolean;
  /** Puts a request about the artifact into the message box, for the person to finish. */
  onAsk: (text: string) => void;
  /** Sends a message to the model at once. */
  onSend: (text: string) => void;
}

// Focus requests already honoured, so remounting the panel (a stream reopening it) never steals focus.
let handledFocusRequest = 0;

/** The side panel (a full-screen sheet on phones and tablets) that shows the conversation's artifacts. */
export default function ArtifactPanel({
  conversationId,
  canSend,
  onAsk,
  onSend,
}: ArtifactPanelProps) {
  const fullscreen = useArtifactPanel((s) => s.fullscreen);
  const editing = useArtifactPanel((s) => s.editing);
  const storedView = useArtifactPanel((s) => s.view);
  const fraction = useArtifactPanel((s) => s.widthFraction);
  const focusRequest = useArtifactPanel((s) => s.focusRequest);
  const { close, selectArtifact, setEditing, setVersion, setFullscreen } =
    useArtifactPanel.getState();
  const sheet = useMediaQuery(SHEET_QUERY);
  const { artifactId, displayed, tabs, versions, loading, missing } =
    useDisplayedArtifact(conversationId);
  const view = storedView ?? (displayed?.type === "code" ? "code" : "preview");
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const headingId = useId();
  const bodyId = useId();

  const errorKey = displayed
    ? `${displayed.artifactId}:${displayed.version}:${displayed.content.length}`
    : "";
  const [error, setError] = useState<(FrameError & { key: string }) | null>(null);
  const shownError = error && error.key === errorKey && !displayed?.streaming ? error : null;

  useEffect(() => {
    if (focusRequest <= handledFocusRequest) return;
    handledFocusRequest = focusRequest;
    const active = document.activeElement;
    if (active instanceof HTMLElement && !sectionRef.current?.contains(active)) {
      returnFocus.current = active;
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [focusRequest]);

  const onClose = () => {
    close();
    const back = returnFocus.current;
    (back?.isConnected ? back : document.getElementById("composer"))?.focus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("dialog[open]") || useArtifactPanel.getState().editing) return;
      if (useArtifactPanel.getState().fullscreen) {
        event.preventDefault();
        setFullscreen(false);
      } else if (sheet && sectionRef.current?.contains(document.activeElement)) {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const leaveSheet = () => {
    if (sheet) close();
  };

  let body: React.ReactNode;
  if (displayed && editing) {
    body = (
      <ArtifactEditor
        key={`${displayed.artifactId}:${displayed.version}`}
        artifact={displayed}
        onClose={(saved) => {
          setEditing(false);
          if (saved) setVersion(null);
        }}
      />
    );
  } else if (displayed && view === "code") {
    body = (
      <CodeView
        content={displayed.content}
        language={sourceLanguage(displayed.type, displayed.language)}
        streaming={displayed.streaming}
      />
    );
  } else if (displayed) {
    body = (
      <PreviewView
        artifact={displayed}
        onError={(message, detail) => setError({ key: errorKey, message, detail })}
      />
    );
  } else if (loading) {
    body = (
      <div className="flex h-full items-center justify-center" role="status">
        <SpinnerIcon className="size-5 animate-spin text-accent" aria-label="Loading" />
      </div>
    );
  } else if (missing) {
    body = (
      <p className="flex h-full items-center justify-center px-6 text-center text-sm text-muted">
        This artifact no longer exists.
      </p>
    );
  }

  return (
    <section
      ref={sectionRef}
      aria-labelledby={headingId}
      // A side region on wide screens; narrower, it covers the chat, so it is a modal sheet.
      {...(sheet ? { role: "dialog", "aria-modal": true } : { role: "region" })}
      data-testid="artifact-panel"
      data-fullscreen={fullscreen}
      style={{ "--panel-w": `${(fraction * 100).toFixed(2)}%` } as CSSProperties}
      className={clsx(
        "artifact-panel @container flex min-h-0 flex-col bg-bg",
        fullscreen
          ? "fixed inset-0 z-50"
          : "max-lg:fixed max-lg:inset-0 max-lg:z-40 lg:relative lg:w-(--panel-w) lg:min-w-[22rem] lg:max-w-[calc(100%-22rem)] lg:shrink-0 lg:border-l lg:border-line",
      )}
    >
      {!fullscreen && <ResizeHandle />}
      <PanelHeader
        conversationId={conversationId}
        artifact={displayed}
        versions={versions}
        view={view}
        headingRef={headingRef}
        headingId={headingId}
        onClose={onClose}
      />
      {tabs.length > 1 && !editing && (
        <ArtifactTabs
          tabs={tabs}
          selected={artifactId}
          panelId={bodyId}
          onSelect={selectArtifact}
        />
      )}
      <div
        id={bodyId}
        {...(tabs.length > 1 ? { role: "tabpanel", "aria-label": displayed?.title } : {})}
        className="relative min-h-0 flex-1"
      >
        {body}
      </div>
      {displayed?.type === "code" && !editing && (
        <ArtifactOutput artifactId={displayed.artifactId} language={displayed.language} />
      )}
      {displayed && shownError && !editing && (
        <ErrorBar
          error={shownError}
          canFix={canSend}
          onFix={() => {
            onSend(fixRequest(displayed.title, displayed.identifier, shownError));
            setError(null);
            leaveSheet();
          }}
        />
      )}
      {displayed && !editing && (
        <PanelFooter
          conversationId={conversationId}
          artifact={displayed}
          onAsk={() => {
            onAsk(`Change the "${displayed.title}" artifact (${displayed.identifier}): `);
            leaveSheet();
          }}
        />
      )}
    </section>
  );
}
