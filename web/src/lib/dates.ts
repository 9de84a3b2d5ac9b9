import type { Conversation } from "../api/types";

export const GROUP_ORDER = [
  "Today",
  "Yesterday",
  "Previous 7 days",
  "Previous 30 days",
  "Older",
] as const;
export type DateGroup = (typeof GROUP_ORDER)[number];
export type SidebarGroup = "Pinned" | DateGroup;
const SIDEBAR_ORDER: readonly SidebarGroup[] = ["Pinned", ...GROUP_ORDER];

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const DAY = 86_400_000;

export function dateGroup(iso: string, now: Date = new Date()): DateGroup {
  const then = new Date(iso);
  const today = startOfDay(now);
  const day = startOfDay(then);
  if (day >= today) return "Today";
  if (day >= today - DAY) return "Yesterday";
  if (day >= today - 7 * DAY) return "Previous 7 days";
  if (day >= today - 30 * DAY) return "Previous 30 days";
  return "Older";
}

export function activityOf(c: Conversation): string {
  return c.last_message_at ?? c.updated_at ?? c.created_at;
}

export function groupConversations(
  items: readonly Conversation[],
  now: Date = new Date(),
): { group: SidebarGroup; items: Conversation[] }[] {
  const buckets = new Map<SidebarGroup, Conversation[]>();
  for (const item of items) {
    const group: SidebarGroup = item.pinned ? "Pinned" : dateGroup(activityOf(item), now);
    const list = buckets.get(group) ?? [];
    list.push(item);
    buckets.set(group, list);
  }
  return SIDEBAR_ORDER.filter((g) => buckets.has(g)).map((group) => ({
    group,
    items: buckets.get(group) ?? [],
  }));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/** Short for today's messages, with the date otherwise; always in the browser's locale. */
export function formatMessageTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return startOfDay(date) === startOfDay(now)
    ? timeFormat.format(date)
    : dateTimeFormat.format(date);
}

export function formatFullTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" }).format(
    new Date(iso),
  );
}
