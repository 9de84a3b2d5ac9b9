import { act, screen } from "@testing-library/react";
import { Profiler } from "react";
import { describe, expect, it } from "vitest";
import type { Message } from "../../api/types";
import { renderWithQuery as render } from "../../test/render";
import { MessageItem } from "./MessageItem";
import { initialRunState, reduceRun } from "./runReducer";
import { clearRunState, setRunState } from "./runStore";

const assistant = (id: string, text: string, status: Message["status"] = "complete"): Message => ({
  id,
  conversation_id: "c",
  parent_id: null,
  role: "assistant",
  parts: text ? [{ type: "text", text }] : [],
  model: "m",
  status,
  stop_reason: null,
  error: null,
  input_tokens: null,
  output_tokens: null,
  run_id: status === "streaming" ? "r1" : null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
});

describe("MessageItem", () => {
  it("re-renders only the streaming message when a token arrives", () => {
    const renders: Record<string, number> = { old: 0, live: 0 };
    const onRender = (id: string) => {
      renders[id] = (renders[id] ?? 0) + 1;
    };
    const old = assistant("old", "An earlier answer.");
    const live = assistant("live", "", "streaming");
    const noop = () => undefined;
    render(
      <>
        <Profiler id="old" onRender={onRender}>
          <MessageItem message={old} canRetry={false} onRetry={noop} />
        </Profiler>
        <Profiler id="live" onRender={onRender}>
          <MessageItem message={live} canRetry={false} onRetry={noop} />
        </Profiler>
      </>,
    );
    const before = { ...renders };
    let seq = 0;
    for (const word of ["Streaming ", "words ", "arrive."]) {
      seq += 1;
      act(() =>
        setRunState("live", (prev) =>
          reduceRun(prev ?? { ...initialRunState("r1", "live"), conversationId: "c" }, {
            seq,
            event: { type: "text_delta", text: word },
          }),
        ),
      );
    }
    expect(screen.getByText("Streaming words arrive.")).toBeInTheDocument();
    expect(renders.old).toBe(before.old);
    expect(renders.live).toBeGreaterThan(before.live ?? 0);
    act(() => clearRunState("live"));
  });

  it("shows an interrupted answer for what it is, with Retry", () => {
    const message = assistant("gone", "Partial text", "interrupted");
    render(<MessageItem message={message} canRetry onRetry={() => undefined} />);
    expect(screen.getByTestId("status-note")).toHaveTextContent("interrupted");
    expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument();
  });

  it("shows the error message of a failed answer", () => {
    const message = {
      ...assistant("bad", "", "error"),
      error: { kind: "provider", message: "The model is overloaded." },
    };
    render(<MessageItem message={message} canRetry onRetry={() => undefined} />);
    expect(screen.getByRole("alert")).toHaveTextContent("The model is overloaded.");
  });
});
