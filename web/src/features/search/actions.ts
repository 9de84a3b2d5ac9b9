export type ActionId = "new-chat" | "new-project" | "toggle-theme" | "settings";

export interface PaletteAction {
  id: ActionId;
  label: string;
  /** Other words a person might type for it. */
  keywords: string;
}

export const ACTIONS: readonly PaletteAction[] = [
  { id: "new-chat", label: "New chat", keywords: "start conversation create compose" },
  { id: "new-project", label: "New project", keywords: "create folder workspace" },
  {
    id: "toggle-theme",
    label: "Toggle theme",
    keywords: "dark light mode appearance colour color",
  },
  {
    id: "settings",
    label: "Settings",
    keywords: "preferences options appearance font text size style instructions",
  },
];

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** The actions whose label or keywords have a word starting with each word of the query. */
export function filterActions(
  actions: readonly PaletteAction[],
  query: string,
): readonly PaletteAction[] {
  const wanted = words(query);
  if (wanted.length === 0) return actions;
  return actions.filter((action) => {
    const own = words(`${action.label} ${action.keywords}`);
    return wanted.every((w) => own.some((o) => o.startsWith(w)));
  });
}
