import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ContextMeter } from "./ContextMeter";
import type { ContextBudget } from "./contextBudget";

const budget = (overrides: Partial<ContextBudget>): ContextBudget => ({
  conversation: 12_000,
  sentFiles: 3_000,
  pendingFiles: 5_000,
  draft: 40,
  total: 20_040,
  limit: 200_000,
  ...overrides,
});

describe("ContextMeter", () => {
  it("opens to the breakdown, files included, and closes on Escape back to the meter", async () => {
    const user = userEvent.setup();
    render(<ContextMeter budget={budget({})} />);
    const meter = screen.getByRole("button", { name: /^10% of the context used/ });
    expect(meter).toHaveAttribute("data-level", "ok");
    await user.click(meter);
    const panel = screen.getByRole("dialog", { name: "Context window" });
    expect(panel).toHaveTextContent("Conversation≈12,000");
    expect(panel).toHaveTextContent("Files≈8,000");
    expect(panel).toHaveTextContent("This message≈40");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(meter).toHaveFocus();
  });

  it("turns amber near the limit and red past it", () => {
    const { rerender } = render(<ContextMeter budget={budget({ total: 170_000 })} />);
    expect(screen.getByTestId("context-meter")).toHaveAttribute("data-level", "high");
    rerender(<ContextMeter budget={budget({ total: 230_000 })} />);
    expect(screen.getByTestId("context-meter")).toHaveAttribute("data-level", "over");
    expect(screen.getByTestId("context-meter")).toHaveTextContent("115%");
  });

  it("stays out of the way before there is anything to count", () => {
    render(<ContextMeter budget={budget({ total: 0 })} />);
    expect(screen.queryByTestId("context-meter")).toBeNull();
  });
});
