import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import type { ModelList, SettingsChange, UserSettings } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { DEFAULT_SETTINGS } from "./defaults";

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });

export const MODELS = {
  default_model: "claude-sonnet",
  models: [
    { id: "claude-sonnet", name: "Claude Sonnet" },
    { id: "claude-haiku", name: "Claude Haiku" },
  ],
} as unknown as ModelList;

/**
 * The settings endpoints, answered like the server: PATCH merges into what is stored, unless
 * `refuse` returns a 422 detail for the change.
 */
export function serveSettings(
  start: Partial<UserSettings> = {},
  refuse: (change: SettingsChange) => string | null = () => null,
) {
  let stored: UserSettings = { ...DEFAULT_SETTINGS, ...start };
  const patches: SettingsChange[] = [];
  const gets: string[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(String(input), "http://parley.test");
    const method = init?.method ?? "GET";
    if (url.pathname === "/api/settings" && method === "PATCH") {
      const change = JSON.parse(String(init?.body)) as SettingsChange;
      patches.push(change);
      const refused = refuse(change);
      if (refused) return json({ detail: refused }, 422);
      stored = { ...stored, ...(change as Partial<UserSettings>) };
      return json(stored);
    }
    if (url.pathname === "/api/settings") {
      gets.push(url.pathname);
      return json(stored);
    }
    if (url.pathname === "/api/models") return json(MODELS);
    if (url.pathname === "/api/sandbox") {
      return json({ available: true, default_permission_mode: "ask", reason: null, languages: [] });
    }
    return json({ detail: "Not found." }, 404);
  });
  return {
    patches,
    gets,
    spy,
    setStored: (next: Partial<UserSettings>) => {
      stored = { ...stored, ...next };
    },
  };
}

/** Renders with the settings already loaded, as they are once the app has started. */
export function renderWithSettings(ui: ReactElement, settings: Partial<UserSettings> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(queryKeys.settings, { ...DEFAULT_SETTINGS, ...settings });
  client.setQueryData(queryKeys.models, MODELS);
  const result = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return { ...result, client };
}
