import { describe, expect, it } from "vitest";
import { emptySelection, reduceSelection, type Selection, type SelectionAction } from "./selection";

const run = (...actions: SelectionAction[]): Selection =>
  actions.reduce(reduceSelection, emptySelection);
const ids = (s: Selection) => [...s.ids].sort();
const order = ["a", "b", "c", "d", "e"];

describe("reduceSelection", () => {
  it("starts select mode on the chosen row, or on none", () => {
    expect(run({ type: "start", id: "b" })).toMatchObject({ active: true, anchor: "b" });
    expect(ids(run({ type: "start", id: "b" }))).toEqual(["b"]);
    expect(run({ type: "start" })).toMatchObject({ active: true, anchor: null });
  });

  it("toggles rows in and out, entering select mode on the first", () => {
    const s = run(
      { type: "toggle", id: "a" },
      { type: "toggle", id: "c" },
      { type: "toggle", id: "a" },
    );
    expect(s.active).toBe(true);
    expect(ids(s)).toEqual(["c"]);
    expect(s.anchor).toBe("a");
  });

  it("selects a range from the anchor in either direction, keeping the anchor", () => {
    const down = run({ type: "toggle", id: "b" }, { type: "range", id: "d", order });
    expect(ids(down)).toEqual(["b", "c", "d"]);
    expect(down.anchor).toBe("b");
    const up = run({ type: "toggle", id: "d" }, { type: "range", id: "a", order });
    expect(ids(up)).toEqual(["a", "b", "c", "d"]);
  });

  it("treats a range with no anchor as a toggle, and ignores rows not listed", () => {
    expect(ids(run({ type: "range", id: "c", order }))).toEqual(["c"]);
    const s = run({ type: "toggle", id: "a" });
    expect(reduceSelection(s, { type: "range", id: "zz", order })).toBe(s);
  });

  it("selects all and none without leaving select mode", () => {
    const all = run({ type: "start" }, { type: "all", ids: order });
    expect(ids(all)).toEqual(order);
    const none = reduceSelection(all, { type: "none" });
    expect(none.active).toBe(true);
    expect(ids(none)).toEqual([]);
  });

  it("drops rows that left the list, and is unchanged when none did", () => {
    const s = run({ type: "toggle", id: "a" }, { type: "toggle", id: "b" });
    const kept = reduceSelection(s, { type: "retain", ids: new Set(["a", "c"]) });
    expect(ids(kept)).toEqual(["a"]);
    expect(kept.anchor).toBeNull();
    expect(reduceSelection(kept, { type: "retain", ids: new Set(order) })).toBe(kept);
  });

  it("exits to nothing selected", () => {
    expect(run({ type: "toggle", id: "a" }, { type: "exit" })).toEqual(emptySelection);
  });
});
