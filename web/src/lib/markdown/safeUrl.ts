const ALLOWED = new Set(["http:", "https:", "mailto:"]);

/** Only absolute http(s) and mailto links survive; everything else (javascript:, data:, relative) is dropped. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so strip them before parsing.
  const compact = Array.from(trimmed)
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join("");
  let parsed: URL;
  try {
    parsed = new URL(compact);
  } catch {
    return null;
  }
  if (!ALLOWED.has(parsed.protocol)) return null;
  return parsed.href;
}
