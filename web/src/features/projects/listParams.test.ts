import { describe, expect, it } from "vitest";
import { readListParams, requestParams, writeListParams } from "./listParams";

describe("project list params", () => {
  it("reads the URL with defaults, and an unknown sort as activity", () => {
    expect(readListParams(new URLSearchParams(""))).toEqual({
      q: "",
      sort: "activity",
      archived: false,
    });
    expect(readListParams(new URLSearchParams("q=zeb&sort=name&archived=true"))).toEqual({
      q: "zeb",
      sort: "name",
      archived: true,
    });
    expect(readListParams(new URLSearchParams("sort=colour")).sort).toBe("activity");
  });

  it("writes changes, leaves defaults out and keeps the rest of the URL", () => {
    const start = new URLSearchParams("new=1&sort=name");
    expect(writeListParams(start, { q: "moon" }).toString()).toBe("new=1&sort=name&q=moon");
    expect(writeListParams(start, { sort: "activity" }).toString()).toBe("new=1");
    expect(writeListParams(start, { archived: true }).get("archived")).toBe("true");
    expect(
      writeListParams(new URLSearchParams("archived=true"), { archived: false }).toString(),
    ).toBe("");
  });

  it("asks the server with the query trimmed, so spaces share the cache", () => {
    expect(requestParams({ q: "  moon ", sort: "created", archived: false })).toEqual({
      q: "moon",
      sort: "created",
      archived: false,
    });
  });
});
