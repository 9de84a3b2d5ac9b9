import { useVirtualizer } from "@tanstack/react-virtual";
import clsx from "clsx";
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { ArrowDownIcon } from "../../components/ui/icons";
import type { BranchEntry } from "./branch";
import { MessageItem } from "./MessageItem";

export interface MessageListHandle {
  scrollToLatest: () => void;
}

interface MessageListProps {
  entries: BranchEntry[];
  retryableId: string | null;
  editable: boolean;
  onRetry: (messageId: string) => void;
  onPickSibling: (messageId: string, siblingId: string) => void;
  onEdit: (messageId: string, text: string, attachments: string[]) => void;
  /** A message to bring into view and mark for a moment (a search hit); null for none. */
  focusId?: string | null;
  /** Called once the list has scrolled to `focusId`. */
  onFocused?: (messageId: string) => void;
}

const NEAR_BOTTOM_PX = 80;
const FLASH_MS = 2200;
const SETTLE_FRAMES = 12;

/**
 * Virtualised so long conversations stay cheap: only the rows near the viewport are mounted.
 * Follows the stream while the reader is at the bottom; scrolling up pauses that until they jump back.
 */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList(
  { entries, retryableId, editable, onRetry, onPickSibling, onEdit, focusId = null, onFocused },
  handle,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 160,
    overscan: 4,
    getItemKey: (index) => entries[index]?.message.id ?? index,
    paddingStart: 24,
    paddingEnd: 32,
  });

  const scrollToLatest = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    stick.current = true;
    setAtBottom(true);
    el.scrollTop = el.scrollHeight;
  }, []);

  useImperativeHandle(handle, () => ({ scrollToLatest }), [scrollToLatest]);

  // Open at the newest message, unless a message to focus is there to open at instead.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || entries.length === 0) return;
    opened.current = true;
    if (focusId && entries.some((e) => e.message.id === focusId)) return;
    virtualizer.scrollToIndex(entries.length - 1, { align: "end" });
    requestAnimationFrame(() => scrollToLatest());
  }, [entries, focusId, virtualizer, scrollToLatest]);

  // Bring the focused message to the middle of the view and mark it briefly. Rows are measured as
  // they mount, so the first jump lands near it; the row itself then finishes the job.
  const [flashId, setFlashId] = useState<string | null>(null);
  const focused = useRef<string | null>(null);
  useLayoutEffect(() => {
    // Once per request: the parent drops `focusId` soon after, but not necessarily in this render.
    if (!focusId) {
      focused.current = null;
      return;
    }
    if (focused.current === focusId) return;
    const index = entries.findIndex((e) => e.message.id === focusId);
    if (index < 0) return;
    focused.current = focusId;
    stick.current = false;
    setAtBottom(false);
    virtualizer.scrollToIndex(index, { align: "center" });
    setFlashId(focusId);
    onFocused?.(focusId);
  }, [focusId, entries, virtualizer, onFocused]);
  useEffect(() => {
    if (!flashId) return;
    // Rows above it are measured as they mount and push it down: follow it for a few frames.
    let frames = 0;
    let frame = requestAnimationFrame(function settle() {
      const el = scrollRef.current;
      const rows = el ? Array.from(el.querySelectorAll<HTMLElement>("[data-message-id]")) : [];
      const row = rows.find((r) => r.dataset.messageId === flashId);
      if (el && row) {
        const view = el.getBoundingClientRect();
        const box = row.getBoundingClientRect();
        // Centred when it fits; a long message shows from its start.
        const margin = box.height < view.height ? (view.height - box.height) / 2 : 0;
        const delta = box.top - view.top - margin;
        if (Math.abs(delta) > 1) el.scrollTop += delta;
      }
      if (++frames < SETTLE_FRAMES) frame = requestAnimationFrame(settle);
    });
    const timer = window.setTimeout(() => setFlashId(null), FLASH_MS);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [flashId]);

  // Keep following while the content grows (streaming text, rows being measured).
  useEffect(() => {
    const inner = innerRef.current;
    const el = scrollRef.current;
    if (!inner || !el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    stick.current = near;
    if (near !== atBottom) setAtBottom(near);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className="h-full overflow-y-auto overscroll-contain [scrollbar-gutter:stable]"
        data-testid="message-scroller"
      >
        <div
          ref={innerRef}
          role="log"
          aria-label="Messages"
          aria-live="off"
          className="relative mx-auto w-full max-w-3xl"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            const { message } = entry;
            return (
              <div
                key={item.key}
                data-index={item.index}
                data-message-id={message.id}
                data-highlighted={message.id === flashId || undefined}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full px-4 pb-6 sm:px-6"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div
                  className={clsx(
                    "-mx-3 -my-2 rounded-2xl px-3 py-2 transition-colors duration-1000",
                    message.id === flashId && "bg-accent-soft",
                  )}
                >
                  <MessageItem
                    message={message}
                    canRetry={message.id === retryableId}
                    onRetry={onRetry}
                    siblings={
                      entry.siblingCount > 1
                        ? { index: entry.siblingIndex, ids: entry.siblingIds }
                        : undefined
                    }
                    onPickSibling={onPickSibling}
                    canEdit={editable}
                    onEdit={onEdit}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {!atBottom && (
        <button
          type="button"
          onClick={scrollToLatest}
          className="absolute bottom-3 left-1/2 flex -translate-x-1/2 animate-fade-in items-center gap-1.5 rounded-full border border-line-strong bg-raised px-3.5 py-1.5 text-sm text-ink shadow-lg hover:bg-sidebar"
        >
          <ArrowDownIcon className="size-4" />
          Jump to latest
        </button>
      )}
    </div>
  );
});
