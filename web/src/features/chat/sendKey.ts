export interface EnterKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing: boolean;
}

/**
 * Whether a key press in the message box sends it. Ctrl/⌘+Enter always sends; plain Enter sends
 * only with the "Enter sends" setting on (otherwise it adds a new line, as Shift+Enter does).
 * Enter that ends an IME composition never sends.
 */
export function sendsMessage(event: EnterKey, sendOnEnter: boolean): boolean {
  if (event.key !== "Enter" || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey) return true;
  return sendOnEnter && !event.shiftKey;
}
