import { dateFormatter, displayLocale } from "../../lib/locale";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SAME_YEAR = { month: "short", day: "numeric" } as const;
const OTHER_YEAR = { dateStyle: "medium" } as const;
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** In the person's locale (lib/locale), or the browser's. */
function relativeFormat(): Intl.RelativeTimeFormat {
  const locale = displayLocale();
  let format = relativeFormats.get(locale ?? "");
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormats.set(locale ?? "", format);
  }
  return format;
}

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"; a date once it is months old. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const ago = now.getTime() - date.getTime();
  if (ago < MINUTE) return "just now";
  const relative = relativeFormat();
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), "hour");
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), "day");
  if (ago < 30 * DAY) return relative.format(-Math.floor(ago / (7 * DAY)), "week");
  return dateFormatter(date.getFullYear() === now.getFullYear() ? SAME_YEAR : OTHER_YEAR).format(
    date,
  );
}
