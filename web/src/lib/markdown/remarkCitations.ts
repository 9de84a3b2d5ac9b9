import type { Parent, PhrasingContent, Root, RootContent, Text } from "mdast";

/** "[2]", "[2, 5]", "[2; 5]": what the model is told to cite passages with (see knowledge.py). */
const MARKER = /\[(\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\]/g;

/** The attribute a citation's `sup` carries; the Markdown component maps it to a chip. */
export const CITATION_ATTRIBUTE = "data-citation";

// Inside these, "[2]" is the reader's text (a link's words, a code span), not a citation.
const SKIPPED = new Set(["link", "linkReference", "definition", "code", "inlineCode", "math"]);

function citation(n: number, position: Text["position"]): PhrasingContent {
  return {
    type: "text",
    value: `[${n}]`,
    position,
    data: {
      hName: "sup",
      hProperties: { dataCitation: String(n) },
    },
  } as PhrasingContent;
}

/** The text split into plain runs and citations of known numbers; null when nothing changes. */
export function splitCitations(node: Text, numbers: ReadonlySet<number>): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let last = 0;
  let changed = false;
  const plain = (value: string) => {
    if (!value) return;
    const previous = out[out.length - 1];
    if (previous?.type === "text" && !previous.data) previous.value += value;
    else out.push({ type: "text", value });
  };
  for (const match of node.value.matchAll(MARKER)) {
    const cited = (match[1] ?? "").split(/\s*[,;]\s*/).map(Number);
    if (!cited.some((n) => numbers.has(n))) continue;
    changed = true;
    plain(node.value.slice(last, match.index));
    for (const n of cited) {
      // A number that is no source stays the text it was, beside the ones that are.
      if (numbers.has(n)) out.push(citation(n, node.position));
      else plain(`[${n}]`);
    }
    last = match.index + match[0].length;
  }
  if (!changed) return null;
  plain(node.value.slice(last));
  return out;
}

/**
 * Turns the answer's [n] markers that name one of its sources into citation nodes (a `sup` with
 * `data-citation`), leaving every other bracket, code and link text as it was. It builds syntax
 * tree nodes, never HTML: the answer stays sanitised.
 */
export function remarkCitations(options: { numbers: ReadonlySet<number> }) {
  const { numbers } = options;
  const visit = (parent: Parent) => {
    const children: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === "text") {
        const split = splitCitations(child, numbers);
        if (split) {
          children.push(...split);
          continue;
        }
      } else if (!SKIPPED.has(child.type) && "children" in child) {
        visit(child as Parent);
      }
      children.push(child);
    }
    parent.children = children as Parent["children"];
  };
  return (tree: Root) => {
    if (numbers.size > 0) visit(tree);
  };
}
