import { describe, expect, it } from "vitest";
import { type EnterKey, sendsMessage } from "./sendKey";

const key = (overrides: Partial<EnterKey> = {}): EnterKey => ({
  key: "Enter",
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  ...overrides,
});

describe("sendsMessage", () => {
  it("sends on Enter, not Shift+Enter, with Enter to send on", () => {
    expect(sendsMessage(key(), true)).toBe(true);
    expect(sendsMessage(key({ shiftKey: true }), true)).toBe(false);
    expect(sendsMessage(key({ ctrlKey: true }), true)).toBe(true);
  });

  it("sends only on Ctrl/⌘+Enter with Enter to send off", () => {
    expect(sendsMessage(key(), false)).toBe(false);
    expect(sendsMessage(key({ shiftKey: true }), false)).toBe(false);
    expect(sendsMessage(key({ ctrlKey: true }), false)).toBe(true);
    expect(sendsMessage(key({ metaKey: true }), false)).toBe(true);
  });

  it("never sends on the Enter that ends an IME composition, or on other keys", () => {
    expect(sendsMessage(key({ isComposing: true }), true)).toBe(false);
    expect(sendsMessage(key({ isComposing: true, ctrlKey: true }), false)).toBe(false);
    expect(sendsMessage(key({ key: "a" }), true)).toBe(false);
  });
});
