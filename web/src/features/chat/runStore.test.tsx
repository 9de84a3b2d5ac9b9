import { act, render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { initialRunState, reduceRun } from "./runReducer";
import { clearRunState, setRunState, useActiveRunId, useIsStreaming } from "./runStore";

function Probe({ seen }: { seen: Array<[string | undefined, boolean]> }) {
  const runId = useActiveRunId("c1");
  const streaming = useIsStreaming("c1");
  seen.push([runId, streaming]);
  return null;
}

describe("run store subscriptions", () => {
  it("re-render the chat view and sidebar when a run starts and ends, not per token", () => {
    const seen: Array<[string | undefined, boolean]> = [];
    render(<Probe seen={seen} />);
    const renders = () => seen.length;
    act(() => setRunState("m1", () => ({ ...initialRunState("r1", "m1"), conversationId: "c1" })));
    const afterStart = renders();
    for (let seq = 1; seq <= 20; seq++) {
      act(() =>
        setRunState("m1", (prev) =>
          reduceRun(prev ?? initialRunState("r1", "m1"), {
            seq,
            event: { type: "text_delta", text: "token " },
          }),
        ),
      );
    }
    expect(renders()).toBe(afterStart);
    act(() =>
      setRunState("m1", (prev) =>
        reduceRun(prev ?? initialRunState("r1", "m1"), {
          seq: 21,
          event: { type: "message_stop", status: "complete", stop_reason: "end_turn" },
        }),
      ),
    );
    expect(seen.at(-1)).toEqual([undefined, false]);
    expect(seen).toContainEqual(["r1", true]);
    act(() => clearRunState("m1"));
  });
});
