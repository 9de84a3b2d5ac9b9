import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { CheckIcon, CopyIcon, ExternalLinkIcon } from "../../components/ui/icons";
import { useCopy } from "../../lib/useCopy";
import { useUnpublishArtifact } from "./hooks";

export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** The public link of a published artifact: copy it, open it, or take it down. */
export function ShareDialog({
  open,
  onClose,
  artifactId,
  conversationId,
  title,
  publicUrl,
}: {
  open: boolean;
  onClose: () => void;
  artifactId: string;
  conversationId: string;
  title: string;
  publicUrl: string | null;
}) {
  const unpublish = useUnpublishArtifact();
  const url = publicUrl ? absoluteUrl(publicUrl) : "";
  const { copied, copy, label } = useCopy(url, 1600);
  return (
    <Dialog
      open={open}
      title={`“${title}” is published`}
      onClose={onClose}
      actions={
        <>
          <Button
            variant="ghost"
            disabled={unpublish.isPending}
            onClick={() =>
              unpublish.mutate({ id: artifactId, conversationId }, { onSuccess: onClose })
            }
          >
            {unpublish.isPending ? "Unpublishing…" : "Unpublish"}
          </Button>
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </>
      }
    >
      <p>Anyone with this link can see the artifact's latest version, but not your conversation.</p>
      <div className="mt-3 flex items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="Public link"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-xs text-ink"
        />
        <Button className="h-8 shrink-0 px-2.5" onClick={copy}>
          {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
          {label("Copy link")}
        </Button>
      </div>
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        className="mt-2 inline-flex items-center gap-1 text-sm text-accent-strong underline underline-offset-2 dark:text-[#e8957a]"
      >
        Open the public page <ExternalLinkIcon className="size-3.5" />
      </a>
      {unpublish.error && (
        <p role="alert" className="mt-2 text-danger">
          {unpublish.error instanceof ApiError ? unpublish.error.message : "Couldn't unpublish."}
        </p>
      )}
    </Dialog>
  );
}
