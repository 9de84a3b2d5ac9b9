import { afterEach, describe, expect, it, vi } from "vitest";
import { executeArtifact } from "./executions";
import { ApiError } from "./http";

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const queue = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
}

const result = {
  id: "e1",
  language: "python",
  status: "ok",
  exit_code: 0,
  stdout: "hi\n",
  stderr: "",
  stdout_truncated: false,
  stderr_truncated: false,
  duration_ms: 300,
  files: [],
  created_at: "2026-01-01T10:00:00Z",
};

afterEach(() => vi.unstubAllGlobals());

describe("executeArtifact", () => {
  it("posts with the CSRF header, reports output as it comes and resolves with the result", async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the CSRF token the client echoes.
    document.cookie = "parley_csrf=abc";
    const text =
      'event: output\ndata: {"stream":"stdout","text":"h"}\n\n' +
      'event: output\ndata: {"stream":"stderr","text":"warn"}\n\n' +
      `event: result\ndata: ${JSON.stringify(result)}\n\n`;
    const pieces = text.match(/[\s\S]{1,9}/g) ?? [];
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) => new Response(body(pieces), { status: 200 }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const seen: string[] = [];
    const execution = await executeArtifact("a1", {
      timeoutSeconds: 20,
      onOutput: (stream, chunk) => seen.push(`${stream}:${chunk}`),
    });
    expect(execution).toEqual(result);
    expect(seen).toEqual(["stdout:h", "stderr:warn"]);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/artifacts/a1/execute");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ timeout_seconds: 20 });
    expect((init.headers as Record<string, string>)["X-CSRF-Token"]).toBe("abc");
  });

  it("turns a refusal into an ApiError with the server's reason", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ detail: "Only code artifacts can be run." }), {
            status: 422,
          }),
      ),
    );
    const run = executeArtifact("a1", { onOutput: () => undefined });
    await expect(run).rejects.toBeInstanceOf(ApiError);
    await expect(run).rejects.toMatchObject({
      status: 422,
      message: "Only code artifacts can be run.",
    });
  });

  it("fails when the stream ends without a result", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () => new Response(body(['event: output\ndata: {"stream":"stdout","text":"x"}\n\n'])),
      ),
    );
    await expect(executeArtifact("a1", { onOutput: () => undefined })).rejects.toThrow(
      /closed before the run finished/,
    );
  });
});
