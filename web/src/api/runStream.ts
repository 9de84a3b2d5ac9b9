import { SseParser } from "./sseParser";
import type { RunFrame } from "./types";

export type StreamEnd = "closed" | "gone" | "aborted";

export interface RunStreamOptions {
  /** The last seq already applied; the server replays everything after it. */
  after: number;
  onFrame: (frame: RunFrame) => void;
  /** True once the caller has everything it needs (message_stop seen), so a close is not a drop. */
  isFinished: () => boolean;
  signal: AbortSignal;
  maxRetries?: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number): number {
  const base = Math.min(8000, 400 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Follows a run's event log until the server closes it. Built on fetch rather than EventSource so
 * the session cookie flows, and so each reconnect can resume exactly after the last applied seq.
 * Resolves "closed" when the log ended, "gone" when the run is unknown (404), "aborted" on signal.
 */
export async function followRun(runId: string, options: RunStreamOptions): Promise<StreamEnd> {
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 8;
  let lastSeq = options.after;
  let failures = 0;

  while (!options.signal.aborted) {
    let progressed = false;
    try {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (lastSeq > 0) headers["Last-Event-ID"] = String(lastSeq);
      const response = await fetch(`/api/runs/${encodeURIComponent(runId)}/events`, {
        headers,
        credentials: "same-origin",
        signal: options.signal,
        cache: "no-store",
      });
      if (response.status === 404 || response.status === 410) return "gone";
      if (response.status === 401 || response.status === 403) return "gone";
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);

      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
          if (frame.seq <= lastSeq) continue;
          lastSeq = frame.seq;
          progressed = true;
          options.onFrame(frame);
        }
      }
      if (options.isFinished()) return "closed";
      // Closed before the answer finished: a proxy or network drop. Resume after lastSeq.
    } catch (error) {
      if (options.signal.aborted) return "aborted";
      void error;
    }
    if (progressed) failures = 0;
    if (failures >= maxRetries) return "gone";
    await sleep(backoffDelay(failures));
    failures += 1;
  }
  return "aborted";
}
