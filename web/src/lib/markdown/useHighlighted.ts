import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { type ReactNode, useEffect, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

type Highlighter = typeof import("./highlighter");

let highlighterModule: Promise<Highlighter> | null = null;
const loadHighlighter = () => {
  highlighterModule ??= import("./highlighter");
  return highlighterModule;
};

/** The code as highlighted React nodes once the highlighter and its grammar have loaded; null before. */
export function useHighlighted(code: string, language: string | null): ReactNode | null {
  const [highlighted, setHighlighted] = useState<{ code: string; node: ReactNode } | null>(null);
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
  return highlighted && highlighted.code === code ? highlighted.node : null;
}
