/** Marks a row's focusable element (its link, or its checkbox in select mode). */
export const ROW_ATTRIBUTE = "data-conversation-row";

/**
 * When rows leave the list while focus is in it (a menu's Delete or Archive), focus goes to the
 * row after them, or before, or New chat, instead of falling back to the page.
 */
export function keepFocusInList(ids: ReadonlySet<string>, goingToo: Element | null = null) {
  const nav = document.activeElement?.closest("nav");
  if (!nav) return;
  const rows = Array.from(nav.querySelectorAll<HTMLElement>(`[${ROW_ATTRIBUTE}]`));
  const gone = (row: HTMLElement) => ids.has(row.getAttribute(ROW_ATTRIBUTE) ?? "");
  const first = rows.findIndex(gone);
  if (first === -1) return;
  const next =
    rows.slice(first).find((row) => !gone(row)) ??
    rows
      .slice(0, first)
      .reverse()
      .find((row) => !gone(row));
  const targetId = next?.getAttribute(ROW_ATTRIBUTE);
  const leaving: Element[] = rows.filter(gone).map((row) => row.closest("li") ?? row);
  if (goingToo) leaving.push(goingToo);
  let frames = 0;
  // the rows go at the list's next render: wait for it, a few frames at most
  const settle = () => {
    const current = document.activeElement;
    if (current && current !== document.body) {
      if (leaving.some((row) => row.contains(current)) && frames++ < 30) {
        requestAnimationFrame(settle);
      }
      // otherwise something else took focus meanwhile (the opened chat's message box): leave it
      return;
    }
    const target =
      (targetId &&
        nav.querySelector<HTMLElement>(`[${ROW_ATTRIBUTE}="${CSS.escape(targetId)}"]`)) ||
      nav.querySelector<HTMLElement>("[data-new-chat]");
    target?.focus();
  };
  requestAnimationFrame(settle);
}
