import type { Root, RootContent } from "mdast";

interface NodeWithChildren {
  children?: RootContent[];
}

/**
 * Raw HTML in model or user text is shown as the literal characters it is, never parsed into DOM:
 * every `html` node becomes a `text` node.
 */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    const visit = (node: NodeWithChildren) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === "html") {
          return { type: "text", value: child.value, position: child.position } as RootContent;
        }
        visit(child as NodeWithChildren);
        return child;
      });
    };
    visit(tree as NodeWithChildren);
  };
}
