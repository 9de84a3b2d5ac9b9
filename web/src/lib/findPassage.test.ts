import { describe, expect, it } from "vitest";
import { findPassage } from "./findPassage";

describe("findPassage", () => {
  const text =
    "# Holidays\n\nEveryone gets 31 days.\n\n# Parking\n\nThe garage door code\nis 4417. Spaces on level two.";

  it("finds the passage from its flattened excerpt, across line breaks", () => {
    const range = findPassage(text, "# Parking The garage door code is 4417. Spaces on level two.");
    expect(range).not.toBeNull();
    expect(text.slice(range?.start, range?.end)).toBe(
      "# Parking\n\nThe garage door code\nis 4417. Spaces on level two.",
    );
  });

  it("matches an excerpt cut short mid-word", () => {
    const range = findPassage(text, "The garage door co…");
    expect(text.slice(range?.start, range?.end)).toBe("The garage door co");
  });

  it("answers null when the text no longer holds it", () => {
    expect(findPassage(text, "Nothing like this")).toBeNull();
    expect(findPassage(text, "  …")).toBeNull();
  });

  it("treats the excerpt's punctuation literally", () => {
    expect(findPassage("a (b) [c]* d", "(b) [c]*")).toEqual({ start: 2, end: 10 });
  });
});
