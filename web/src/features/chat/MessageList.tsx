import { useVirtualizer } from "@tanstack/react-virtual";
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
}

const NEAR_BOTTOM_PX = 80;

/**
 * Virtualised so long conversations stay cheap: only the rows near the viewport are mounted.
 * Follows the stream while the reader is at the bottom; scrolling up pauses that until they jump back.
 */
export const MessageList = forwardRef<MessageListHandle, MessageListProps>(function MessageList(
  { entries, retryableId, editable, onRetry, onPickSibling, onEdit },
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

  // Open at the newest message.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || entries.length === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(entries.length - 1, { align: "end" });
    requestAnimationFrame(() => scrollToLatest());
  }, [entries.length, virtualizer, scrollToLatest]);

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
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full px-4 pb-6 sm:px-6"
                style={{ transform: `translateY(${item.start}px)` }}
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
