import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import clsx from "clsx";
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef } from "react";
import type { Conversation } from "../../api/types";
import { ConversationItem } from "./ConversationItem";
import type { ListKey } from "./cache";

export interface RowGroup {
  group: string;
  items: Conversation[];
}

type Row =
  | { kind: "header"; group: number }
  | { kind: "item"; group: number; at: number; conversation: Conversation };

const HEADER_PX = 28;
const GAP_PX = 12;
const ROW_PX = 32;

interface VirtualRowsProps {
  groups: readonly RowGroup[];
  list: ListKey;
  activeId: string | undefined;
  selecting: boolean;
  selected: ReadonlySet<string>;
  /** Called as the end of what is loaded comes near, to fetch the next page. */
  onNearEnd: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  /** Shown above and below the rows, inside the scrolling area. */
  before: ReactNode;
  after: ReactNode;
}

/**
 * Only the rows in and near view are in the page, so thousands of chats scroll, select and
 * navigate as fast as fifty. The markup stays a region per date group with its heading and a
 * list, rows absolutely placed; the focused row is always kept, so focus never drops.
 */
export function VirtualRows({
  groups,
  list,
  activeId,
  selecting,
  selected,
  onNearEnd,
  onKeyDown,
  before,
  after,
}: VirtualRowsProps) {
  // The scrolling element is rendered here, not by the parent: the virtualizer looks for it in
  // a layout effect, which runs before a parent's ref is attached.
  const scrollRef = useRef<HTMLDivElement>(null);
  const headed = list === "active";
  const { rows, spans } = useMemo(() => {
    const flat: Row[] = [];
    // where each group starts (its heading), where its rows start, and its last row
    const bounds: { first: number; rows: number; last: number }[] = [];
    groups.forEach((g, group) => {
      const first = flat.length;
      if (headed) flat.push({ kind: "header", group });
      g.items.forEach((conversation, at) => {
        flat.push({ kind: "item", group, at, conversation });
      });
      bounds.push({ first, rows: headed ? first + 1 : first, last: flat.length - 1 });
    });
    return { rows: flat, spans: bounds };
  }, [groups, headed]);

  // The focused row (a link, its menu, the title being edited) stays in the page when it
  // scrolls away, by id, so rows added above it do not swap it for another.
  const focused = useRef<string | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const id = focused.current;
    if (id === null) return indexes;
    const keep = rowsRef.current.findIndex((r) => r.kind === "item" && r.conversation.id === id);
    if (keep !== -1 && !indexes.includes(keep)) {
      indexes.push(keep);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === "header" ? HEADER_PX + (i > 0 ? GAP_PX : 0) : ROW_PX),
    getItemKey: (i) => {
      const row = rows[i];
      if (!row) return i;
      return row.kind === "header" ? `group:${groups[row.group]?.group}` : row.conversation.id;
    },
    overscan: 12,
    rangeExtractor,
  });

  const visible = virtualizer.getVirtualItems();
  const last = visible.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= rows.length - 15) onNearEnd();
  }, [last, rows.length, onNearEnd]);

  // The rows in view, back in their groups. Each region and list spans its rows (placed by
  // the virtualizer's measurements), so it has a real box for assistive tech and hit testing.
  const boxes = virtualizer.measurementsCache;
  const sections = new Map<number, { header: ReactNode; items: ReactNode[] }>();
  for (const v of visible) {
    const row = rows[v.index];
    if (!row) continue;
    const section = sections.get(row.group) ?? { header: null, items: [] };
    sections.set(row.group, section);
    const span = spans[row.group];
    const top = boxes[span?.first ?? 0]?.start ?? 0;
    const listTop = boxes[span?.rows ?? 0]?.start ?? top;
    if (row.kind === "header") {
      section.header = (
        <h2
          key="heading"
          ref={virtualizer.measureElement}
          data-index={v.index}
          style={{ top: v.start - top }}
          className={clsx(
            "absolute inset-x-0 px-3 pb-1 text-xs font-medium text-muted",
            v.index > 0 ? "pt-5" : "pt-2",
          )}
        >
          {groups[row.group]?.group}
        </h2>
      );
    } else {
      section.items.push(
        <ConversationItem
          key={row.conversation.id}
          conversation={row.conversation}
          active={row.conversation.id === activeId}
          list={list}
          selecting={selecting}
          selected={selected.has(row.conversation.id)}
          index={v.index}
          top={v.start - listTop}
          position={row.at + 1}
          setSize={groups[row.group]?.items.length ?? 0}
          measure={virtualizer.measureElement}
        />,
      );
    }
  }

  const placed = (group: number) => {
    const span = spans[group];
    const top = boxes[span?.first ?? 0]?.start ?? 0;
    const listTop = boxes[span?.rows ?? 0]?.start ?? top;
    const end = boxes[span?.last ?? 0]?.end ?? listTop;
    return {
      section: { top, height: end - top },
      list: { top: listTop - top, height: end - listTop },
    };
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape leaves select mode from any row, and focus is noted to keep its row; the rows are the controls.
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-4"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        focused.current =
          event.target.closest("[data-row-id]")?.getAttribute("data-row-id") ?? null;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          focused.current = null;
        }
      }}
    >
      {before}
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {[...sections].map(([group, { header, items }]) => {
          const name = groups[group]?.group ?? "";
          const box = placed(group);
          if (!headed) {
            return (
              <ul
                key={name}
                aria-label="Archived chats"
                className="absolute inset-x-0"
                style={{ top: box.section.top, height: box.section.height }}
              >
                {items}
              </ul>
            );
          }
          return (
            <section
              key={name}
              aria-label={name}
              className="absolute inset-x-0"
              style={box.section}
            >
              {header}
              <ul className="absolute inset-x-0" style={box.list}>
                {items}
              </ul>
            </section>
          );
        })}
      </div>
      {after}
    </div>
  );
}
