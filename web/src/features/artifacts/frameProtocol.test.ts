import { describe, expect, it } from "vitest";
import {
  isFrameMessage,
  MAX_ERROR_MESSAGE_CHARS,
  MAX_HEIGHT,
  parseFrameMessage,
  parseRenderMessage,
  readFrameMessage,
  renderMessage,
} from "./frameProtocol";

const artifact = {
  type: "react",
  content: "export default () => null",
  title: "T",
  language: null,
};

describe("parseRenderMessage", () => {
  it("accepts a well-formed render, with or without a theme", () => {
    expect(parseRenderMessage({ parley: 1, type: "render", artifact, final: false })).toEqual({
      parley: 1,
      type: "render",
      artifact,
      final: false,
    });
    expect(
      parseRenderMessage({ parley: 1, type: "render", artifact, final: true, theme: "dark" })
        ?.theme,
    ).toBe("dark");
    expect(
      parseRenderMessage(renderMessage({ ...artifact, type: "svg" }, true, "light")),
    ).not.toBeNull();
  });

  it.each([
    ["another protocol version", { parley: 2, type: "render", artifact, final: true }],
    ["another type", { parley: 1, type: "height", artifact, final: true }],
    ["a missing final", { parley: 1, type: "render", artifact }],
    [
      "an unknown artifact type",
      { parley: 1, type: "render", artifact: { ...artifact, type: "exe" }, final: true },
    ],
    [
      "content that is not text",
      { parley: 1, type: "render", artifact: { ...artifact, content: 1 }, final: true },
    ],
    [
      "a language that is not text",
      { parley: 1, type: "render", artifact: { ...artifact, language: 3 }, final: true },
    ],
    ["an unknown theme", { parley: 1, type: "render", artifact, final: true, theme: "sepia" }],
    ["an array", [1, 2]],
    ["a string", "render"],
    ["null", null],
  ])("rejects %s", (_, data) => {
    expect(parseRenderMessage(data)).toBeNull();
  });

  it("copies only the known fields", () => {
    const parsed = parseRenderMessage({
      parley: 1,
      type: "render",
      final: true,
      extra: "x",
      artifact: { ...artifact, evil: true },
    });
    expect(parsed).toEqual({ parley: 1, type: "render", final: true, artifact });
  });
});

describe("parseFrameMessage", () => {
  it("accepts the frame's four messages", () => {
    expect(parseFrameMessage({ parley: 1, type: "ready" })).toEqual({ parley: 1, type: "ready" });
    expect(parseFrameMessage({ parley: 1, type: "rendered", x: 1 })).toEqual({
      parley: 1,
      type: "rendered",
    });
    expect(parseFrameMessage({ parley: 1, type: "height", height: 120.2 })).toEqual({
      parley: 1,
      type: "height",
      height: 121,
    });
    expect(
      parseFrameMessage({ parley: 1, type: "error", message: "boom", detail: "at x" }),
    ).toEqual({
      parley: 1,
      type: "error",
      message: "boom",
      detail: "at x",
    });
  });

  it("bounds what a hostile frame can send", () => {
    expect(parseFrameMessage({ parley: 1, type: "height", height: 1e12 })).toMatchObject({
      height: MAX_HEIGHT,
    });
    const long = parseFrameMessage({ parley: 1, type: "error", message: "x".repeat(50_000) });
    expect(long?.type === "error" && long.message.length).toBe(MAX_ERROR_MESSAGE_CHARS);
  });

  it.each([
    { parley: 1, type: "height", height: -1 },
    { parley: 1, type: "height", height: Number.NaN },
    { parley: 1, type: "height", height: "10" },
    { parley: 1, type: "error" },
    { parley: 1, type: "error", message: "x", detail: {} },
    { parley: 1, type: "render", artifact, final: true },
    { type: "ready" },
    "ready",
  ])("rejects %j", (data) => {
    expect(parseFrameMessage(data)).toBeNull();
  });
});

describe("readFrameMessage", () => {
  it("accepts only messages whose source is the iframe's own window", () => {
    const iframe = document.createElement("iframe");
    document.body.append(iframe);
    const data = { parley: 1, type: "ready" };
    const fromFrame = new MessageEvent("message", { data, source: iframe.contentWindow });
    expect(readFrameMessage(fromFrame, iframe)).toEqual(data);
    expect(isFrameMessage(fromFrame, iframe)).toBe(true);
    expect(
      readFrameMessage(new MessageEvent("message", { data, source: window }), iframe),
    ).toBeNull();
    expect(readFrameMessage(new MessageEvent("message", { data }), iframe)).toBeNull();
    expect(readFrameMessage(fromFrame, null)).toBeNull();
    const bad = new MessageEvent("message", {
      data: { parley: 1, type: "nope" },
      source: iframe.contentWindow,
    });
    expect(isFrameMessage(bad, iframe)).toBe(false);
    iframe.remove();
  });
});
