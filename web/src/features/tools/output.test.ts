import { describe, expect, it } from "vitest";
import { appendOutput, NO_OUTPUT } from "./output";

describe("appendOutput", () => {
  it("merges consecutive chunks of one stream and keeps the order across streams", () => {
    let live = appendOutput(NO_OUTPUT, "stdout", "a");
    live = appendOutput(live, "stdout", "b");
    live = appendOutput(live, "stderr", "!");
    live = appendOutput(live, "stdout", "c");
    expect(live.chunks).toEqual([
      { stream: "stdout", text: "ab" },
      { stream: "stderr", text: "!" },
      { stream: "stdout", text: "c" },
    ]);
    expect(live.clipped).toBe(false);
  });

  it("drops the oldest output past the limit and says so", () => {
    let live = appendOutput(NO_OUTPUT, "stdout", "12345", 8);
    live = appendOutput(live, "stderr", "678", 8);
    live = appendOutput(live, "stdout", "9ab", 8);
    expect(live.chunks.map((c) => c.text).join("")).toBe("456789ab");
    expect(live.chunks[0]).toEqual({ stream: "stdout", text: "45" });
    expect(live.clipped).toBe(true);
  });
});
