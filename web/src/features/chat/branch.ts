import type { Message } from "../../api/types";

/**
 * The visible thread: the path from the root to the most recently created leaf. Edits and
 * regenerations are siblings, so the newest attempt wins until the user picks another.
 */
export function selectBranch(messages: readonly Message[]): Message[] {
  if (messages.length === 0) return [];
  const byId = new Map<string, Message>();
  const hasChildren = new Set<string>();
  for (const m of messages) {
    byId.set(m.id, m);
    if (m.parent_id) hasChildren.add(m.parent_id);
  }
  let leaf: Message | undefined;
  let leafTime = Number.NEGATIVE_INFINITY;
  for (const m of messages) {
    if (hasChildren.has(m.id)) continue;
    const time = Date.parse(m.created_at);
    if (!leaf || time >= leafTime) {
      leaf = m;
      leafTime = time;
    }
  }
  const branch: Message[] = [];
  const seen = new Set<string>();
  let cursor = leaf;
  while (cursor && !seen.has(cursor.id)) {
    seen.add(cursor.id);
    branch.push(cursor);
    cursor = cursor.parent_id ? byId.get(cursor.parent_id) : undefined;
  }
  return branch.reverse();
}

export function textOf(message: Pick<Message, "parts">): string {
  return message.parts
    .filter((p) => p.type === "text")
    .map((p) => p.text)
    .join("");
}
