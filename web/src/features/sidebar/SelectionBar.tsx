import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { ArchiveRestore, FolderInput } from "lucide-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import type { Conversation } from "../../api/types";
import { ArchiveIcon, CloseIcon, TrashIcon } from "../../components/ui/icons";
import { deleteConversations, setArchived } from "./actions";
import type { ListKey } from "./cache";
import { keepFocusInList } from "./focus";
import { useRowContext } from "./rowContext";
import { selectionDispatch } from "./selection";
import { useSidebarStore } from "./sidebarStore";

function BarButton({
  label,
  icon,
  onClick,
  disabled,
  danger,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  disabled: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className={clsx(
        "inline-flex min-w-0 flex-auto items-center justify-center gap-1.5 rounded-lg border border-line-strong bg-surface px-2 py-1.5 text-[0.8rem] font-medium transition-colors hover:bg-sidebar disabled:cursor-not-allowed disabled:opacity-50",
        danger ? "text-danger" : "text-ink",
      )}
    >
      <span className="size-4 shrink-0" aria-hidden="true">
        {icon}
      </span>
      <span className="truncate">{label}</span>
    </button>
  );
}

const iconProps = { className: "size-4", strokeWidth: 1.8, "aria-hidden": true } as const;

/** Select mode's bar: how many are chosen and what can be done to all of them at once. */
export function SelectionBar({
  list,
  chosen,
  order,
  activeId,
}: {
  list: ListKey;
  chosen: readonly Conversation[];
  order: readonly string[];
  activeId: string | undefined;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { canMove } = useRowContext();
  const count = chosen.length;
  const none = count === 0;
  const all = count > 0 && count === order.length;
  const ids = new Set(chosen.map((c) => c.id));
  const allRef = useRef<HTMLInputElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = !all && !none;
  }, [all, none]);

  // focus moves on to the rows that stay, then the bar goes with select mode
  const act = (apply: () => void) => {
    keepFocusInList(ids, barRef.current);
    apply();
    selectionDispatch({ type: "exit" });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of actions, not a fieldset of inputs.
    <div
      ref={barRef}
      role="group"
      aria-label="Selected chats"
      className="mx-2 mb-2 animate-fade-in rounded-xl border border-line bg-raised p-2 shadow-sm"
    >
      <div className="flex items-center gap-2 pb-2 pl-0.5">
        <input
          ref={allRef}
          type="checkbox"
          checked={all}
          aria-label="Select all"
          title={all ? "Select none" : "Select all"}
          onChange={() => selectionDispatch(all ? { type: "none" } : { type: "all", ids: order })}
          className="size-4 shrink-0 cursor-pointer accent-accent-strong"
        />
        <p className="min-w-0 flex-1 text-sm font-medium text-ink" aria-live="polite">
          {count} selected
        </p>
        <button
          type="button"
          onClick={() => selectionDispatch({ type: "exit" })}
          className="inline-flex items-center gap-1 rounded-lg px-2 py-1 text-sm text-ink-soft transition-colors hover:bg-line/60 hover:text-ink"
        >
          <CloseIcon className="size-3.5" />
          Cancel
        </button>
      </div>
      <div className="flex gap-1.5">
        {list === "active" ? (
          <BarButton
            label="Archive"
            icon={<ArchiveIcon {...iconProps} />}
            disabled={none}
            onClick={() => act(() => setArchived(queryClient, chosen, true))}
          />
        ) : (
          <BarButton
            label="Unarchive"
            icon={<ArchiveRestore {...iconProps} />}
            disabled={none}
            onClick={() => act(() => setArchived(queryClient, chosen, false))}
          />
        )}
        {canMove && (
          <BarButton
            label="Move"
            icon={<FolderInput {...iconProps} />}
            disabled={none}
            onClick={() => useSidebarStore.getState().setMoving(chosen)}
          />
        )}
        <BarButton
          label="Delete"
          danger
          icon={<TrashIcon {...iconProps} />}
          disabled={none}
          onClick={() =>
            act(() =>
              deleteConversations(queryClient, chosen, {
                list,
                onRemoved: (gone) => {
                  if (activeId && gone.has(activeId)) navigate("/");
                },
              }),
            )
          }
        />
      </div>
    </div>
  );
}
