// The artifact preview runtime (web/artifact-runtime), built after the app into
// parley/static/artifact-runtime/ as classic IIFE scripts: the sandboxed frame has an opaque
// origin, and module scripts from it would need CORS. Each chunk is its own build (IIFE cannot
// code-split); frame.js stays small and loads the others only when an artifact needs them.
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { defineConfig, type EnvironmentOptions, type Plugin } from "vite";

const SOURCE = resolve(import.meta.dirname, "artifact-runtime");
const OUT_DIR = resolve(import.meta.dirname, "../parley/static/artifact-runtime");

// recharts and lucide-react use the React that the react chunk puts on window, so an artifact,
// its charts and its icons share one React (hooks break with two). Resolved to shims rather than
// made external: CommonJS dependencies (use-sync-external-store) require("react") too.
const SHARED_REACT: Record<string, string> = {
  react: resolve(SOURCE, "shared/react.cjs"),
  "react-dom": resolve(SOURCE, "shared/react-dom.cjs"),
  "react/jsx-runtime": resolve(SOURCE, "shared/jsx-runtime.cjs"),
};

function sharedReact(): Plugin {
  return {
    name: "parley-shared-react",
    enforce: "pre",
    applyToEnvironment: (environment) => CHUNKS[environment.name]?.sharesReact === true,
    resolveId: (source) => SHARED_REACT[source] ?? null,
  };
}

const CHUNKS: Record<string, { entry: string; sharesReact?: boolean }> = {
  frame: { entry: "frame.ts" },
  viewer: { entry: "viewer.ts" },
  code: { entry: "code.ts" },
  markdown: { entry: "markdown.ts" },
  mermaid: { entry: "mermaid.ts" },
  react: { entry: "react.tsx" },
  recharts: { entry: "recharts.ts", sharesReact: true },
  lucide: { entry: "lucide.ts", sharesReact: true },
};

// Expected and harmless here: Vite's preload helper (mermaid's lazy diagrams are inlined, so it
// never runs) reads import.meta, and lucide marks files "use client" for server components.
const QUIET_WARNINGS = new Set(["EMPTY_IMPORT_META", "MODULE_LEVEL_DIRECTIVE"]);

function chunk(name: string, entry: string): EnvironmentOptions {
  return {
    consumer: "client",
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      copyPublicDir: false,
      modulePreload: false,
      sourcemap: false,
      target: "es2022",
      chunkSizeWarningLimit: 6_000,
      rollupOptions: {
        input: resolve(SOURCE, entry),
        onwarn(warning, warn) {
          if (!QUIET_WARNINGS.has(warning.code ?? "")) warn(warning);
        },
        output: { format: "iife", entryFileNames: `${name}.js` },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [sharedReact()],
  logLevel: "warn",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  environments: Object.fromEntries(
    Object.entries(CHUNKS).map(([name, { entry }]) => [name, chunk(name, entry)]),
  ),
  builder: {
    async buildApp(builder) {
      // The app's build empties parley/static; this build owns only its subfolder.
      await rm(OUT_DIR, { recursive: true, force: true });
      await mkdir(OUT_DIR, { recursive: true });
      await Promise.all(
        Object.keys(CHUNKS).map((name) => {
          const environment = builder.environments[name];
          if (!environment) throw new Error(`no build environment for ${name}`);
          return builder.build(environment);
        }),
      );
      // Tailwind's browser build is a ready IIFE that compiles classes in the page: ship it as is.
      const tailwind = createRequire(import.meta.url).resolve("@tailwindcss/browser");
      await copyFile(tailwind, resolve(OUT_DIR, "tailwind.js"));
    },
  },
});
