import { useSyncExternalStore } from "react";

// The language tag dates and numbers are shown in: the person's setting, or undefined for the
// browser's own. Kept outside React so plain formatting helpers can read it.
let current: string | undefined;
const listeners = new Set<() => void>();

function supported(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;
  } catch {
    return false; // not a well-formed tag
  }
}

export function displayLocale(): string | undefined {
  return current;
}

/** null, or a tag this browser cannot format, falls back to the browser's locale. */
export function setDisplayLocale(locale: string | null | undefined): void {
  const next = locale && supported(locale) ? locale : undefined;
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The display locale, re-rendering the caller when the setting changes. */
export function useDisplayLocale(): string | undefined {
  return useSyncExternalStore(subscribe, displayLocale, displayLocale);
}

// Building a formatter is far slower than using one: keep one per locale and options.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();

export function dateFormatter(
  options: Intl.DateTimeFormatOptions,
  locale: string | undefined = current,
): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

export function numberFormatter(
  options: Intl.NumberFormatOptions = {},
  locale: string | undefined = current,
): Intl.NumberFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let formatter = numberFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    numberFormatters.set(key, formatter);
  }
  return formatter;
}
