/** Where a cited passage starts in a file's text, found from its excerpt; null when it isn't there. */
export interface PassageRange {
  start: number;
  end: number;
}

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The excerpt is the passage's start with its whitespace flattened (and "…" where it was cut), so
 * its words are matched with any whitespace between them; the last word may be cut short.
 */
export function findPassage(text: string, excerpt: string): PassageRange | null {
  const words = excerpt.replace(/…$/, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(literal).join("\\s+"));
  const match = pattern.exec(text);
  if (!match) return null;
  return { start: match.index, end: match.index + match[0].length };
}
