import { describe, expect, it } from "vitest";
import { RawSseParser, SseParser } from "./sseParser";

describe("SseParser", () => {
  it("parses frames split across chunks and skips keepalives", () => {
    const parser = new SseParser();
    const text =
      ': keepalive\n\nid: 1\nevent: text_delta\ndata: {"type":"text_delta","text":"Hi"}\n\n' +
      'id: 2\r\nevent: message_stop\r\ndata: {"type":"message_stop","status":"complete","stop_reason":null}\r\n\r\n';
    const out = [];
    for (let i = 0; i < text.length; i += 7) out.push(...parser.push(text.slice(i, i + 7)));
    expect(out).toEqual([
      { seq: 1, event: { type: "text_delta", text: "Hi" } },
      { seq: 2, event: { type: "message_stop", status: "complete", stop_reason: null } },
    ]);
  });

  it("ignores frames without an id or with broken JSON", () => {
    const parser = new SseParser();
    expect(parser.push("data: {}\n\nid: 3\ndata: {nope\n\n")).toEqual([]);
  });
});

describe("RawSseParser", () => {
  it("keeps the event name and multi-line data, with or without an id", () => {
    const parser = new RawSseParser();
    expect(
      parser.push('event: output\ndata: {"a":\ndata: 1}\n\n: ping\n\nid: 4\ndata: x\n\n'),
    ).toEqual([
      { id: null, event: "output", data: '{"a":\n1}' },
      { id: "4", event: null, data: "x" },
    ]);
  });
});
