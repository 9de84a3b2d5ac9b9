import type { ChunkApis } from "./chunks";

// Chunks sit beside frame.js and carry the same ?v= version, so the server may cache them for good.
const self = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const selfUrl = new URL(self || "/artifact-runtime/frame.js", location.href);
const base = new URL(".", selfUrl).href;
const version = selfUrl.search;

const loading = new Map<string, Promise<void>>();

export function runtimeUrl(file: string): string {
  return `${base}${file}${version}`;
}

export function loadScript(file: string): Promise<void> {
  let promise = loading.get(file);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      // CORS mode (the server allows any origin for these public files): errors thrown in the
      // runtime, or in artifact code it evaluates, then reach onerror in full, not as "Script error."
      script.crossOrigin = "anonymous";
      script.src = runtimeUrl(file);
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Parley could not load its ${file} runtime.`));
      (document.head ?? document.documentElement).append(script);
    });
    loading.set(file, promise);
    promise.catch(() => loading.delete(file));
  }
  return promise;
}

/** Lets a side-effect script (Tailwind) run again in a document that replaced the one it set up. */
export function forgetScript(file: string): void {
  loading.delete(file);
}

export async function loadChunk<K extends keyof ChunkApis>(name: K): Promise<ChunkApis[K]> {
  await loadScript(`${name}.js`);
  const api = window.__parleyChunks?.[name];
  if (!api) throw new Error(`Parley's ${name} runtime did not start.`);
  return api as ChunkApis[K];
}
