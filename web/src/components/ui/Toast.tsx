import clsx from "clsx";
import { useEffect } from "react";
import { create } from "zustand";
import { AlertIcon, CloseIcon } from "./icons";

export type ToastCloseReason = "timeout" | "action" | "dismiss" | "replaced";

export interface ToastInput {
  message: string;
  tone?: "info" | "error";
  /** One button beside the message, such as Undo; choosing it closes the toast. An `undo`
   * action is also what Ctrl/⌘+Z does while the toast is shown (outside text fields). */
  action?: { label: string; onAction: () => void; undo?: boolean };
  /** How long it stays while not hovered or focused; default 6 s. */
  durationMs?: number;
  onClose?: (reason: ToastCloseReason) => void;
}

export interface Toast extends ToastInput {
  id: number;
}

interface ToastState {
  toasts: Toast[];
}

export const MAX_TOASTS = 3;
const DEFAULT_DURATION_MS = 6000;

export const useToasts = create<ToastState>(() => ({ toasts: [] }));

interface Timer {
  handle: ReturnType<typeof setTimeout> | null;
  endsAt: number;
  remaining: number;
}

// Timers live beside the store, not in the component, so a toast expires on time even while
// the toaster re-renders, and pausing (hover, focus) is one call.
const timers = new Map<number, Timer>();
let nextId = 1;

function startTimer(id: number, ms: number) {
  timers.set(id, {
    handle: setTimeout(() => closeToast(id, "timeout"), ms),
    endsAt: Date.now() + ms,
    remaining: ms,
  });
}

function closeToast(id: number, reason: ToastCloseReason) {
  const closing = useToasts.getState().toasts.find((t) => t.id === id);
  if (!closing) return;
  const timer = timers.get(id);
  if (timer?.handle) clearTimeout(timer.handle);
  timers.delete(id);
  useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  closing.onClose?.(reason);
}

/** Shows a toast and returns its id; the oldest goes when more than MAX_TOASTS are shown. */
export function toast(input: ToastInput): number {
  const id = nextId++;
  const shown = useToasts.getState().toasts;
  useToasts.setState({ toasts: [...shown, { ...input, id }] });
  for (const old of shown.slice(0, Math.max(0, shown.length + 1 - MAX_TOASTS))) {
    closeToast(old.id, "replaced");
  }
  startTimer(id, input.durationMs ?? DEFAULT_DURATION_MS);
  return id;
}

export function dismissToast(id: number) {
  closeToast(id, "dismiss");
}

export function runToastAction(id: number) {
  const target = useToasts.getState().toasts.find((t) => t.id === id);
  if (!target?.action) return;
  closeToast(id, "action");
  target.action.onAction();
}

/** Ctrl/⌘+Z: the newest toast's undo, when focus is not in something that undoes its own text. */
export function undoFromKeyboard(event: KeyboardEvent): boolean {
  if (event.key.toLowerCase() !== "z" || event.shiftKey || event.altKey) return false;
  if (!(event.ctrlKey || event.metaKey)) return false;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]")) {
    return false;
  }
  const newest = useToasts.getState().toasts.findLast((t) => t.action?.undo);
  if (!newest) return false;
  event.preventDefault();
  runToastAction(newest.id);
  return true;
}

export function pauseToast(id: number) {
  const timer = timers.get(id);
  if (!timer?.handle) return;
  clearTimeout(timer.handle);
  timers.set(id, { handle: null, endsAt: timer.endsAt, remaining: timer.endsAt - Date.now() });
}

export function resumeToast(id: number) {
  const timer = timers.get(id);
  if (!timer || timer.handle) return;
  startTimer(id, Math.max(timer.remaining, 0));
}

function ToastCard({ item }: { item: Toast }) {
  const pause = () => pauseToast(item.id);
  const resume = () => resumeToast(item.id);
  return (
    <li
      data-testid="toast"
      onPointerEnter={pause}
      onPointerLeave={resume}
      onFocus={pause}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) resume();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") dismissToast(item.id);
      }}
      className="pointer-events-auto flex animate-fade-in items-center gap-2 rounded-xl bg-ink py-2 pl-4 pr-2 text-sm text-bg shadow-xl ring-1 ring-black/5"
    >
      {item.tone === "error" && (
        <AlertIcon className="size-4 shrink-0 text-[#fda29b] dark:text-[#b42318]" />
      )}
      <span className="min-w-0 flex-1 py-1.5 leading-snug">
        {item.tone === "error" && <span className="sr-only">Error: </span>}
        {item.message}
      </span>
      {item.action && (
        <button
          type="button"
          aria-keyshortcuts={item.action.undo ? "Control+Z Meta+Z" : undefined}
          title={item.action.undo ? "Undo (Ctrl+Z)" : undefined}
          onClick={() => runToastAction(item.id)}
          className="shrink-0 rounded-lg px-2.5 py-1.5 font-semibold underline-offset-2 transition-colors hover:bg-bg/15 hover:underline focus-visible:outline-bg"
        >
          {item.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss notification"
        title="Dismiss"
        onClick={() => dismissToast(item.id)}
        className="flex size-8 shrink-0 items-center justify-center rounded-lg text-bg/75 transition-colors hover:bg-bg/15 hover:text-bg focus-visible:outline-bg"
      >
        <CloseIcon className="size-4" />
      </button>
    </li>
  );
}

/** The stack of toasts, newest last; mount it once. The live region is always present, so a
 * screen reader hears each toast as it is added. */
export function Toaster({ className }: { className?: string }) {
  const toasts = useToasts((s) => s.toasts);
  const offersUndo = toasts.some((t) => t.action?.undo);
  useEffect(() => {
    if (!offersUndo) return;
    const onKey = (event: KeyboardEvent) => void undoFromKeyboard(event);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [offersUndo]);
  return (
    <section
      aria-label="Notifications"
      className={clsx(
        "pointer-events-none fixed inset-x-3 bottom-3 z-[60] md:inset-x-auto md:bottom-3 md:left-3 md:w-[16.5rem]",
        className,
      )}
    >
      <div role="status" aria-live="polite" aria-relevant="additions text">
        <ul className="flex flex-col gap-2">
          {toasts.map((t) => (
            <ToastCard key={t.id} item={t} />
          ))}
        </ul>
      </div>
    </section>
  );
}
