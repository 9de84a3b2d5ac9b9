import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/http";
import { useDraftStore } from "../../app/uiStore";
import { ArtifactPanelSlot } from "../artifacts/ArtifactPanelSlot";
import { useMe } from "../auth/hooks";
import {
  addFiles,
  restoreAttachments,
  takeAttachments,
  uploadedFiles,
} from "../files/attachmentStore";
import { FileDropZone } from "../files/FileDropZone";
import { useNewChatModel } from "../settings/hooks";
import { selectBranch } from "./branch";
import { ChatComposer } from "./ChatComposer";
import { ChatHeader } from "./ChatHeader";
import { ConversationMissing } from "./ConversationMissing";
import {
  useCancelRun,
  useConversation,
  useMessages,
  useModels,
  useRetry,
  useSendMessage,
  useSetConversationModel,
} from "./hooks";
import { MessageList, type MessageListHandle } from "./MessageList";
import { useActiveRunId } from "./runStore";
import { useBranchChoices } from "./useBranchChoices";
import { useFocusedMessage } from "./useFocusedMessage";
import { usePrefillComposer } from "./usePrefillComposer";
import { ExamplePrompts, WelcomeHeading } from "./Welcome";

// On touch screens focusing the box would throw up the keyboard over the conversation.
const COARSE_POINTER =
  typeof window !== "undefined" && Boolean(window.matchMedia?.("(pointer: coarse)").matches);

