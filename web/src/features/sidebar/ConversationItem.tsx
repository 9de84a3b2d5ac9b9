import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { type MouseEvent, memo, useRef } from "react";
import type { Conversation } from "../../api/types";
import { DotsIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { useIsStreaming } from "../chat/runStore";
import { renameConversation } from "./actions";
import type { ListKey } from "./cache";
import { ROW_ATTRIBUTE } from "./focus";
import { useRowContext } from "./rowContext";
import { useSidebarStore } from "./sidebarStore";
import { type EditEnd, TitleEditor } from "./TitleEditor";
import { useItemMenu } from "./useItemMenu";

interface ConversationItemProps {
  conversation: Conversation;
  active: boolean;
  list: ListKey;
  selecting: boolean;
  selected: boolean;
  /** Where the virtual list places it: its index, offset, and place within its group. */
  index: number;
  top: number;
  position: number;
  setSize: number;
  measure: (element: HTMLLIElement | null) => void;
}

const rowText = "min-w-0 flex-1 truncate";

export const ConversationItem = memo(function ConversationItem({
  conversation,
  active,
  list,
  selecting,
  selected,
  index,
  top,
  position,
  setSize,
  measure,
}: ConversationItemProps) {
  const editing = useSidebarStore((state) => state.editingId === conversation.id);
  const setEditing = (on: boolean) =>
    useSidebarStore.getState().setEditingId(on ? conversation.id : null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const { pick, open } = useRowContext();
  const href = `/chat/${conversation.id}`;
  const title = conversation.title || "New chat";
  const streaming = useIsStreaming(conversation.id);
  const sections = useItemMenu({
    conversation,
    list,
    active,
    onRename: () => setEditing(true),
  });

  const stopEditing = (how: EditEnd) => {
    setEditing(false);
    // a key ended it: focus stays on this row rather than dropping to the page
    if (how === "key") requestAnimationFrame(() => linkRef.current?.focus());
  };

  // A plain link routed by hand, not react-router's Link: Link re-renders on every navigation,
  // which in a list of thousands is thousands of renders per click.
  const onLinkClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) {
      event.preventDefault();
      pick(conversation.id, event.shiftKey ? "range" : "toggle");
    } else if (event.button === 0 && !event.altKey) {
      event.preventDefault();
      open(href);
    }
  };

  const place = {
    ref: measure,
    "data-index": index,
    "data-row-id": conversation.id,
    "aria-posinset": position,
    "aria-setsize": setSize,
    style: { top },
  };

  const dot = streaming && (
    <span className="mr-2 inline-block size-2 animate-pulse rounded-full bg-brand align-middle">
      <span className="sr-only">Answering: </span>
    </span>
  );

  if (editing) {
    return (
      <li {...place} className="absolute inset-x-0 py-px">
        <TitleEditor
          initial={conversation.title}
          onSave={(next, how) => {
            renameConversation(queryClient, conversation.id, next);
            stopEditing(how);
          }}
          onCancel={stopEditing}
        />
      </li>
    );
  }

  if (selecting) {
    return (
      <li {...place} className="absolute inset-x-0">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: the checkbox inside takes the keys; this is its larger target. */}
        <label
          onClick={(event) => {
            // the row's own click, with its shift key; a click on the box itself is handled there
            if (event.target === boxRef.current) return;
            event.preventDefault();
            pick(conversation.id, event.shiftKey ? "range" : "toggle");
          }}
          className={clsx(
            "flex w-full cursor-pointer select-none items-center gap-2.5 rounded-lg py-1.5 pl-2.5 pr-3 text-sm transition-colors",
            selected ? "bg-accent-soft text-ink" : "text-ink-soft hover:bg-line/50 hover:text-ink",
          )}
        >
          <input
            ref={boxRef}
            type="checkbox"
            checked={selected}
            readOnly
            {...{ [ROW_ATTRIBUTE]: conversation.id }}
            onClick={(event) => pick(conversation.id, event.shiftKey ? "range" : "toggle")}
            className="size-4 shrink-0 cursor-pointer accent-accent-strong"
          />
          <span className={rowText}>
            {dot}
            {title}
          </span>
        </label>
      </li>
    );
  }

  return (
    <li {...place} className="group absolute inset-x-0">
      <a
        ref={linkRef}
        href={href}
        aria-current={active ? "page" : undefined}
        title={title}
        {...{ [ROW_ATTRIBUTE]: conversation.id }}
        onClick={onLinkClick}
        onDoubleClick={(event) => {
          event.preventDefault();
          setEditing(true);
        }}
        className={clsx(
          "block truncate rounded-lg py-1.5 pl-3 pr-9 text-sm transition-colors",
          active
            ? "bg-line/80 font-medium text-ink"
            : "text-ink-soft hover:bg-line/50 hover:text-ink",
        )}
      >
        {dot}
        {title}
      </a>
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
          sections={sections}
        />
      </div>
    </li>
  );
});
