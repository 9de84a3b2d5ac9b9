import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { type ReactNode, useEffect, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

type Highlighter = typeof import("./highlighter");

let highlighterModule: Promise<Highlighter> | null = null;
const loadHighlighter = () => {
  highlighterModule ??= import("./highlighter");
  return highlighterModule;
};

export interface HighlightedCode {
  code: string;
  node: ReactNode;
}

/** The latest highlighting pass: the code it covered and its React nodes (null until one is done).
 * While code streams in, `code` may lag behind the text; callers show the rest plain. */
export function useHighlightedTree(code: string, language: string | null): HighlightedCode | null {
  const [highlighted, setHighlighted] = useState<HighlightedCode | null>(null);
  useEffect(() => {
    if (!language) return;
    let cancelled = false;
    void loadHighlighter().then(async (mod) => {
      const name = mod.canonicalLanguage(language);
      if (!name) return;
      await mod.loadLanguage(name);
      if (cancelled) return;
      const tree = mod.lowlight.highlight(name, code);
      setHighlighted({ code, node: toJsxRuntime(tree, { Fragment, jsx, jsxs }) });
    });
    return () => {
      cancelled = true;
    };
  }, [code, language]);
  return highlighted;
}

/** The code as highlighted React nodes once the highlighter and its grammar have loaded; null before. */
export function useHighlighted(code: string, language: string | null): ReactNode | null {
  const highlighted = useHighlightedTree(code, language);
  return highlighted && highlighted.code === code ? highlighted.node : null;
}
