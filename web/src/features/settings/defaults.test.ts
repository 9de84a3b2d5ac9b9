import { describe, expect, it } from "vitest";
import { applyChange, DEFAULT_SETTINGS, readableError, restoreKeys } from "./defaults";
import { newStyleId } from "./styles";

describe("applyChange", () => {
  it("sets the changed keys, and null puts one back to its default", () => {
    const settings = { ...DEFAULT_SETTINGS, theme: "dark" as const, thinking_budget: 4096 };
    const next = applyChange(settings, { theme: null, send_on_enter: false });
    expect(next.theme).toBe("system");
    expect(next.send_on_enter).toBe(false);
    expect(next.thinking_budget).toBe(4096);
  });

  it("puts back only the keys of a change that failed", () => {
    const before = { ...DEFAULT_SETTINGS, theme: "dark" as const };
    const now = { ...DEFAULT_SETTINGS, theme: "light" as const, text_size: "large" as const };
    expect(restoreKeys(now, before, ["theme"])).toEqual({ ...now, theme: "dark" });
  });
});

describe("readableError", () => {
  it("names settings as the page does and ends each reason with a full stop", () => {
    expect(
      readableError(
        "thinking_budget: Input should be less than or equal to 64000; locale: Value error, locale must be a language tag such as en, en-GB or pt-BR",
      ),
    ).toBe(
      "Thinking budget: input should be less than or equal to 64000. Language and region: value error, locale must be a language tag such as en, en-GB or pt-BR.",
    );
  });

  it("names a key inside a list by its setting", () => {
    expect(readableError("custom_styles.0.name: String should have at least 1 character")).toBe(
      "Custom styles: string should have at least 1 character.",
    );
  });

  it("leaves a sentence from the server as it is", () => {
    expect(readableError("There is no style 'pirate': choose normal or one of your own.")).toBe(
      "There is no style 'pirate': choose normal or one of your own.",
    );
  });
});

describe("newStyleId", () => {
  it("makes an id the server accepts from any name", () => {
    const random = () => "ab12";
    expect(newStyleId("Pirate Captain!", [], random)).toBe("pirate-captain-ab12");
    expect(newStyleId("Été", [], random)).toBe("ete-ab12");
    expect(newStyleId("日本語", [], random)).toBe("style-ab12");
    expect(newStyleId("x".repeat(80), [], random)).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
  });

  it("never repeats a taken id", () => {
    const parts = ["aaaa", "bbbb"];
    expect(newStyleId("Haiku", ["haiku-aaaa"], () => parts.shift() ?? "zzzz")).toBe("haiku-bbbb");
  });
});
