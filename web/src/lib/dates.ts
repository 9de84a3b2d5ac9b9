import type { Conversation } from "../api/types";
import { dateFormatter, displayLocale } from "./locale";

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const DAY = 86_400_000;
const MONTH = { month: "long", year: "numeric" } as const;
const TIME = { hour: "numeric", minute: "2-digit" } as const;
const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;
const FULL = { dateStyle: "full", timeStyle: "long" } as const;

/** A recent day bucket, or past 30 days the month ("October 2026"), in local time. */
export function dateGroup(
  iso: string,
  now: Date = new Date(),
  locale: string | undefined = displayLocale(),
): string {
  const then = new Date(iso);
  const today = startOfDay(now);
  const day = startOfDay(then);
  if (day >= today) return "Today";
  if (day >= today - DAY) return "Yesterday";
  if (day >= today - 7 * DAY) return "Previous 7 days";
  if (day >= today - 30 * DAY) return "Previous 30 days";
  return dateFormatter(MONTH, locale).format(then);
}

export function activityOf(c: Conversation): string {
  return c.last_message_at ?? c.updated_at ?? c.created_at;
}

/**
 * Pinned first, then by last activity, newest first. The server pages by `updated_at`, which a
 * rename or an archive also moves, so the order within a group is settled here.
 */
export function groupConversations(
  items: readonly Conversation[],
  now: Date = new Date(),
): { group: string; items: Conversation[] }[] {
  const stamped = items.map((item) => ({ item, at: Date.parse(activityOf(item)) }));
  stamped.sort((a, b) => Number(b.item.pinned) - Number(a.item.pinned) || b.at - a.at);
  const buckets = new Map<string, Conversation[]>();
  for (const { item } of stamped) {
    const group = item.pinned ? "Pinned" : dateGroup(activityOf(item), now);
    const list = buckets.get(group);
    if (list) list.push(item);
    else buckets.set(group, [item]);
  }
  return Array.from(buckets, ([group, list]) => ({ group, items: list }));
}

/** Short for today's messages, with the date otherwise; in the person's locale (or the browser's). */
export function formatMessageTime(
  iso: string,
  now: Date = new Date(),
  locale: string | undefined = displayLocale(),
): string {
  const date = new Date(iso);
  return dateFormatter(startOfDay(date) === startOfDay(now) ? TIME : DATE_TIME, locale).format(
    date,
  );
}

export function formatFullTime(iso: string, locale: string | undefined = displayLocale()): string {
  return dateFormatter(FULL, locale).format(new Date(iso));
}
