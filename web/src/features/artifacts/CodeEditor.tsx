import { autocompletion, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  simplifySelection,
  temporarilySetTabFocusMode,
} from "@codemirror/commands";
import {
  bracketMatching,
  foldGutter,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { ArtifactKind } from "../../api/types";

type LanguageLoader = () => Promise<Extension>;

// Each grammar is its own chunk, fetched when an artifact in that language is edited.
const javascript: LanguageLoader = () =>
  import("@codemirror/lang-javascript").then((m) => m.javascript({ jsx: true }));
const typescript: LanguageLoader = () =>
  import("@codemirror/lang-javascript").then((m) => m.javascript({ jsx: true, typescript: true }));
const html: LanguageLoader = () => import("@codemirror/lang-html").then((m) => m.html());
const markdown: LanguageLoader = () =>
  import("@codemirror/lang-markdown").then((m) => m.markdown());
const python: LanguageLoader = () => import("@codemirror/lang-python").then((m) => m.python());
const css: LanguageLoader = () => import("@codemirror/lang-css").then((m) => m.css());
const json: LanguageLoader = () => import("@codemirror/lang-json").then((m) => m.json());

const CODE_LANGUAGES: Record<string, LanguageLoader> = {
  javascript,
  js: javascript,
  jsx: javascript,
  typescript,
  ts: typescript,
  tsx: typescript,
  python,
  py: python,
  html,
  xml: html,
  svg: html,
  css,
  scss: css,
  json,
  markdown,
  md: markdown,
};

function languageFor(type: ArtifactKind, language: string | null): LanguageLoader | null {
  switch (type) {
    case "html":
    case "svg":
      return html;
    case "markdown":
      return markdown;
    case "react":
      return javascript;
    case "mermaid":
      return null;
    case "code":
      return CODE_LANGUAGES[(language ?? "").toLowerCase()] ?? null;
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

// Colours come from the app's CSS variables, so the editor follows the light and dark themes.
const parleyTheme = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--code-bg)", color: "var(--ink)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    fontSize: "0.8125rem",
    lineHeight: "1.6",
  },
  ".cm-content": { caretColor: "var(--accent)", padding: "1rem 0" },
  ".cm-line": { padding: "0 1rem 0 0.75rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  ".cm-gutters": {
    backgroundColor: "var(--code-bg)",
    color: "var(--muted)",
    borderRight: "1px solid var(--line)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 6%, transparent)" },
  ".cm-activeLineGutter": {
    backgroundColor: "color-mix(in srgb, var(--accent) 10%, transparent)",
    color: "var(--ink)",
  },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "color-mix(in srgb, var(--accent) 28%, transparent)" },
  ".cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--accent) 22%, transparent)",
    outline: "none",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--raised)",
    border: "1px solid var(--line)",
    borderRadius: "8px",
    color: "var(--ink)",
  },
  ".cm-panels": { backgroundColor: "var(--sidebar)", color: "var(--ink)" },
});

export interface CodeEditorProps {
  initial: string;
  type: ArtifactKind;
  language: string | null;
  label: string;
  onChange: (text: string) => void;
  onSave: () => void;
}

/** CodeMirror 6, loaded only when someone edits an artifact. */
export default function CodeEditor({
  initial,
  type,
  language,
  label,
  onChange,
  onSave,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onChange, onSave });
  handlers.current = { onChange, onSave };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor owns its text once created.
  useEffect(() => {
    if (!host.current) return;
    const grammar = new Compartment();
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          syntaxHighlighting(classHighlighter),
          EditorView.lineWrapping,
          parleyTheme,
          EditorView.contentAttributes.of({ "aria-label": label }),
          keymap.of([
            {
              key: "Mod-s",
              preventDefault: true,
              run: () => {
                handlers.current.onSave();
                return true;
              },
            },
            // Escape, then Tab, leaves the editor (Tab itself indents).
            { key: "Escape", run: (v) => simplifySelection(v) || temporarilySetTabFocusMode(v) },
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...searchKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
          }),
          grammar.of([]),
        ],
      }),
    });
    view.focus();
    let alive = true;
    void languageFor(type, language)?.().then((extension) => {
      if (alive) view.dispatch({ effects: grammar.reconfigure(extension) });
    });
    return () => {
      alive = false;
      view.destroy();
    };
  }, []);

  return (
    <div ref={host} className="h-full min-h-0 overflow-hidden" data-testid="artifact-editor" />
  );
}
