import { useCallback } from "react";
import { useDraftStore } from "../../app/uiStore";

/** Puts text at the start of the message box (once) and the caret at its end, for the person to finish. */
export function usePrefillComposer(draftKey: string) {
  const setDraft = useDraftStore((s) => s.setDraft);
  return useCallback(
    (prefix: string) => {
      const current = useDraftStore.getState().drafts[draftKey] ?? "";
      setDraft(draftKey, current.startsWith(prefix) ? current : `${prefix}${current}`);
      requestAnimationFrame(() => {
        const box = document.getElementById("composer");
        if (!(box instanceof HTMLTextAreaElement)) return;
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
      });
    },
    [draftKey, setDraft],
  );
}
