import {
  type ComponentProps,
  isValidElement,
  memo,
  type ReactElement,
  type ReactNode,
  useMemo,
} from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./CodeBlock";
import { lazyModule, useLazyModule } from "./lazyModule";
import { CITATION_ATTRIBUTE, remarkCitations } from "./remarkCitations";
import { remarkHtmlAsText } from "./remarkHtmlAsText";
import { safeUrl } from "./safeUrl";

export const mathModule = lazyModule(() => import("./mathPlugins"));

const MATH_HINT = /\$[^$\s]|\$\$/;

function textContent(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textContent).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textContent(node.props.children);
  return "";
}

const components: Components = {
  a({ href, children, id }) {
    if (href?.startsWith("#")) {
      return (
        <a href={href} id={id}>
          {children}
        </a>
      );
    }
    const url = href ? safeUrl(href) : null;
    if (!url) return <span>{children}</span>;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  // Remote images would let a model's answer make requests on the reader's behalf; show a link.
  img({ src, alt }) {
    const url = typeof src === "string" ? safeUrl(src) : null;
    const label = alt || "image";
    if (!url) return <span>[{label}]</span>;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer">
        [{label}]
      </a>
    );
  },
  pre({ children }) {
    const child = Array.isArray(children) ? children[0] : children;
    if (isValidElement<ComponentProps<"code">>(child)) {
      const className = child.props.className ?? "";
      const language = /language-([\w+#.-]+)/.exec(className)?.[1] ?? null;
      const code = textContent(child.props.children).replace(/\n$/, "");
      return <CodeBlock code={code} language={language} />;
    }
    return <pre>{children}</pre>;
  },
  table({ children }) {
    return (
      <div className="table-wrap">
        <table>{children}</table>
      </div>
    );
  },
  input({ type, checked }) {
    if (type !== "checkbox") return null;
    return (
      <input
        type="checkbox"
        checked={Boolean(checked)}
        disabled
        aria-label={checked ? "done" : "not done"}
      />
    );
  },
};

function urlTransform(url: string): string {
  if (url.startsWith("#")) return url;
  return safeUrl(url) ?? "";
}

/** The answer's sources: [n] markers naming one of `numbers` render as `render(n)`. */
export interface Citations {
  numbers: ReadonlySet<number>;
  render: (n: number) => ReactNode;
}

function withCitations(citations: Citations): Components {
  return {
    ...components,
    sup(props) {
      const { children, node: _node, ...rest } = props;
      const n = Number((rest as Record<string, unknown>)[CITATION_ATTRIBUTE]);
      if (Number.isInteger(n) && citations.numbers.has(n)) return <>{citations.render(n)}</>;
      return <sup {...rest}>{children}</sup>;
    },
  };
}

export const Markdown = memo(function Markdown({
  text,
  citations,
}: {
  text: string;
  /** Pass a stable object (memoised): a new one renders the text again. */
  citations?: Citations;
}): ReactElement {
  const math = useLazyModule(mathModule, MATH_HINT.test(text));
  const mapped = useMemo(() => (citations ? withCitations(citations) : components), [citations]);
  const base = math
    ? [remarkGfm, math.remarkMath, remarkHtmlAsText]
    : [remarkGfm, remarkHtmlAsText];
  const remarkPlugins = citations
    ? [...base, [remarkCitations, { numbers: citations.numbers }] as const]
    : base;
  const rehypePlugins = math
    ? [[math.rehypeKatex, { throwOnError: false, strict: false, trust: false }] as const]
    : [];
  return (
    <ReactMarkdown
      // biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple type is not expressible here.
      remarkPlugins={remarkPlugins as any}
      // biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple type is not expressible here.
      rehypePlugins={rehypePlugins as any}
      components={mapped}
      urlTransform={urlTransform}
      skipHtml={false}
    >
      {text}
    </ReactMarkdown>
  );
});
