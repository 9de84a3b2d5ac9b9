import type { UseQueryResult } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { describe, expect, it, vi } from "vitest";
import type { Message, MessageList } from "../../api/types";
import { useFocusedMessage } from "./useFocusedMessage";

const msg = (id: string, parent: string | null, at: string): Message => ({
  id,
  conversation_id: "c",
  parent_id: parent,
  role: "user",
  parts: [{ type: "text", text: id }],
  model: null,
  status: "complete",
  stop_reason: null,
  error: null,
  input_tokens: null,
  output_tokens: null,
  run_id: null,
  created_at: at,
  updated_at: at,
});

// u1 → a1 → u2 is the old thread; u1b (an edit of the first message) is newer and shown by default.
const tree: MessageList = {
  messages: [
    msg("u1", null, "2026-01-01T10:00:00Z"),
    msg("a1", "u1", "2026-01-01T10:00:01Z"),
    msg("u2", "a1", "2026-01-01T10:01:00Z"),
    msg("u1b", null, "2026-01-01T11:00:00Z"),
  ],
};

const query = (data: MessageList, overrides: Partial<UseQueryResult<MessageList>> = {}) =>
  ({
    data,
    isFetching: false,
    refetch: vi.fn(),
    ...overrides,
  }) as unknown as UseQueryResult<MessageList>;

function setup(initial: string, messages: UseQueryResult<MessageList>) {
  const setChoice = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>
  );
  const hook = renderHook(
    ({ result }) => ({ focus: useFocusedMessage(result, {}, setChoice), location: useLocation() }),
    { wrapper, initialProps: { result: messages } },
  );
  return { ...hook, setChoice };
}

describe("useFocusedMessage", () => {
  it("shows the thread holding ?m=, then makes it the reader's choice and drops the parameter", () => {
    const { result, setChoice } = setup("/chat/c?m=u2", query(tree));
    expect(result.current.focus.messageId).toBe("u2");
    expect(result.current.focus.choices).toEqual({ "": "u1", u1: "a1", a1: "u2" });
    act(() => result.current.focus.onFocused());
    expect(Object.fromEntries(setChoice.mock.calls)).toEqual({ "": "u1", u1: "a1", a1: "u2" });
    expect(result.current.location.search).toBe("");
  });

  it("fetches the tree once more for a message it does not hold, then lets it go", () => {
    const stale = query(tree);
    const { result, rerender } = setup("/chat/c?m=newer", stale);
    expect(stale.refetch).toHaveBeenCalledTimes(1);
    expect(result.current.focus.messageId).toBeNull();
    expect(result.current.location.search).toBe("?m=newer");
    rerender({ result: query({ messages: [...tree.messages] }) });
    expect(result.current.location.search).toBe("");
  });

  it("leaves the choices alone without ?m=", () => {
    const { result } = setup("/chat/c", query(tree));
    expect(result.current.focus).toMatchObject({ messageId: null, choices: {} });
  });
});
