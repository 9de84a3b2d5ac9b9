import clsx from "clsx";
import { memo, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Conversation } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { DotsIcon, PencilIcon, PinIcon, TrashIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { useIsStreaming } from "../chat/runStore";
import { useDeleteConversation, usePinConversation, useRenameConversation } from "./hooks";

export const ConversationItem = memo(function ConversationItem({
  conversation,
  active,
}: {
  conversation: Conversation;
  active: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState(conversation.title);
  const inputRef = useRef<HTMLInputElement>(null);
  const rename = useRenameConversation();
  const remove = useDeleteConversation();
  const pin = usePinConversation();
  const navigate = useNavigate();
  const title = conversation.title || "New chat";
  const streaming = useIsStreaming(conversation.id);

  useEffect(() => {
    if (editing) inputRef.current?.select();
  }, [editing]);

  const commit = () => {
    const next = draft.trim();
    setEditing(false);
    if (next && next !== conversation.title) rename.mutate({ id: conversation.id, title: next });
  };

  return (
    <li className="group relative">
      {editing ? (
        <input
          ref={inputRef}
          value={draft}
          aria-label="Conversation title"
          maxLength={300}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setDraft(conversation.title);
              setEditing(false);
            }
          }}
          className="w-full rounded-lg border border-accent bg-surface px-3 py-1.5 text-sm text-ink outline-none ring-2 ring-accent/25"
        />
      ) : (
        <Link
          to={`/chat/${conversation.id}`}
          aria-current={active ? "page" : undefined}
          title={title}
          className={clsx(
            "block truncate rounded-lg py-1.5 pl-3 pr-9 text-sm transition-colors",
            active
              ? "bg-line/80 font-medium text-ink"
              : "text-ink-soft hover:bg-line/50 hover:text-ink",
          )}
        >
          {streaming && (
            <span className="mr-2 inline-block size-2 animate-pulse rounded-full bg-brand align-middle">
              <span className="sr-only">Answering: </span>
            </span>
          )}
          {title}
        </Link>
      )}
      {!editing && (
        <div
          className={clsx(
            "absolute right-1 top-1/2 -translate-y-1/2 transition-opacity focus-within:opacity-100 group-hover:opacity-100",
            active ? "opacity-100" : "opacity-0 [@media(hover:none)]:opacity-100",
          )}
        >
          <Menu
            label={`Options for ${title}`}
            trigger={<DotsIcon className="size-4" />}
            triggerClassName="flex size-7 items-center justify-center rounded-md text-muted hover:bg-line hover:text-ink"
            sections={[
              {
                items: [
                  {
                    label: "Rename",
                    icon: <PencilIcon className="size-4" />,
                    onSelect: () => {
                      setDraft(conversation.title);
                      setEditing(true);
                    },
                  },
                  {
                    label: conversation.pinned ? "Unpin" : "Pin",
                    icon: <PinIcon className="size-4" />,
                    onSelect: () =>
                      pin.mutate({ id: conversation.id, pinned: !conversation.pinned }),
                  },
                  {
                    label: "Delete",
                    icon: <TrashIcon className="size-4" />,
                    danger: true,
                    onSelect: () => setConfirming(true),
                  },
                ],
              },
            ]}
          />
        </div>
      )}
      <Dialog
        open={confirming}
        title="Delete conversation?"
        onClose={() => setConfirming(false)}
        actions={
          <>
            <Button onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(conversation.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    if (active) navigate("/");
                  },
                })
              }
            >
              Delete
            </Button>
          </>
        }
      >
        “{title}” and all its messages will be permanently deleted. This can't be undone.
        {remove.isError && (
          <span role="alert" className="mt-2 block text-danger">
            {remove.error.message}
          </span>
        )}
      </Dialog>
    </li>
  );
});
