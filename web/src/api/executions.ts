import { ApiError, authHeaders, toApiError } from "./http";
import { RawSseParser } from "./sseParser";
import type { Execution } from "./types";

export type OutputStream = "stdout" | "stderr";

export interface ExecuteOptions {
  timeoutSeconds?: number;
  signal?: AbortSignal;
  onOutput: (stream: OutputStream, text: string) => void;
}

/**
 * Runs a code artifact in the sandbox. The answer is a POST that streams server-sent events:
 * `output` frames while the code runs, then one `result` frame (the stored execution). Refusals
 * (422 not runnable, 503 no sandbox) come back before the stream as ApiError with the reason.
 */
export async function executeArtifact(
  artifactId: string,
  { timeoutSeconds, signal, onOutput }: ExecuteOptions,
): Promise<Execution> {
  let response: Response;
  try {
    response = await fetch(`/api/artifacts/${encodeURIComponent(artifactId)}/execute`, {
      method: "POST",
      headers: {
        Accept: "text/event-stream",
        "Content-Type": "application/json",
        ...(await authHeaders("POST")),
      },
      credentials: "same-origin",
      cache: "no-store",
      body: JSON.stringify(timeoutSeconds === undefined ? {} : { timeout_seconds: timeoutSeconds }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "Cannot reach the server. Check your connection.");
  }
  if (!response.ok) throw await toApiError(response);
  if (!response.body) throw new ApiError(0, "The server sent no output.");

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new RawSseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
      let data: unknown;
      try {
        data = JSON.parse(frame.data);
      } catch {
        continue;
      }
      if (frame.event === "output") {
        const { stream, text } = data as { stream: OutputStream; text: string };
        onOutput(stream === "stderr" ? "stderr" : "stdout", text);
      } else if (frame.event === "result") {
        await reader.cancel().catch(() => undefined);
        return data as Execution;
      }
    }
  }
  throw new ApiError(0, "The connection closed before the run finished. See the run history.");
}
