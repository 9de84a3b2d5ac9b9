import clsx from "clsx";
import { type FormEvent, type ReactNode, useLayoutEffect, useRef } from "react";
import { SendIcon, StopIcon } from "../../components/ui/icons";
import { estimateTokens, formatCount } from "../../lib/format";
import { filesFromPaste } from "../files/transfer";
import { IS_APPLE } from "../search/shortcut";
import { sendsMessage } from "./sendKey";

interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  onStop?: () => void;
  streaming?: boolean;
  busy?: boolean;
  placeholder?: string;
  toolbar?: ReactNode;
  autoFocus?: boolean;
  /** The files waiting to go with the message, shown above the text. */
  attachments?: ReactNode;
  /** Warnings about this send (a model that can't see the images), above everything. */
  notices?: ReactNode;
  /** Beside the character count, e.g. the context meter. */
  meter?: ReactNode;
  /** Files alone make a message: Send works with no text. */
  hasAttachments?: boolean;
  /** Send waits until every file is uploaded. */
  uploading?: boolean;
  /** Files pasted into the box; a text paste is left to the text box. */
  onPasteFiles?: (files: File[]) => void;
  /** false: Enter adds a new line and Ctrl/⌘+Enter sends (the person's setting). */
  sendOnEnter?: boolean;
}

const SEND_KEYS = IS_APPLE ? "⌘+Enter" : "Ctrl+Enter";

const MAX_HEIGHT = 320;

export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  streaming = false,
  busy = false,
  placeholder = "Message Parley…",
  toolbar,
  autoFocus = false,
  attachments,
  notices,
  meter,
  hasAttachments = false,
  uploading = false,
  onPasteFiles,
  sendOnEnter = true,
}: ComposerProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const empty = value.trim().length === 0 && !hasAttachments;
  const canSend = !empty && !streaming && !busy && !uploading;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text, read from the DOM.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
    el.style.overflowY = el.scrollHeight > MAX_HEIGHT ? "auto" : "hidden";
  }, [value]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(value.trim());
  };

  const chars = value.length;
  return (
    <form
      onSubmit={submit}
      aria-label="Send a message"
      className="rounded-2xl border border-line-strong bg-surface shadow-[0_2px_12px_rgba(20,20,19,0.06)] transition-shadow focus-within:border-accent/70 focus-within:shadow-[0_2px_16px_rgba(204,120,92,0.14)]"
    >
      {notices}
      {attachments}
      <label htmlFor="composer" className="sr-only">
        Message
      </label>
      <textarea
        id="composer"
        ref={ref}
        value={value}
        rows={1}
        // biome-ignore lint/a11y/noAutofocus: focusing the message box is the point of opening a chat.
        autoFocus={autoFocus}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          if (!onPasteFiles) return;
          const files = filesFromPaste(e.clipboardData);
          if (files.length === 0) return;
          e.preventDefault();
          onPasteFiles(files);
        }}
        onKeyDown={(e) => {
          const { key, shiftKey, ctrlKey, metaKey } = e;
          const isComposing = e.nativeEvent.isComposing;
          if (sendsMessage({ key, shiftKey, ctrlKey, metaKey, isComposing }, sendOnEnter)) {
            e.preventDefault();
            submit();
          }
        }}
        aria-describedby="composer-hint"
        className="chat-input-text block max-h-80 min-h-[3.25rem] w-full resize-none bg-transparent px-4 pb-1 pt-3.5 leading-relaxed text-ink outline-none placeholder:text-muted focus-visible:outline-none"
      />
      <span id="composer-hint" className="sr-only">
        {sendOnEnter
          ? "Enter sends, Shift+Enter adds a new line."
          : `${SEND_KEYS} sends, Enter adds a new line.`}
      </span>
      <div className="flex items-center gap-2 px-2.5 pb-2.5">
        <div className="min-w-0 flex-1">{toolbar}</div>
        {!sendOnEnter && (
          <span aria-hidden="true" className="shrink-0 text-xs text-muted max-sm:hidden">
            {SEND_KEYS} to send
          </span>
        )}
        <span
          className={clsx(
            "text-xs tabular-nums text-muted transition-opacity max-sm:hidden",
            chars === 0 && "opacity-0",
          )}
          data-testid="composer-count"
          aria-live="off"
        >
          {formatCount(chars)} chars · ≈{formatCount(estimateTokens(value))} tokens
        </span>
        {meter}
        {streaming ? (
          <button
            type="button"
            onClick={onStop}
            aria-label="Stop generating"
            title="Stop generating"
            className="flex size-9 items-center justify-center rounded-xl bg-ink text-bg transition-transform hover:scale-105"
          >
            <StopIcon className="size-4" />
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            aria-label="Send message"
            title={uploading ? "Wait for the files to finish uploading" : "Send message"}
            className="flex size-9 items-center justify-center rounded-xl bg-brand text-white shadow-sm transition-colors hover:bg-brand-strong disabled:cursor-not-allowed disabled:bg-line-strong disabled:text-muted disabled:shadow-none"
          >
            <SendIcon className="size-[1.1rem]" strokeWidth={2.2} />
          </button>
        )}
      </div>
    </form>
  );
}
