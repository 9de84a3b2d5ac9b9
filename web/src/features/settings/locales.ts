// Offered in the language menu; any other tag the server accepts still shows (as set elsewhere).
export const LOCALES = [
  "ar",
  "cs-CZ",
  "da-DK",
  "de-DE",
  "de-CH",
  "el-GR",
  "en-AU",
  "en-CA",
  "en-GB",
  "en-IN",
  "en-US",
  "es-ES",
  "es-MX",
  "fi-FI",
  "fr-CA",
  "fr-FR",
  "he-IL",
  "hi-IN",
  "hu-HU",
  "id-ID",
  "it-IT",
  "ja-JP",
  "ko-KR",
  "nb-NO",
  "nl-NL",
  "pl-PL",
  "pt-BR",
  "pt-PT",
  "ro-RO",
  "ru-RU",
  "sv-SE",
  "th-TH",
  "tr-TR",
  "uk-UA",
  "vi-VN",
  "zh-CN",
  "zh-TW",
] as const;

/** "Deutsch (Schweiz)": a language named in itself, so its speakers find it. */
export function localeName(tag: string): string {
  try {
    const own = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
    if (own) return own.charAt(0).toLocaleUpperCase(tag) + own.slice(1);
  } catch {
    // an engine without DisplayNames, or a tag it cannot name
  }
  return tag;
}

export function browserLocale(): string {
  return new Intl.DateTimeFormat().resolvedOptions().locale;
}

/** The choices, with the current one kept when it is not in the list. */
export function localeChoices(current: string | null): { tag: string; name: string }[] {
  const tags: string[] = [...LOCALES];
  if (current && !tags.includes(current)) tags.push(current);
  return tags
    .map((tag) => ({ tag, name: localeName(tag) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
