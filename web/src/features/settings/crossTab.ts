const CHANNEL_NAME = "parley-settings";
const STORAGE_KEY = "parley-settings-changed";
const MESSAGE = "settings-changed";

export interface SettingsChannel {
  /** Tells the other tabs that the settings changed (never this one). */
  notify: () => void;
  /** Calls back when another tab says so; returns the unsubscribe. */
  listen: (onChange: () => void) => () => void;
  close: () => void;
}

/**
 * A BroadcastChannel where there is one; otherwise a localStorage write, which fires a
 * `storage` event in every other tab of the origin.
 */
export function createSettingsChannel(): SettingsChannel {
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(CHANNEL_NAME);
    return {
      notify: () => channel.postMessage({ type: MESSAGE }),
      listen: (onChange) => {
        const handler = (event: MessageEvent<unknown>) => {
          const data = event.data as { type?: unknown } | null;
          if (data?.type === MESSAGE) onChange();
        };
        channel.addEventListener("message", handler);
        return () => channel.removeEventListener("message", handler);
      },
      close: () => channel.close(),
    };
  }
  return {
    notify: () => {
      try {
        // A fresh value each time: writing the same value again fires no event.
        localStorage.setItem(STORAGE_KEY, `${Date.now()}-${Math.random()}`);
      } catch {
        // storage blocked (privacy modes): other tabs catch up when next loaded
      }
    },
    listen: (onChange) => {
      const handler = (event: StorageEvent) => {
        if (event.key === STORAGE_KEY) onChange();
      };
      window.addEventListener("storage", handler);
      return () => window.removeEventListener("storage", handler);
    },
    close: () => undefined,
  };
}

let shared: SettingsChannel | null = null;

/** The tab's one channel: a tab does not hear its own messages on it. */
export function settingsChannel(): SettingsChannel {
  shared ??= createSettingsChannel();
  return shared;
}
