import { describe, expect, it } from "vitest";
import { dateGroup } from "./dates";

describe("dateGroup", () => {
  const now = new Date(2026, 10, 27, 9, 0);
  it("buckets by calendar day in local time", () => {
    expect(dateGroup(new Date(2026, 10, 27, 0, 5).toISOString(), now)).toBe("Today");
    expect(dateGroup(new Date(2026, 10, 26, 23, 59).toISOString(), now)).toBe("Yesterday");
    expect(dateGroup(new Date(2026, 10, 22).toISOString(), now)).toBe("Previous 7 days");
    expect(dateGroup(new Date(2026, 10, 5).toISOString(), now)).toBe("Previous 30 days");
    expect(dateGroup(new Date(2025, 1, 1).toISOString(), now)).toBe("Older");
  });
});
