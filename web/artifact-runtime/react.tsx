/*
 * The React chunk: React and ReactDOM (the app's versions), the sucrase transpiler, and the code
 * that evaluates an artifact's module and mounts its default export. The recharts and lucide
 * chunks are built against the globals set here, so the artifact and its libraries share one React.
 */
import * as React from "react";
import * as JsxRuntime from "react/jsx-runtime";
import * as ReactDOM from "react-dom";
import { flushSync } from "react-dom";
import * as ReactDOMClient from "react-dom/client";
import { transform } from "sucrase";
import { type MountOutcome, registerChunk } from "./chunks";

declare global {
  interface Window {
    __parleyReact: typeof React;
    __parleyReactDOM: typeof ReactDOM;
    __parleyJsxRuntime: typeof JsxRuntime;
  }
}
window.__parleyReact = React;
window.__parleyReactDOM = ReactDOM;
window.__parleyJsxRuntime = JsxRuntime;

/** What `require(name)` returns: the namespace with a `default`, as Babel-style interop expects. */
function asModule(namespace: object): Record<string, unknown> {
  const value = namespace as Record<string, unknown>;
  return { ...value, default: value.default ?? namespace, __esModule: true };
}

const builtins: Record<string, unknown> = {
  react: asModule(React),
  "react-dom": asModule(ReactDOM),
  "react-dom/client": asModule(ReactDOMClient),
  "react/jsx-runtime": asModule(JsxRuntime),
  "react/jsx-dev-runtime": asModule(JsxRuntime),
};

function transpile(source: string): { code: string; imports: string[] } {
  const { code } = transform(source, {
    transforms: ["jsx", "typescript", "imports"],
    jsxRuntime: "automatic",
    production: true,
    filePath: "artifact.tsx",
  });
  const imports = new Set<string>();
  for (const match of code.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)) {
    if (match[2]) imports.add(match[2]);
  }
  return { code, imports: [...imports] };
}

type Component = React.ComponentType<Record<string, never>>;

function isComponent(value: unknown): value is Component {
  return (
    typeof value === "function" ||
    (typeof value === "object" && value !== null && "$$typeof" in value)
  );
}

function evaluate(code: string, modules: Record<string, unknown>): Component {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string): unknown => {
    if (name in modules) return modules[name];
    throw new Error(`Cannot find module '${name}'`);
  };
  // A component written without `export default` is found by the conventional name.
  const body = `${code}\n;if (!exports.default && typeof App === "function") exports.default = App;\n//# sourceURL=artifact.jsx`;
  new Function("require", "module", "exports", body)(require, module, module.exports);
  const exported = module.exports.default;
  if (!isComponent(exported)) {
    throw new Error(
      "This component has no default export to show: add `export default function App() { … }`.",
    );
  }
  return exported;
}

type BoundaryProps = {
  onError: (error: unknown, componentStack?: string) => void;
  children: React.ReactNode;
};
type BoundaryState = { failed: boolean; error: unknown };

class Boundary extends React.Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: React.ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? undefined);
  }

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    const error = this.state.error;
    const message = error instanceof Error ? error.message : String(error);
    return (
      <div className="parley-error" role="alert">
        <strong>This component stopped with an error.</strong>
        <pre>{message}</pre>
      </div>
    );
  }
}

let current: { root: ReactDOMClient.Root; container: HTMLElement } | null = null;

function unmount(): void {
  if (!current) return;
  const { root, container } = current;
  current = null;
  root.unmount();
  container.remove();
}

function mount(
  code: string,
  modules: Record<string, unknown>,
  host: HTMLElement,
  options: { final: boolean; onLaterError: (error: unknown, componentStack?: string) => void },
): MountOutcome {
  let Artifact: Component;
  try {
    Artifact = evaluate(code, modules);
  } catch (error) {
    return { ok: false, error, shown: false };
  }
  // Render beside the previous root and swap only if this one mounted (or is final): both are in
  // the document for one synchronous moment, so nothing flickers.
  const container = document.createElement("div");
  container.className = "parley-react-root";
  host.append(container);
  let mounting = true;
  let failure: { error: unknown } | null = null;
  const onError = (error: unknown, componentStack?: string) => {
    if (mounting) failure = { error };
    else options.onLaterError(error, componentStack);
  };
  const root = ReactDOMClient.createRoot(container);
  try {
    flushSync(() =>
      root.render(
        <Boundary onError={onError}>
          <Artifact />
        </Boundary>,
      ),
    );
  } catch (error) {
    failure = { error };
  }
  mounting = false;
  const failed: { error: unknown } | null = failure;
  if (failed && !options.final) {
    root.unmount();
    container.remove();
    return { ok: false, error: failed.error, shown: false };
  }
  unmount();
  current = { root, container };
  return failed ? { ok: false, error: failed.error, shown: true } : { ok: true };
}

registerChunk("react", { transpile, builtins, mount, unmount });
