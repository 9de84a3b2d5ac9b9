import { afterEach, describe, expect, it, vi } from "vitest";
import { followRun } from "./runStream";
import type { RunFrame } from "./types";

function sseBody(frames: string[], close = true): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const queue = [...frames];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next !== undefined) controller.enqueue(encoder.encode(next));
      else if (close) controller.close();
      else controller.error(new TypeError("network down"));
    },
  });
}

const frame = (seq: number, data: object) =>
  `id: ${seq}\nevent: x\ndata: ${JSON.stringify(data)}\n\n`;

afterEach(() => vi.unstubAllGlobals());

describe("followRun", () => {
  it("reconnects after a drop with Last-Event-ID and applies each frame once", async () => {
    const seen: RunFrame[] = [];
    const calls: Record<string, string>[] = [];
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      calls.push({ ...(init.headers as Record<string, string>) });
      if (calls.length === 1) {
        return new Response(
          sseBody(
            [
              frame(1, { type: "text_delta", text: "a" }),
              frame(2, { type: "text_delta", text: "b" }),
            ],
            false,
          ),
          { status: 200 },
        );
      }
      // The server replays from the resume point; an overlapping frame must be ignored.
      return new Response(
        sseBody([
          frame(2, { type: "text_delta", text: "b" }),
          frame(3, { type: "message_stop", status: "complete", stop_reason: null }),
        ]),
        { status: 200 },
      );
    });
    vi.stubGlobal("fetch", fetchMock);
    let finished = false;
    const end = await followRun("r1", {
      after: 0,
      signal: new AbortController().signal,
      onFrame: (f) => {
        seen.push(f);
        if (f.event.type === "message_stop") finished = true;
      },
      isFinished: () => finished,
      sleep: async () => undefined,
    });
    expect(end).toBe("closed");
    expect(seen.map((f) => f.seq)).toEqual([1, 2, 3]);
    expect(calls[0]?.["Last-Event-ID"]).toBeUndefined();
    expect(calls[1]?.["Last-Event-ID"]).toBe("2");
  });

  it("reports a run the server no longer knows", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 404 })),
    );
    const end = await followRun("gone", {
      after: 0,
      signal: new AbortController().signal,
      onFrame: () => undefined,
      isFinished: () => false,
      sleep: async () => undefined,
    });
    expect(end).toBe("gone");
  });
});
