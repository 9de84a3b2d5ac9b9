import { useSyncExternalStore } from "react";

export interface LazyModule<T> {
  ensure: () => Promise<T>;
  get: () => T | null;
  subscribe: (listener: () => void) => () => void;
}

/** A module loaded on first demand; components read it with useLazyModule. */
export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  return {
    ensure: () => {
      pending ??= load().then((loaded) => {
        value = loaded;
        for (const listener of listeners) listener();
        return loaded;
      });
      return pending;
    },
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | null {
  const current = useSyncExternalStore(module.subscribe, module.get, module.get);
  if (wanted && !current) void module.ensure();
  return wanted ? current : null;
}
