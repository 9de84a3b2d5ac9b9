import { useEffect, useMemo } from "react";
import type { Message, Model } from "../../api/types";
import { useDraftStore } from "../../app/uiStore";
import { AttachButton } from "../files/AttachButton";
import { AttachmentTray } from "../files/AttachmentTray";
import {
  addFiles,
  isUploading,
  preloadFileLimits,
  uploadedFiles,
  usePendingAttachments,
} from "../files/attachmentStore";
import { ComposerNotices } from "../files/ComposerNotices";
import { ContextMeter } from "../files/ContextMeter";
import { contextBudget } from "../files/contextBudget";
import { composerNotices } from "../files/notices";
import { useSendOnEnter } from "../settings/hooks";
import { Composer } from "./Composer";
import { ModelSelector } from "./ModelSelector";

interface ChatComposerProps {
  /** The conversation id, or "new" on the welcome screen: drafts and files are kept per key. */
  draftKey: string;
  models: Model[];
  modelId: string | null;
  onModelChange: (id: string) => void;
  /** The branch on screen, for the context meter. */
  branch: Message[];
  onSend: (text: string) => void;
  onStop: () => void;
  streaming: boolean;
  busy: boolean;
  autoFocus: boolean;
  placeholder: string;
  opensUp: boolean;
}

/** The message box with what goes around it: files, model, notices and the context meter. */
export function ChatComposer({
  draftKey,
  models,
  modelId,
  onModelChange,
  branch,
  onSend,
  onStop,
  streaming,
  busy,
  autoFocus,
  placeholder,
  opensUp,
}: ChatComposerProps) {
  const draft = useDraftStore((s) => s.drafts[draftKey] ?? "");
  const setDraft = useDraftStore((s) => s.setDraft);
  const pending = usePendingAttachments(draftKey);
  const sendOnEnter = useSendOnEnter();
  useEffect(preloadFileLimits, []);
  const model = models.find((m) => m.id === modelId) ?? null;
  const uploaded = useMemo(() => uploadedFiles(pending), [pending]);
  const budget = useMemo(
    () =>
      contextBudget({
        branch,
        draft,
        pendingTokens: uploaded.map((f) => f.token_estimate),
        limit: model?.context_window ?? null,
      }),
    [branch, draft, uploaded, model],
  );
  const notices = composerNotices(
    model,
    pending.filter((a) => a.status !== "failed"),
    budget,
  );
  const attach = (files: File[]) => addFiles(draftKey, files);

  return (
    <Composer
      value={draft}
      onChange={(text) => setDraft(draftKey, text)}
      onSend={onSend}
      onStop={onStop}
      streaming={streaming}
      busy={busy}
      autoFocus={autoFocus}
      placeholder={placeholder}
      notices={<ComposerNotices notices={notices} />}
      attachments={<AttachmentTray draftKey={draftKey} />}
      hasAttachments={uploaded.length > 0}
      uploading={isUploading(pending)}
      onPasteFiles={attach}
      sendOnEnter={sendOnEnter}
      meter={<ContextMeter budget={budget} />}
      toolbar={
        <div className="flex min-w-0 items-center gap-0.5">
          <AttachButton onFiles={attach} />
          <ModelSelector
            models={models}
            value={modelId}
            onChange={onModelChange}
            disabled={streaming}
            opensUp={opensUp}
          />
        </div>
      }
    />
  );
}
