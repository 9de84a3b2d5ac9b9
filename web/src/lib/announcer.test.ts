import { describe, expect, it } from "vitest";
import { SentenceAnnouncer } from "./announcer";

describe("SentenceAnnouncer", () => {
  it("speaks whole sentences, not tokens, then the rest on completion", () => {
    const said: string[] = [];
    let now = 0;
    const a = new SentenceAnnouncer(
      (t) => said.push(t),
      1000,
      () => now,
    );
    now = 5000;
    a.update("Hel");
    a.update("Hello there");
    expect(said).toEqual([]);
    a.update("Hello there. How are");
    expect(said).toEqual(["Hello there."]);
    now = 5500;
    a.update("Hello there. How are you? I am");
    expect(said).toHaveLength(1);
    a.finish("Hello there. How are you? I am fine", "Answer complete.");
    expect(said[1]).toBe("How are you? I am fine Answer complete.");
  });
});
