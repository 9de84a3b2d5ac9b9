import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useNavigate } from "react-router";
import { IconButton } from "../../components/ui/Button";
import { CloseIcon, SearchIcon, SpinnerIcon } from "../../components/ui/icons";
import { ACTIONS, filterActions } from "./actions";
import { useDelayedFlag, useSearch } from "./hooks";
import { buildOptions, hitPath, type PaletteOption } from "./options";
import { ActionRow, HitRow, KeyHints, MoreRow, OptionGroup, Row } from "./PaletteRows";
import { PaletteStatus } from "./PaletteStatus";
import { usePaletteActions } from "./usePaletteActions";

// Long enough that an answer from a nearby server shows no spinner at all.
const SPINNER_DELAY_MS = 300;

/**
 * Ctrl/⌘+K: search every conversation as you type, or run an action. A combobox over one listbox:
 * focus never leaves the search box, ↑/↓ move the active option (aria-activedescendant), Enter
 * opens it. The native modal dialog traps focus and closes on Escape.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const titleId = useId();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const { results, query, settled } = useSearch(text);
  const searching = text.trim() !== "";

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    input.current?.focus();
    return () => {
      if (element?.open) element.close?.();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const hits = useMemo(
    () => (searching ? (results.data?.pages.flatMap((p) => p.items) ?? []) : []),
    [searching, results.data],
  );
  const hasMore = searching && Boolean(results.hasNextPage);
  const options = useMemo(
    () => buildOptions(hits, hasMore, filterActions(ACTIONS, text)),
    [hits, hasMore, text],
  );
  const hitOptions = options.filter((o) => o.kind === "hit");
  const active = options.find((o) => o.key === activeKey) ?? options[0] ?? null;
  const optionId = (option: PaletteOption) => `${listId}-${option.key}`;

  // After "Show more" was picked, the first of the new hits becomes the active option (set while
  // rendering, so no frame shows another one active). Loads from scrolling leave it alone, unless
  // the active option was that row.
  const [firstNew, setFirstNew] = useState<number | null>(null);
  if (firstNew !== null && hitOptions.length > firstNew) {
    setFirstNew(null);
    setActiveKey(hitOptions[firstNew]?.key ?? null);
  }

  const { fetchNextPage, isFetchingNextPage } = results;
  const loadMore = useCallback(
    (moveToNew: boolean) => {
      if (isFetchingNextPage) return;
      if (moveToNew) setFirstNew(hitOptions.length);
      void fetchNextPage();
    },
    [fetchNextPage, isFetchingNextPage, hitOptions.length],
  );

  const { dark, runAction } = usePaletteActions();

  const pick = (option: PaletteOption) => {
    if (option.kind === "more") {
      loadMore(true);
      return;
    }
    onClose();
    if (option.kind === "hit") navigate(hitPath(option.hit));
    else runAction(option.action.id);
  };

  const move = (step: number) => {
    if (options.length === 0) return;
    const index = active ? options.indexOf(active) : -1;
    const next = options[(index + step + options.length) % options.length];
    if (!next) return;
    setActiveKey(next.key);
    document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active) pick(active);
    }
  };

  // Loading more as the "Show more" row scrolls into view; the row stays for the keyboard.
  const moreRef = useRef<HTMLDivElement>(null);
  const moreActive = useRef(false);
  useLayoutEffect(() => {
    moreActive.current = active?.kind === "more";
  });
  useEffect(() => {
    const el = moreRef.current;
    if (!el || !hasMore || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore(moreActive.current);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);

  const spinner = useDelayedFlag(searching && (!settled || results.isFetching), SPINNER_DELAY_MS);
  const conversationOptions = options.filter((o) => o.kind !== "action");
  const actionOptions = options.filter((o) => o.kind === "action");

  const row = (option: PaletteOption) => (
    <Row
      key={option.key}
      ref={option.kind === "more" ? moreRef : undefined}
      id={optionId(option)}
      active={option === active}
      onHover={() => setActiveKey(option.key)}
      onPick={() => pick(option)}
    >
      {option.kind === "hit" && <HitRow hit={option.hit} now={now} />}
      {option.kind === "more" && <MoreRow loading={isFetchingNextPage} />}
      {option.kind === "action" && (
        <ActionRow action={option.action.id} label={option.action.label} dark={dark} />
      )}
    </Row>
  );

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a backdrop click is the mouse twin of Escape, which onCancel handles.
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-search-palette=""
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
      className="mx-auto mb-auto mt-[12vh] max-h-[min(36rem,80dvh)] w-[min(40rem,calc(100vw-1.5rem))] max-w-none flex-col overflow-hidden rounded-2xl border border-line bg-raised p-0 text-ink shadow-2xl backdrop:bg-black/40 backdrop:backdrop-blur-[2px] open:flex open:animate-fade-in max-sm:mt-3"
    >
      <h2 id={titleId} className="sr-only">
        Search
      </h2>
      <div className="flex shrink-0 items-center gap-2 border-b border-line py-2 pl-4 pr-2">
        {spinner ? (
          <SpinnerIcon className="size-5 shrink-0 animate-spin text-muted" />
        ) : (
          <SearchIcon className="size-5 shrink-0 text-muted" />
        )}
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Search conversations and actions"
          aria-expanded={options.length > 0}
          aria-controls={options.length > 0 ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(active) : undefined}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={200}
          enterKeyHint="go"
          placeholder="Search chats or run a command…"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActiveKey(null);
            setFirstNew(null);
          }}
          onKeyDown={onKeyDown}
          className="h-10 min-w-0 flex-1 bg-transparent text-base text-ink outline-none placeholder:text-muted focus-visible:outline-none"
        />
        <IconButton label="Close search" onClick={onClose}>
          <CloseIcon className="size-5" />
        </IconButton>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2">
        <PaletteStatus
          searching={searching}
          query={query}
          settled={settled}
          results={results}
          count={hits.length}
          busy={spinner}
        />
        {options.length > 0 && (
          <div id={listId} role="listbox" aria-label="Results">
            {conversationOptions.length > 0 && (
              <OptionGroup label="Conversations">{conversationOptions.map(row)}</OptionGroup>
            )}
            {actionOptions.length > 0 && (
              <OptionGroup label="Actions" spaced={conversationOptions.length > 0}>
                {actionOptions.map(row)}
              </OptionGroup>
            )}
          </div>
        )}
      </div>
      <KeyHints />
    </dialog>
  );
}
