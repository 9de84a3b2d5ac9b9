import { describe, expect, it } from "vitest";
import { ACTIONS, filterActions } from "./actions";

const labels = (query: string) => filterActions(ACTIONS, query).map((a) => a.label);

describe("filterActions", () => {
  it("lists every action for an empty query", () => {
    expect(labels("  ")).toEqual(["New chat", "New project", "Toggle theme", "Settings"]);
  });

  it("matches word prefixes of the label and keywords, each word of the query", () => {
    expect(labels("new")).toEqual(["New chat", "New project"]);
    expect(labels("NEW pro")).toEqual(["New project"]);
    expect(labels("dark")).toEqual(["Toggle theme"]);
    expect(labels("them")).toEqual(["Toggle theme"]);
  });

  it("matches nothing for words found only inside other words", () => {
    expect(labels("hat")).toEqual([]);
  });

  it("opens the settings by name or by what is set there", () => {
    expect(labels("settings")).toEqual(["Settings"]);
    expect(labels("pref")).toEqual(["Settings"]);
    expect(labels("font")).toEqual(["Settings"]);
  });
});
