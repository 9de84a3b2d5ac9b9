import { useState } from "react";
import { ApiError } from "../../api/http";
import { Button, IconButton } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import {
  ChatBubbleIcon,
  CheckIcon,
  CopyIcon,
  DotsIcon,
  DownloadIcon,
  LinkIcon,
  PencilIcon,
  TrashIcon,
} from "../../components/ui/icons";
import { Menu, type MenuItem } from "../../components/ui/Menu";
import { useCopy } from "../../lib/useCopy";
import { RunArtifactButton } from "../tools/RunArtifactButton";
import type { DisplayedArtifact } from "./displayed";
import { downloadText, fileName, mimeType } from "./files";
import { useDeleteArtifact, usePublishArtifact, useUnpublishArtifact } from "./hooks";
import { ShareDialog } from "./ShareDialog";
import { useArtifactPanel } from "./store";

function CopyContent({ text }: { text: string }) {
  const { copied, copy, label } = useCopy(text);
  return (
    <IconButton label={label("Copy artifact")} onClick={copy}>
      {copied ? <CheckIcon className="size-[1.1rem]" /> : <CopyIcon className="size-[1.1rem]" />}
    </IconButton>
  );
}

export function PanelFooter({
  conversationId,
  artifact,
  onAsk,
}: {
  conversationId: string;
  artifact: DisplayedArtifact;
  onAsk: () => void;
}) {
  const setEditing = useArtifactPanel((s) => s.setEditing);
  const setVersion = useArtifactPanel((s) => s.setVersion);
  const close = useArtifactPanel((s) => s.close);
  const publish = usePublishArtifact();
  const unpublish = useUnpublishArtifact();
  const remove = useDeleteArtifact();
  const [sharing, setSharing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const ids = { id: artifact.artifactId, conversationId };
  const stored = artifact.latestVersion !== null;
  const older =
    artifact.version !== null && artifact.latestVersion !== null
      ? artifact.version < artifact.latestVersion
      : false;

  const items: MenuItem[] = artifact.publicUrl
    ? [
        {
          label: "Public link…",
          icon: <LinkIcon />,
          onSelect: () => setSharing(true),
        },
        { label: "Unpublish", icon: <LinkIcon />, onSelect: () => unpublish.mutate(ids) },
      ]
    : [
        {
          label: "Publish",
          icon: <LinkIcon />,
          description: "Get a link anyone can open",
          onSelect: () => publish.mutate(ids, { onSuccess: () => setSharing(true) }),
        },
      ];
  items.push({
    label: "Delete artifact",
    icon: <TrashIcon />,
    danger: true,
    onSelect: () => setDeleting(true),
  });
  const failure = publish.error ?? unpublish.error;

  return (
    <footer className="flex h-14 shrink-0 items-center gap-1 border-t border-line px-2 pb-[env(safe-area-inset-bottom)] sm:px-3">
      <div className="min-w-0 flex-1 truncate text-xs text-muted" aria-live="polite">
        {artifact.streaming ? (
          // The header already shows it; this tells screen readers.
          <span className="sr-only">
            {artifact.operation === "create" ? "Creating…" : "Updating…"}
          </span>
        ) : older ? (
          <button
            type="button"
            onClick={() => setVersion(null)}
            className="rounded underline underline-offset-2 hover:text-ink"
          >
            Show the latest version
          </button>
        ) : failure ? (
          <span role="alert" className="text-danger">
            {failure instanceof ApiError ? failure.message : "That didn't work."}
          </span>
        ) : null}
      </div>
      <RunArtifactButton artifact={artifact} />
      <Button variant="ghost" className="h-9 shrink-0 px-2.5" title="Ask to change" onClick={onAsk}>
        <ChatBubbleIcon className="size-4" />
        {/* With a Run button beside it, a narrow panel keeps only the icon. */}
        <span className={artifact.type === "code" ? "@max-md:sr-only" : undefined}>
          Ask to change
        </span>
      </Button>
      <IconButton
        label="Edit"
        disabled={artifact.streaming || !stored}
        onClick={() => setEditing(true)}
      >
        <PencilIcon className="size-[1.1rem]" />
      </IconButton>
      <CopyContent text={artifact.content} />
      <IconButton
        label="Download"
        disabled={artifact.streaming}
        onClick={() =>
          downloadText(
            artifact.content,
            fileName(artifact.title, artifact.type, artifact.language),
            mimeType(artifact.type),
          )
        }
      >
        <DownloadIcon className="size-[1.1rem]" />
      </IconButton>
      {stored && (
        <Menu
          label="More artifact actions"
          placement="above-start"
          menuClassName="left-auto! right-0"
          triggerClassName="inline-flex size-9 items-center justify-center rounded-lg text-ink-soft transition-colors hover:bg-line/70 hover:text-ink"
          trigger={<DotsIcon className="size-5" />}
          sections={[{ items }]}
        />
      )}
      <ShareDialog
        open={sharing && Boolean(artifact.publicUrl)}
        onClose={() => setSharing(false)}
        artifactId={artifact.artifactId}
        conversationId={conversationId}
        title={artifact.title}
        publicUrl={artifact.publicUrl}
      />
      <Dialog
        open={deleting}
        title={`Delete “${artifact.title}”?`}
        onClose={() => setDeleting(false)}
        actions={
          <>
            <Button variant="ghost" onClick={() => setDeleting(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(ids, {
                  onSuccess: () => {
                    setDeleting(false);
                    close();
                  },
                })
              }
            >
              Delete
            </Button>
          </>
        }
      >
        All its versions are deleted, and its public link stops working. The conversation keeps its
        messages.
      </Dialog>
    </footer>
  );
}
