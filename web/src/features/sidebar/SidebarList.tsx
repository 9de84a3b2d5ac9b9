import type { KeyboardEvent } from "react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useNavigate, useParams } from "react-router";
import type { Conversation } from "../../api/types";
import { IconButton } from "../../components/ui/Button";
import { ChevronLeftIcon } from "../../components/ui/icons";
import { groupConversations } from "../../lib/dates";
import type { ListKey } from "./cache";
import { useArchivedConversations, useConversations, useProjects } from "./hooks";
import { type PickMode, RowContext, type RowContextValue } from "./rowContext";
import { SelectionBar } from "./SelectionBar";
import { selectionDispatch, useSelection } from "./selection";
import { useSidebarStore } from "./sidebarStore";
import { VirtualRows } from "./VirtualRows";

/** The chats (grouped by day, pinned first) or the archived ones, paged as they scroll in. */
export function SidebarList() {
  const view = useSidebarStore((s) => s.view);
  const setView = useSidebarStore((s) => s.setView);
  const { id: activeId } = useParams();
  const navigate = useNavigate();
  const list: ListKey = view === "archived" ? "archived" : "active";
  const chats = useConversations();
  const archived = useArchivedConversations(view === "archived");
  const query = view === "archived" ? archived : chats;
  const selecting = useSelection((s) => s.active);
  const selected = useSelection((s) => s.ids);
  const projects = useProjects();

  const groups = useMemo(() => {
    const items = (query.data?.pages ?? [])
      .flatMap((p) => p.items)
      // a row archived or brought back in this tab waits here until the server agrees
      .filter((c) => c.archived === (list === "archived"));
    return list === "archived" ? [{ group: "archived", items }] : groupConversations(items);
  }, [query.data, list]);

  const order = useMemo(() => groups.flatMap((g) => g.items.map((c) => c.id)), [groups]);
  const orderRef = useRef(order);
  orderRef.current = order;
  useEffect(() => {
    selectionDispatch({ type: "retain", ids: new Set(order) });
  }, [order]);

  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const pick = useCallback((id: string, mode: PickMode) => {
    selectionDispatch(
      mode === "range" ? { type: "range", id, order: orderRef.current } : { type: "toggle", id },
    );
  }, []);
  const canMove = (projects.data?.length ?? 0) > 0;
  const rowContext = useMemo<RowContextValue>(
    () => ({
      open: (path) => navigateRef.current(path),
      pathname: () => window.location.pathname,
      canMove,
      pick,
    }),
    [canMove, pick],
  );

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const chosen = useMemo(() => {
    const byId = new Map<string, Conversation>();
    for (const g of groups) for (const c of g.items) if (selected.has(c.id)) byId.set(c.id, c);
    return [...byId.values()];
  }, [groups, selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && selecting) {
      event.stopPropagation();
      selectionDispatch({ type: "exit" });
    }
  };

  const empty = list === "archived" ? "No archived chats." : "Your conversations will appear here.";

  return (
    <RowContext.Provider value={rowContext}>
      {list === "archived" && (
        <div className="flex items-center gap-1 px-2 pb-1">
          <IconButton label="Back to chats" className="size-8" onClick={() => setView("chats")}>
            <ChevronLeftIcon className="size-4" />
          </IconButton>
          <h2 className="text-sm font-medium text-ink">Archived chats</h2>
        </div>
      )}
      {selecting && <SelectionBar list={list} chosen={chosen} order={order} activeId={activeId} />}
      <VirtualRows
        groups={groups}
        list={list}
        activeId={activeId}
        selecting={selecting}
        selected={selected}
        onNearEnd={loadMore}
        onKeyDown={onKeyDown}
        before={
          <>
            {query.isPending && (
              <p className="px-3 py-2 text-sm text-muted" role="status">
                Loading conversations…
              </p>
            )}
            {query.isError && (
              <p className="px-3 py-2 text-sm text-danger" role="alert">
                Couldn't load conversations. {query.error.message}
              </p>
            )}
            {query.isSuccess && order.length === 0 && (
              <p className="px-3 py-2 text-sm text-muted">{empty}</p>
            )}
          </>
        }
        after={
          query.hasNextPage && (
            <button
              type="button"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              className="mx-3 mt-1 text-sm text-muted underline-offset-2 hover:text-ink hover:underline"
            >
              {query.isFetchingNextPage ? "Loading…" : "Show more"}
            </button>
          )
        }
      />
    </RowContext.Provider>
  );
}
