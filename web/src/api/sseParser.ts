import type { RunEvent, RunFrame } from "./types";

/** One `text/event-stream` frame as sent: its fields, not yet interpreted. */
export interface RawSseFrame {
  id: string | null;
  event: string | null;
  data: string;
}

/**
 * Incremental parser for `text/event-stream`. Chunks may split a frame (or a UTF-8 character, which
 * the caller's TextDecoder handles) anywhere; comment lines are keepalives.
 */
export class RawSseParser {
  private buffer = "";
  private id: string | null = null;
  private event: string | null = null;
  private data: string[] = [];

  push(chunk: string): RawSseFrame[] {
    this.buffer += chunk;
    const frames: RawSseFrame[] = [];
    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      // A lone CR at the end may be the first half of a CRLF split across chunks.
      if (this.buffer[newline] === "\r" && newline === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith("\r\n", newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      const frame = this.consumeLine(line);
      if (frame) frames.push(frame);
      newline = this.buffer.search(/\r\n|\r|\n/);
    }
    return frames;
  }

  private consumeLine(line: string): RawSseFrame | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "id") this.id = value;
    else if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    return null;
  }

  private dispatch(): RawSseFrame | null {
    const frame = { id: this.id, event: this.event, data: this.data.join("\n") };
    this.id = null;
    this.event = null;
    this.data = [];
    return frame.data ? frame : null;
  }
}

/** The run stream's frames: each has a seq (`id:`) and one RunEvent as JSON data. */
export class SseParser {
  private readonly raw = new RawSseParser();

  push(chunk: string): RunFrame[] {
    const frames: RunFrame[] = [];
    for (const { id, data } of this.raw.push(chunk)) {
      if (!id) continue;
      const seq = Number(id);
      if (!Number.isFinite(seq)) continue;
      try {
        frames.push({ seq, event: JSON.parse(data) as RunEvent });
      } catch {
        // a broken frame is skipped; the next one carries on
      }
    }
    return frames;
  }
}
