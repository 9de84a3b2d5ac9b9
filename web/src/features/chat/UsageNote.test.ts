import { describe, expect, it } from "vitest";
import { describeUsage } from "./UsageNote";

describe("describeUsage", () => {
  it("sums the tokens and shows the cost, with the cache on hover", () => {
    const usage = describeUsage(
      {
        input_tokens: 4500,
        output_tokens: 200,
        cache_read_tokens: 3000,
        cache_write_tokens: 500,
        cost_usd: 0.01,
      },
      "en-US",
    );
    expect(usage?.short).toBe("4.7K tokens · $0.01");
    expect(usage?.full).toContain("4,500 input tokens");
    expect(usage?.full).toContain("of them 3,000 from the cache");
    expect(usage?.full).toContain("of them 500 written to the cache");
    expect(usage?.full).toContain("200 output tokens");
  });

  it("says when the cost is unknown and stays quiet without counts", () => {
    const unknown = describeUsage(
      {
        input_tokens: 10,
        output_tokens: 2,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: null,
      },
      "en-US",
    );
    expect(unknown?.short).toBe("12 tokens");
    expect(unknown?.full).toContain("Cost: unknown");
    expect(unknown?.full).not.toContain("cache");
    expect(
      describeUsage({ input_tokens: null, output_tokens: null, cost_usd: null }, "en-US"),
    ).toBeNull();
  });

  it("follows the locale", () => {
    const usage = describeUsage({ input_tokens: 1200, output_tokens: 34, cost_usd: 0.5 }, "de-DE");
    expect(usage?.full).toContain("1.200 input tokens");
    expect(usage?.short).toContain("0,5");
  });
});
