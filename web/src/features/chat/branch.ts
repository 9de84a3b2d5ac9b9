import type { Message } from "../../api/types";

export interface BranchEntry {
  message: Message;
  /** Position among the messages that share its parent (edits and regenerations), 0-based. */
  siblingIndex: number;
  siblingCount: number;
  siblingIds: string[];
}

const ROOT = "";

/**
 * The visible thread. At each fork the user's choice wins; without one, the child whose subtree
 * holds the most recently created message — so by default the path ends at the newest leaf, and a
 * retry or an edit shows its new attempt.
 */
export function selectBranch(
  messages: readonly Message[],
  choices: Readonly<Record<string, string>> = {},
): BranchEntry[] {
  if (messages.length === 0) return [];
  const children = new Map<string, Message[]>();
  const byId = new Map<string, Message>();
  for (const m of messages) byId.set(m.id, m);
  for (const m of messages) {
    const key = m.parent_id && byId.has(m.parent_id) ? m.parent_id : ROOT;
    const list = children.get(key) ?? [];
    list.push(m);
    children.set(key, list);
  }
  const time = (m: Message) => Date.parse(m.created_at);
  for (const list of children.values()) list.sort((a, b) => time(a) - time(b));

  const newest = new Map<string, number>();
  const newestIn = (m: Message): number => {
    const known = newest.get(m.id);
    if (known !== undefined) return known;
    // Iterative post-order so a 2,000-message chain cannot overflow the stack.
    const stack: Message[] = [m];
    while (stack.length) {
      const top = stack[stack.length - 1] as Message;
      const kids = children.get(top.id) ?? [];
      const pending = kids.filter((k) => !newest.has(k.id));
      if (pending.length) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      newest.set(top.id, Math.max(time(top), ...kids.map((k) => newest.get(k.id) ?? 0)));
    }
    return newest.get(m.id) ?? time(m);
  };

  const branch: BranchEntry[] = [];
  let key = ROOT;
  const seen = new Set<string>();
  for (;;) {
    const siblings = children.get(key);
    if (!siblings || siblings.length === 0) break;
    let chosen = siblings.find((s) => s.id === choices[key]);
    if (!chosen) {
      for (const s of siblings) if (!chosen || newestIn(s) >= newestIn(chosen)) chosen = s;
    }
    if (!chosen || seen.has(chosen.id)) break;
    seen.add(chosen.id);
    branch.push({
      message: chosen,
      siblingIndex: siblings.indexOf(chosen),
      siblingCount: siblings.length,
      siblingIds: siblings.map((s) => s.id),
    });
    key = chosen.id;
  }
  return branch;
}

export function textOf(message: Pick<Message, "parts">): string {
  return message.parts
    .filter((p) => p.type === "text")
    .map((p) => p.text)
    .join("");
}

/**
 * The choices at each fork that make `messageId` part of the visible thread (keyed as
 * `selectBranch` keys them), or null when the tree has no such message.
 */
export function choicesLeadingTo(
  messages: readonly Message[],
  messageId: string,
): Record<string, string> | null {
  const byId = new Map<string, Message>();
  for (const m of messages) byId.set(m.id, m);
  let current = byId.get(messageId);
  if (!current) return null;
  const choices: Record<string, string> = {};
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const parent: string =
      current.parent_id && byId.has(current.parent_id) ? current.parent_id : ROOT;
    choices[parent] = current.id;
    current = parent === ROOT ? undefined : byId.get(parent);
  }
  return choices;
}
