import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/http";
import { useDraftStore } from "../../app/uiStore";
import { ChatComposer } from "../chat/ChatComposer";
import { useModels, useSendMessage } from "../chat/hooks";
import { restoreAttachments, takeAttachments, uploadedFiles } from "../files/attachmentStore";
import { useNewChatModel } from "../settings/hooks";
import { useStartProjectChat } from "./hooks";

const NO_MESSAGES: never[] = [];

/** "New chat in this project": the first message starts a chat in the project and opens it. */
export function ProjectComposer({ projectId }: { projectId: string }) {
  const draftKey = `project:${projectId}`;
  const models = useModels();
  const [chosenModel, setChosenModel] = useState<string | null>(null);
  const startingModel = useNewChatModel(models.data);
  const model = chosenModel ?? startingModel;
  const setDraft = useDraftStore((s) => s.setDraft);
  const start = useStartProjectChat(projectId);
  const send = useSendMessage();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  const onSend = (text: string) => {
    setError(null);
    const files = takeAttachments(draftKey);
    setDraft(draftKey, "");
    const fail = (failure: unknown) => {
      setDraft(draftKey, text);
      restoreAttachments(draftKey, files);
      setError(failure instanceof ApiError ? failure.message : "Couldn't start the chat.");
    };
    start.mutate(model, {
      onError: fail,
      onSuccess: (conversation) =>
        send.mutate(
          {
            conversationId: conversation.id,
            content: text,
            parentId: null,
            model: model ?? undefined,
            attachments: uploadedFiles(files).map((f) => f.id),
          },
          {
            onSuccess: () => navigate(`/chat/${encodeURIComponent(conversation.id)}`),
            onError: () => {
              // The chat exists: open it with the message back in its box, to send again there.
              setDraft(conversation.id, text);
              restoreAttachments(conversation.id, files);
              navigate(`/chat/${encodeURIComponent(conversation.id)}`);
            },
          },
        ),
    });
  };

  return (
    <div>
      {error && (
        <p role="alert" className="mb-2 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      )}
      <ChatComposer
        draftKey={draftKey}
        models={models.data?.models ?? []}
        modelId={model}
        onModelChange={setChosenModel}
        branch={NO_MESSAGES}
        onSend={onSend}
        onStop={() => undefined}
        streaming={false}
        busy={start.isPending || send.isPending}
        autoFocus={false}
        placeholder="Start a chat in this project…"
        opensUp={false}
      />
    </div>
  );
}
