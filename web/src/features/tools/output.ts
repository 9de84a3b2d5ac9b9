export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
}

export interface LiveOutput {
  /** In arrival order; consecutive chunks of one stream are merged. */
  chunks: OutputChunk[];
  /** True once early output was dropped to keep the page light (the result has all of it). */
  clipped: boolean;
}

// Output kept while code runs; the result, when it arrives, carries the whole (server-capped) output.
export const MAX_LIVE_OUTPUT = 200_000;

export const NO_OUTPUT: LiveOutput = { chunks: [], clipped: false };

/** Adds a piece of live output, dropping the oldest past MAX_LIVE_OUTPUT characters. Pure. */
export function appendOutput(
  live: LiveOutput,
  stream: OutputChunk["stream"],
  text: string,
  max = MAX_LIVE_OUTPUT,
): LiveOutput {
  const chunks = [...live.chunks];
  const last = chunks[chunks.length - 1];
  if (last && last.stream === stream) {
    chunks[chunks.length - 1] = { stream, text: last.text + text };
  } else {
    chunks.push({ stream, text });
  }
  let total = chunks.reduce((sum, chunk) => sum + chunk.text.length, 0);
  let clipped = live.clipped;
  while (total > max && chunks.length > 0) {
    const first = chunks[0] as OutputChunk;
    const excess = total - max;
    clipped = true;
    if (first.text.length <= excess) {
      chunks.shift();
      total -= first.text.length;
    } else {
      chunks[0] = { stream: first.stream, text: first.text.slice(excess) };
      total = max;
    }
  }
  return { chunks, clipped };
}
