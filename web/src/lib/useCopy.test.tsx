import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCopy } from "./useCopy";

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

describe("useCopy", () => {
  afterEach(() => vi.useRealTimers());

  it("says Copied for a moment after copying", async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(async () => {});
    stubClipboard(writeText);
    const { result } = renderHook(() => useCopy("hello", 1000));
    await act(() => result.current.copy());
    expect(writeText).toHaveBeenCalledWith("hello");
    expect(result.current.copied).toBe(true);
    expect(result.current.label("Copy")).toBe("Copied");
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.label("Copy")).toBe("Copy");
  });

  it("tells the person when the browser refuses the clipboard", async () => {
    stubClipboard(async () => {
      throw new DOMException("denied", "NotAllowedError");
    });
    const { result } = renderHook(() => useCopy("hello"));
    await act(() => result.current.copy());
    expect(result.current.copied).toBe(false);
    expect(result.current.label("Copy")).toBe("Could not copy: clipboard blocked");
  });
});
