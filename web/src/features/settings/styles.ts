import type { CustomStyle } from "../../api/types";

export const BUILT_IN_STYLES = [
  { id: "normal", name: "Normal", description: "Parley's usual answers" },
  { id: "concise", name: "Concise", description: "Shorter answers, no preamble" },
  { id: "explanatory", name: "Explanatory", description: "Step by step, terms explained" },
  { id: "formal", name: "Formal", description: "Clear, professional wording" },
] as const;

const BUILT_IN_IDS: readonly string[] = BUILT_IN_STYLES.map((s) => s.id);

/**
 * An id for a new style: its name in lower-case letters, digits and dashes, then a short random
 * part, so two styles of one name stay apart (the server wants ^[a-z0-9][a-z0-9-]{0,39}$).
 */
export function newStyleId(
  name: string,
  taken: readonly string[],
  random: () => string = () => Math.random().toString(36).slice(2, 6),
): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30)
    .replace(/-+$/, "");
  for (;;) {
    const id = `${slug || "style"}-${random()}`;
    if (!taken.includes(id) && !BUILT_IN_IDS.includes(id)) return id;
  }
}

export function styleName(id: string, custom: readonly CustomStyle[]): string {
  return (
    BUILT_IN_STYLES.find((s) => s.id === id)?.name ?? custom.find((s) => s.id === id)?.name ?? id
  );
}
