import { Check } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { AlertIcon, SpinnerIcon } from "../../components/ui/icons";
import { useSaveStatus } from "./saveStatus";

const SAVED_SHOWN_MS = 2500;

/** A quiet note beside the title: "Saving…", then "Saved" for a moment, or that a change failed. */
export function SaveStatus() {
  const pending = useSaveStatus((s) => s.pending);
  const savedCount = useSaveStatus((s) => s.savedCount);
  const failed = useSaveStatus((s) => s.failure !== null);
  const [showSaved, setShowSaved] = useState(false);
  // Saves made before the page opened (the theme toggle elsewhere) are not news here.
  const countAtOpen = useRef(savedCount);

  useEffect(() => {
    if (savedCount === countAtOpen.current) return;
    setShowSaved(true);
    const timer = setTimeout(() => setShowSaved(false), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [savedCount]);

  const state = pending > 0 ? "saving" : failed ? "failed" : showSaved ? "saved" : "idle";
  return (
    <span className="inline-flex min-h-6 items-center text-sm text-muted" data-testid="save-status">
      {/* Only "Saved" is announced: "Saving…" at every pause in typing would be noise, and a
          failure is announced where it happened (an alert under the setting). */}
      <span role="status" className="inline-flex items-center">
        {state === "saved" && (
          <span className="inline-flex animate-fade-in items-center gap-1.5">
            <Check className="size-4 text-[#1f7a3a] dark:text-[#8fdba6]" aria-hidden="true" />
            Saved
          </span>
        )}
      </span>
      {state === "saving" && (
        <span className="inline-flex items-center gap-1.5" aria-hidden="true">
          <SpinnerIcon className="size-3.5 animate-spin" />
          Saving…
        </span>
      )}
      {state === "failed" && (
        <span className="inline-flex items-center gap-1.5 text-danger" aria-hidden="true">
          <AlertIcon className="size-4" />
          Not saved
        </span>
      )}
    </span>
  );
}
