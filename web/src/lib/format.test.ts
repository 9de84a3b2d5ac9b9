import { describe, expect, it } from "vitest";
import { estimateTokens, formatPrices } from "./format";

describe("format", () => {
  it("estimates about four characters per token", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abc")).toBe(1);
    expect(estimateTokens("a".repeat(400))).toBe(100);
  });

  it("describes prices per million tokens, and local models as free", () => {
    expect(formatPrices({ provider: "anthropic", input_price: 3, output_price: 15 })).toBe(
      "$3 in · $15 out per M tokens",
    );
    expect(formatPrices({ provider: "anthropic", input_price: 0.8, output_price: 4 })).toBe(
      "$0.8 in · $4 out per M tokens",
    );
    expect(formatPrices({ provider: "local", input_price: null, output_price: null })).toBe(
      "Runs on this server, free",
    );
    expect(formatPrices({ provider: "openai", input_price: null, output_price: null })).toBe(
      "Price not listed",
    );
  });
});
