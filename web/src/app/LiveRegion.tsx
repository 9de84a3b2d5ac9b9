import { useAnnouncer } from "../lib/announcer";

/** One polite live region for the whole app; the chat announces whole sentences into it. */
export function LiveRegion() {
  const message = useAnnouncer((s) => s.message);
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">
      {message}
    </div>
  );
}
