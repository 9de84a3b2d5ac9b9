// Styles for what the runtime draws itself (code, Markdown, SVG, Mermaid, errors). HTML artifacts
// replace the whole document and React artifacts bring Tailwind, so none of this reaches them
// except the body reset.
export const RUNTIME_CSS = `
:root {
  color-scheme: light;
  --bg: #ffffff; --fg: #1f1e1d; --muted: #6b6863; --border: #e6e3dd; --surface: #f7f6f3;
  --link: #2f5fb3; --accent: #b4532a; --error-bg: #fdf1ef; --error-fg: #9b2c1c; --error-border: #f2c6be;
  --tok-keyword: #a626a4; --tok-string: #3f7d3a; --tok-number: #b45f06; --tok-comment: #8a8780;
  --tok-title: #2f5fb3; --tok-type: #9a6a00; --tok-attr: #b4532a; --tok-meta: #6b6863;
  --tok-deletion: #9b2c1c; --tok-addition: #3f7d3a;
}
:root[data-theme="dark"] {
  color-scheme: dark;
  --bg: #1f1e1d; --fg: #ecebe8; --muted: #a6a39d; --border: #3a3835; --surface: #2a2826;
  --link: #8fb4f5; --accent: #e08a63; --error-bg: #3a2220; --error-fg: #f4b1a6; --error-border: #6d3a33;
  --tok-keyword: #d69ce0; --tok-string: #9ccc8a; --tok-number: #f0b36c; --tok-comment: #8f8c86;
  --tok-title: #8fb4f5; --tok-type: #e5c07b; --tok-attr: #e08a63; --tok-meta: #a6a39d;
  --tok-deletion: #f4b1a6; --tok-addition: #9ccc8a;
}
html, body { margin: 0; padding: 0; }
body {
  background: var(--bg); color: var(--fg);
  font: 15px/1.6 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-font-smoothing: antialiased;
}
body[data-kind="react"] { background: #ffffff; color: #111; }
#parley-root { min-height: 100%; }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }

.parley-code { display: flex; margin: 0; font-size: 13px; line-height: 1.55; min-height: 100vh; box-sizing: border-box; }
.parley-code .gutter {
  margin: 0; padding: 14px 10px 14px 14px; text-align: right; color: var(--muted); user-select: none;
  border-right: 1px solid var(--border); background: var(--surface); opacity: .85;
}
.parley-code .source { margin: 0; padding: 14px 16px; overflow-x: auto; flex: 1; tab-size: 4; }
.parley-code .source code { white-space: pre; }

.hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-doctag, .hljs-section, .hljs-link { color: var(--tok-keyword); }
.hljs-string, .hljs-regexp, .hljs-char.escape_, .hljs-template-tag, .hljs-template-variable { color: var(--tok-string); }
.hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet, .hljs-variable.constant_ { color: var(--tok-number); }
.hljs-comment, .hljs-quote { color: var(--tok-comment); font-style: italic; }
.hljs-title, .hljs-title.function_, .hljs-name { color: var(--tok-title); }
.hljs-type, .hljs-title.class_, .hljs-class .hljs-title { color: var(--tok-type); }
.hljs-attr, .hljs-attribute, .hljs-property, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id, .hljs-params { color: var(--tok-attr); }
.hljs-meta, .hljs-meta .hljs-keyword, .hljs-tag, .hljs-subst, .hljs-operator, .hljs-punctuation { color: var(--tok-meta); }
.hljs-deletion { color: var(--tok-deletion); background: color-mix(in srgb, var(--tok-deletion) 12%, transparent); }
.hljs-addition { color: var(--tok-addition); background: color-mix(in srgb, var(--tok-addition) 12%, transparent); }
.hljs-emphasis { font-style: italic; } .hljs-strong { font-weight: 600; }

.parley-markdown { max-width: 46rem; margin: 0 auto; padding: 28px 28px 40px; overflow-wrap: break-word; }
.parley-markdown > :first-child { margin-top: 0; }
.parley-markdown h1, .parley-markdown h2, .parley-markdown h3, .parley-markdown h4 { line-height: 1.25; margin: 1.6em 0 .6em; font-weight: 650; }
.parley-markdown h1 { font-size: 1.9em; letter-spacing: -.01em; }
.parley-markdown h2 { font-size: 1.45em; padding-bottom: .25em; border-bottom: 1px solid var(--border); }
.parley-markdown h3 { font-size: 1.2em; }
.parley-markdown p, .parley-markdown ul, .parley-markdown ol, .parley-markdown blockquote, .parley-markdown table, .parley-markdown pre { margin: 0 0 1em; }
.parley-markdown ul, .parley-markdown ol { padding-left: 1.6em; }
.parley-markdown ul { list-style: disc; } .parley-markdown ol { list-style: decimal; }
.parley-markdown li > ul, .parley-markdown li > ol { margin: .25em 0 0; }
.parley-markdown li + li { margin-top: .25em; }
.parley-markdown a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
.parley-markdown blockquote { margin-left: 0; padding: .1em 1em; border-left: 3px solid var(--border); color: var(--muted); }
.parley-markdown code { font-size: .88em; background: var(--surface); border: 1px solid var(--border); border-radius: 4px; padding: .1em .35em; }
.parley-markdown pre { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; overflow-x: auto; line-height: 1.5; }
.parley-markdown pre code { background: none; border: 0; padding: 0; font-size: 13px; }
.parley-markdown table { border-collapse: collapse; display: block; overflow-x: auto; }
.parley-markdown th, .parley-markdown td { border: 1px solid var(--border); padding: .4em .75em; }
.parley-markdown th:not([align]) { text-align: left; }
.parley-markdown li:has(> input[type="checkbox"]) { list-style: none; margin-left: -1.3em; }
.parley-markdown th { background: var(--surface); font-weight: 600; }
.parley-markdown hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
.parley-markdown img { max-width: 100%; }
.parley-markdown input[type="checkbox"] { margin-right: .4em; }

.parley-svg { display: flex; align-items: center; justify-content: center; height: 100vh; padding: 16px; box-sizing: border-box; background: #ffffff; }
.parley-svg > svg { display: block; width: 100%; height: 100%; }

.parley-mermaid { display: flex; justify-content: center; padding: 24px 16px; box-sizing: border-box; }
.parley-mermaid > svg { display: block; max-width: 100%; height: auto; }

.parley-error {
  margin: 16px; padding: 12px 14px; border-radius: 8px; border: 1px solid var(--error-border);
  background: var(--error-bg); color: var(--error-fg); font-size: 13.5px;
}
.parley-error strong { display: block; margin-bottom: 4px; }
.parley-error pre { margin: 8px 0 0; white-space: pre-wrap; font-size: 12px; opacity: .9; max-height: 40vh; overflow: auto; }
`;
