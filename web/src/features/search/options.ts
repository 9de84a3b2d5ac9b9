import type { SearchHit } from "../../api/types";
import type { PaletteAction } from "./actions";

/** One row of the palette's listbox: a search hit, an action, or the row that loads more hits. */
export type PaletteOption =
  | { kind: "hit"; key: string; hit: SearchHit }
  | { kind: "more"; key: string }
  | { kind: "action"; key: string; action: PaletteAction };

export function hitKey(hit: SearchHit): string {
  return `hit-${hit.conversation_id}-${hit.message_id ?? "title"}`;
}

/** Where a hit opens: its conversation, scrolled to the message that matched. */
export function hitPath(hit: SearchHit): string {
  const path = `/chat/${encodeURIComponent(hit.conversation_id)}`;
  return hit.message_id ? `${path}?m=${encodeURIComponent(hit.message_id)}` : path;
}

export function buildOptions(
  hits: readonly SearchHit[],
  hasMore: boolean,
  actions: readonly PaletteAction[],
): PaletteOption[] {
  const seen = new Set<string>();
  const options: PaletteOption[] = [];
  for (const hit of hits) {
    const key = hitKey(hit);
    if (seen.has(key)) continue; // a page boundary can repeat a row when the index changed between pages
    seen.add(key);
    options.push({ kind: "hit", key, hit });
  }
  if (hasMore) options.push({ kind: "more", key: "more" });
  for (const action of actions)
    options.push({ kind: "action", key: `action-${action.id}`, action });
  return options;
}
