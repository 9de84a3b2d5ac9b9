import { useQueryClient } from "@tanstack/react-query";
import { ArchiveRestore, FolderInput, ListChecks } from "lucide-react";
import type { Conversation } from "../../api/types";
import { ArchiveIcon, CopyIcon, PencilIcon, PinIcon, TrashIcon } from "../../components/ui/icons";
import type { MenuItem, MenuSection } from "../../components/ui/Menu";
import {
  deleteConversations,
  duplicateConversation,
  pinConversation,
  setArchived,
} from "./actions";
import type { ListKey } from "./cache";
import { keepFocusInList } from "./focus";
import { useRowContext } from "./rowContext";
import { selectionDispatch } from "./selection";
import { useSidebarStore } from "./sidebarStore";

const iconProps = { className: "size-4", strokeWidth: 1.8, "aria-hidden": true } as const;

/** The actions of one row's "…" menu: the same code paths as the select bar's, for one chat. */
export function useItemMenu({
  conversation,
  list,
  active,
  onRename,
}: {
  conversation: Conversation;
  list: ListKey;
  active: boolean;
  onRename: () => void;
}): MenuSection[] {
  const queryClient = useQueryClient();
  const { open, pathname, canMove } = useRowContext();
  const one = [conversation];

  const rename: MenuItem = {
    label: "Rename",
    icon: <PencilIcon {...iconProps} />,
    onSelect: onRename,
  };
  const select: MenuItem = {
    label: "Select",
    icon: <ListChecks {...iconProps} />,
    onSelect: () => selectionDispatch({ type: "start", id: conversation.id }),
  };
  const remove: MenuItem = {
    label: "Delete",
    icon: <TrashIcon {...iconProps} />,
    danger: true,
    onSelect: () => {
      keepFocusInList(new Set([conversation.id]));
      deleteConversations(queryClient, one, {
        list,
        onRemoved: () => {
          if (active) open("/");
        },
        // back to the chat it was reading, unless it went somewhere else meanwhile
        onRestored: () => {
          if (active && pathname() === "/") open(`/chat/${conversation.id}`);
        },
      });
    },
  };
  const move: MenuItem[] = canMove
    ? [
        {
          label: "Move to project",
          icon: <FolderInput {...iconProps} />,
          onSelect: () => useSidebarStore.getState().setMoving(one),
        },
      ]
    : [];

  if (list === "archived") {
    return [
      {
        items: [
          rename,
          {
            label: "Unarchive",
            icon: <ArchiveRestore {...iconProps} />,
            onSelect: () => {
              keepFocusInList(new Set([conversation.id]));
              setArchived(queryClient, one, false);
            },
          },
          ...move,
          select,
          remove,
        ],
      },
    ];
  }
  return [
    {
      items: [
        rename,
        {
          label: conversation.pinned ? "Unpin" : "Pin",
          icon: <PinIcon {...iconProps} />,
          onSelect: () => pinConversation(queryClient, conversation.id, !conversation.pinned),
        },
        {
          label: "Duplicate",
          icon: <CopyIcon {...iconProps} />,
          onSelect: () =>
            duplicateConversation(queryClient, conversation.id, (copy) => open(`/chat/${copy.id}`)),
        },
        ...move,
        {
          label: "Archive",
          icon: <ArchiveIcon {...iconProps} />,
          onSelect: () => {
            keepFocusInList(new Set([conversation.id]));
            setArchived(queryClient, one, true);
          },
        },
        select,
        remove,
      ],
    },
  ];
}