export default function ChatRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const conversation = useConversation(id);
  const messagesQuery = useMessages(id);
  const models = useModels();
  const startingModel = useNewChatModel(models.data);
  const activeRun = useActiveRunId(id);
  const send = useSendMessage();
  const retry = useRetry();
  const cancel = useCancelRun();
  const setModel = useSetConversationModel();
  const listRef = useRef<MessageListHandle>(null);
  const draftKey = id ?? "new";
  const setDraft = useDraftStore((s) => s.setDraft);
  const [newChatModel, setNewChatModel] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: an error belongs to the conversation it happened in.
  useEffect(() => setSendError(null), [id]);

  const [choices, setChoice] = useBranchChoices(id);
  const focus = useFocusedMessage(messagesQuery, choices, setChoice);
  const entries = useMemo(
    () => selectBranch(messagesQuery.data?.messages ?? [], focus.choices),
    [messagesQuery.data, focus.choices],
  );
  const branch = useMemo(() => entries.map((e) => e.message), [entries]);
  const last = branch[branch.length - 1] ?? null;
  const parentKeyOf = useCallback(
    (messageId: string) =>
      messagesQuery.data?.messages.find((m) => m.id === messageId)?.parent_id ?? "",
    [messagesQuery.data],
  );
  const retryableId = last && last.role === "assistant" && !activeRun ? last.id : null;
  const model = id ? (conversation.data?.model ?? null) : (newChatModel ?? startingModel);

  const sendText = useCallback(
    (text: string, fromComposer: boolean) => {
      setSendError(null);
      // Taken out of the composer now, as the text is, and put back if the send fails.
      const files = fromComposer ? takeAttachments(draftKey) : [];
      if (fromComposer) setDraft(draftKey, "");
      listRef.current?.scrollToLatest();
      send.mutate(
        {
          conversationId: id ?? null,
          content: text,
          parentId: last?.id ?? null,
          model: model ?? undefined,
          attachments: uploadedFiles(files).map((f) => f.id),
        },
        {
          onSuccess: ({ conversationId }) => {
            if (!id) navigate(`/chat/${conversationId}`);
          },
          onError: (error) => {
            if (fromComposer) setDraft(draftKey, text);
            restoreAttachments(draftKey, files);
            setSendError(error instanceof ApiError ? error.message : "Couldn't send your message.");
          },
        },
      );
    },
    [draftKey, id, last, model, navigate, send, setDraft],
  );
  const onSend = useCallback((text: string) => sendText(text, true), [sendText]);
  const sendFromPanel = useCallback((text: string) => sendText(text, false), [sendText]);

  const askAbout = usePrefillComposer(draftKey);

  const onRetry = useCallback(
    (messageId: string) => {
      if (!id) return;
      setChoice(parentKeyOf(messageId), null);
      setSendError(null);
      listRef.current?.scrollToLatest();
      retry.mutate(
        { conversationId: id, messageId },
        {
          onError: (error) =>
            setSendError(error instanceof ApiError ? error.message : "Retry failed."),
        },
      );
    },
    [id, retry, setChoice, parentKeyOf],
  );

  const onPickSibling = useCallback(
    (messageId: string, siblingId: string) => setChoice(parentKeyOf(messageId), siblingId),
    [setChoice, parentKeyOf],
  );

  const onEdit = useCallback(
    (messageId: string, text: string, attachments: string[]) => {
      if (!id) return;
      const parentId =
        messagesQuery.data?.messages.find((m) => m.id === messageId)?.parent_id ?? null;
      setChoice(parentId ?? "", null);
      setSendError(null);
      listRef.current?.scrollToLatest();
      send.mutate(
        { conversationId: id, content: text, parentId, model: model ?? undefined, attachments },
        {
          onError: (error) =>
            setSendError(error instanceof ApiError ? error.message : "Couldn't send your edit."),
        },
      );
    },
    [id, messagesQuery.data, model, send, setChoice],
  );

  const title = conversation.data?.title;
  useEffect(() => {
    document.title = title ? `${title} — Parley` : "Parley";
  }, [title]);

  const onModelChange = (next: string) => {
    if (id) setModel.mutate({ id, model: next });
    else setNewChatModel(next);
  };

  if (id && (conversation.error instanceof ApiError || messagesQuery.error instanceof ApiError)) {
    const failure = (conversation.error ?? messagesQuery.error) as ApiError;
    return <ConversationMissing status={failure.status} message={failure.message} />;
  }

  const loading = Boolean(id) && messagesQuery.isPending;
  const empty = !loading && branch.length === 0 && !send.isPending;
  const composer = (
    <ChatComposer
      draftKey={draftKey}
      models={models.data?.models ?? []}
      modelId={model}
      onModelChange={onModelChange}
      branch={branch}
      onSend={onSend}
      onStop={() => activeRun && cancel.mutate(activeRun)}
      streaming={Boolean(activeRun)}
      busy={send.isPending}
      autoFocus={!COARSE_POINTER}
      placeholder={id ? "Reply to Parley…" : "How can I help you today?"}
      opensUp={Boolean(id) && !empty}
    />
  );
  const onDropFiles = (files: File[]) => addFiles(draftKey, files);
  const errorNote = sendError && (
    <p role="alert" className="mb-2 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
      {sendError}
    </p>
  );

  const panelProps = {
    conversationId: id,
    canSend: !activeRun && !send.isPending,
    onAsk: askAbout,
    onSend: sendFromPanel,
  };

  if (!id || empty) {
    return (
      <>
        <ChatHeader title={conversation.data?.title ?? null} />
        <FileDropZone onFiles={onDropFiles} className="flex min-h-0 flex-1 flex-col">
          <div className="flex flex-1 flex-col items-center overflow-y-auto px-4 pb-8 pt-[12vh]">
            <div className="w-full max-w-2xl animate-fade-in">
              <WelcomeHeading name={me.data?.name} />
              <div className="mt-8">
                {errorNote}
                {composer}
              </div>
              <ExamplePrompts onPick={(prompt) => setDraft(draftKey, prompt)} />
            </div>
          </div>
        </FileDropZone>
        <ArtifactPanelSlot {...panelProps} />
      </>
    );
  }

  return (
    <div className="flex min-h-0 flex-1">
      <FileDropZone onFiles={onDropFiles} className="flex min-w-0 flex-1 flex-col">
        <ChatHeader title={conversation.data?.title ?? null} conversationId={id} />
        {loading ? (
          <div
            className="flex flex-1 items-center justify-center"
            role="status"
            aria-label="Loading messages"
          >
            <span className="streaming-caret" />
          </div>
        ) : (
          <MessageList
            key={id}
            ref={listRef}
            entries={entries}
            retryableId={retryableId}
            editable={!activeRun && !send.isPending}
            onRetry={onRetry}
            onPickSibling={onPickSibling}
            onEdit={onEdit}
            focusId={focus.messageId}
            onFocused={focus.onFocused}
          />
        )}
        <div className="mx-auto w-full max-w-3xl px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-6 sm:pb-5">
          {errorNote}
          {composer}
          <p className="mt-2 text-center text-xs text-muted">
            AI can make mistakes. Check important information.
          </p>
        </div>
      </FileDropZone>
      <ArtifactPanelSlot {...panelProps} />
    </div>
  );
}
