import clsx from "clsx";
import { Settings } from "lucide-react";
import type { ReactNode, Ref } from "react";
import type { SearchHit } from "../../api/types";
import {
  ChatBubbleIcon,
  FolderPlusIcon,
  MoonIcon,
  PlusIcon,
  SpinnerIcon,
  SunIcon,
} from "../../components/ui/icons";
import type { ActionId } from "./actions";
import { formatRelative } from "./relativeTime";
import { Snippet } from "./Snippet";

interface RowProps {
  ref?: Ref<HTMLDivElement>;
  id: string;
  active: boolean;
  onHover: () => void;
  onPick: () => void;
  children: ReactNode;
}

/** An option of the listbox. Focus stays in the search box; the option only looks active. */
export function Row({ ref, id, active, onHover, onPick, children }: RowProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keyboard (aria-activedescendant).
    <div
      ref={ref}
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      data-active={active || undefined}
      onPointerMove={active ? undefined : onHover}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
      className={clsx(
        "flex cursor-pointer scroll-my-1 items-start gap-3 rounded-xl px-3 py-2.5 text-left",
        active ? "bg-sidebar" : "",
      )}
    >
      {children}
    </div>
  );
}

const ROLE_LABEL = { user: "You", assistant: "Parley" } as const;

export function HitRow({ hit, now }: { hit: SearchHit; now: Date }) {
  const title = hit.conversation_title || "New chat";
  const titleMatched = hit.message_id === null;
  return (
    <>
      <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-lg bg-line/60 text-ink-soft">
        <ChatBubbleIcon className="size-4" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-3">
          <span className="min-w-0 flex-1 truncate text-sm font-medium text-ink">
            {titleMatched && hit.snippet.length > 0 ? <Snippet segments={hit.snippet} /> : title}
          </span>
          <time dateTime={hit.created_at} className="shrink-0 text-xs text-muted">
            {formatRelative(hit.created_at, now)}
          </time>
        </span>
        <span className="mt-0.5 line-clamp-2 break-words text-[0.8125rem] leading-snug text-ink-soft">
          {titleMatched ? (
            <span className="text-muted">Title</span>
          ) : (
            <>
              {hit.role && <span className="text-muted">{ROLE_LABEL[hit.role]}: </span>}
              <Snippet segments={hit.snippet} />
            </>
          )}
        </span>
      </span>
    </>
  );
}

export function MoreRow({ loading }: { loading: boolean }) {
  return (
    <span className="flex min-h-7 flex-1 items-center gap-2 pl-10 text-sm text-ink-soft">
      {loading && <SpinnerIcon className="size-4 animate-spin" />}
      {loading ? "Loading more…" : "Show more results"}
    </span>
  );
}

function actionIcon(action: ActionId, dark: boolean) {
  switch (action) {
    case "new-chat":
      return <PlusIcon className="size-4" />;
    case "new-project":
      return <FolderPlusIcon className="size-4" />;
    case "toggle-theme":
      return dark ? <SunIcon className="size-4" /> : <MoonIcon className="size-4" />;
    case "settings":
      return <Settings className="size-4" aria-hidden="true" />;
    default: {
      const unknown: never = action;
      throw new Error(`unhandled action ${String(unknown)}`);
    }
  }
}

export function ActionRow({
  action,
  label,
  dark,
}: {
  action: ActionId;
  label: string;
  dark: boolean;
}) {
  return (
    <>
      <span className="flex size-7 shrink-0 items-center justify-center rounded-lg bg-line/60 text-ink-soft">
        {actionIcon(action, dark)}
      </span>
      <span className="flex min-h-7 min-w-0 flex-1 items-center justify-between gap-3 text-sm text-ink">
        {label}
        {action === "toggle-theme" && (
          <span className="text-xs text-muted">{dark ? "Switch to light" : "Switch to dark"}</span>
        )}
      </span>
    </>
  );
}

/** Options under a heading; the heading is hidden from the accessibility tree, the label says it. */
export function OptionGroup({
  label,
  spaced = false,
  children,
}: {
  label: string;
  spaced?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of options, not a fieldset.
    <div role="group" aria-label={label} className={spaced ? "mt-2" : undefined}>
      <div aria-hidden="true" className="px-3 pb-1 pt-2 text-xs font-medium text-muted">
        {label}
      </div>
      {children}
    </div>
  );
}

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-line-strong bg-surface px-1 font-sans text-[0.6875rem] text-ink-soft">
      {children}
    </kbd>
  );
}

/** The keys, for keyboards only: hidden on touch screens and from screen readers (they know). */
export function KeyHints() {
  return (
    <footer
      aria-hidden="true"
      className="hidden shrink-0 items-center gap-4 border-t border-line px-4 py-2 text-xs text-muted sm:flex [@media(pointer:coarse)]:hidden"
    >
      <span>
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> to move
      </span>
      <span>
        <Kbd>↵</Kbd> to open
      </span>
      <span>
        <Kbd>esc</Kbd> to close
      </span>
    </footer>
  );
}
