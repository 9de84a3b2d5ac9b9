import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  dismissToast,
  MAX_TOASTS,
  pauseToast,
  resumeToast,
  runToastAction,
  Toaster,
  toast,
  useToasts,
} from "./Toast";

const shown = () => useToasts.getState().toasts.map((t) => t.message);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  for (const t of useToasts.getState().toasts) dismissToast(t.id);
  vi.useRealTimers();
});

describe("toast store", () => {
  it("closes a toast when its time is up, saying so", () => {
    const onClose = vi.fn();
    toast({ message: "Saved", durationMs: 1000, onClose });
    vi.advanceTimersByTime(999);
    expect(shown()).toEqual(["Saved"]);
    vi.advanceTimersByTime(1);
    expect(shown()).toEqual([]);
    expect(onClose).toHaveBeenCalledWith("timeout");
  });

  it("stops the clock while paused and carries on with what was left", () => {
    const id = toast({ message: "Chat deleted", durationMs: 1000 });
    vi.advanceTimersByTime(600);
    pauseToast(id);
    vi.advanceTimersByTime(5000);
    expect(shown()).toEqual(["Chat deleted"]);
    resumeToast(id);
    vi.advanceTimersByTime(399);
    expect(shown()).toEqual(["Chat deleted"]);
    vi.advanceTimersByTime(1);
    expect(shown()).toEqual([]);
  });

  it("runs the action once and closes, without the timeout firing later", () => {
    const onAction = vi.fn();
    const onClose = vi.fn();
    const id = toast({ message: "Chat deleted", action: { label: "Undo", onAction }, onClose });
    runToastAction(id);
    runToastAction(id);
    vi.advanceTimersByTime(60_000);
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledWith("action");
  });

  it("keeps at most a few, replacing the oldest", () => {
    const onClose = vi.fn();
    toast({ message: "first", onClose });
    for (let i = 2; i <= MAX_TOASTS + 1; i++) toast({ message: `toast ${i}` });
    expect(shown()).toHaveLength(MAX_TOASTS);
    expect(shown()).not.toContain("first");
    expect(onClose).toHaveBeenCalledWith("replaced");
  });
});

describe("Toaster", () => {
  it("announces toasts in a polite live region, with their action and a dismiss button", async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    const onAction = vi.fn();
    render(<Toaster />);
    const region = screen.getByRole("status");
    expect(region).toHaveAttribute("aria-live", "polite");
    act(() => {
      toast({ message: "Chat deleted", action: { label: "Undo", onAction } });
      toast({ message: "Couldn't archive: offline", tone: "error" });
    });
    expect(region).toHaveTextContent("Chat deleted");
    expect(region).toHaveTextContent("Error: Couldn't archive: offline");
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(onAction).toHaveBeenCalledOnce();
    expect(region).not.toHaveTextContent("Chat deleted");
    await user.click(screen.getByRole("button", { name: "Dismiss notification" }));
    expect(screen.queryAllByTestId("toast")).toHaveLength(0);
  });

  it("waits while the pointer is over a toast", () => {
    render(<Toaster />);
    act(() => {
      toast({ message: "Chat archived", durationMs: 1000 });
    });
    const card = screen.getByTestId("toast");
    act(() => {
      card.dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
    });
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(shown()).toEqual(["Chat archived"]);
  });

  it("takes Ctrl/⌘+Z as the newest Undo, except in a text field", () => {
    const onAction = vi.fn();
    render(
      <>
        <textarea aria-label="Message" />
        <Toaster />
      </>,
    );
    act(() => {
      toast({ message: "Chat deleted", action: { label: "Undo", onAction, undo: true } });
    });
    const box = screen.getByRole("textbox", { name: "Message" });
    box.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }));
    expect(onAction).not.toHaveBeenCalled();
    act(() => {
      document.body.dispatchEvent(
        new KeyboardEvent("keydown", { key: "z", metaKey: true, bubbles: true }),
      );
    });
    expect(onAction).toHaveBeenCalledOnce();
    expect(shown()).toEqual([]);
  });
});
