import type { RunEvent, RunFrame } from "./types";

/**
 * Incremental parser for the run stream's `text/event-stream` frames. Chunks may split a frame (or a
 * UTF-8 character, which the caller's TextDecoder handles) anywhere; comment lines are keepalives.
 */
export class SseParser {
  private buffer = "";
  private id: string | null = null;
  private data: string[] = [];

  push(chunk: string): RunFrame[] {
    this.buffer += chunk;
    const frames: RunFrame[] = [];
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

  private consumeLine(line: string): RunFrame | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "id") this.id = value;
    else if (field === "data") this.data.push(value);
    return null;
  }

  private dispatch(): RunFrame | null {
    const id = this.id;
    const data = this.data.join("\n");
    this.id = null;
    this.data = [];
    if (!data || !id) return null;
    const seq = Number(id);
    if (!Number.isFinite(seq)) return null;
    try {
      return { seq, event: JSON.parse(data) as RunEvent };
    } catch {
      return null;
    }
  }
}
