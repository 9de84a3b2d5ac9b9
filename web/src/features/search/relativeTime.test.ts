import { describe, expect, it } from "vitest";
import { formatRelative } from "./relativeTime";

const now = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MINUTE = 60_000;
const DAY = 86_400_000;

describe("formatRelative", () => {
  it("reads recent times relative to now", () => {
    expect(formatRelative(ago(10_000), now)).toBe("just now");
    expect(formatRelative(ago(5 * MINUTE), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 60 * MINUTE), now)).toBe("3 hours ago");
    expect(formatRelative(ago(DAY + MINUTE), now)).toBe("yesterday");
    expect(formatRelative(ago(4 * DAY), now)).toBe("4 days ago");
    expect(formatRelative(ago(15 * DAY), now)).toBe("2 weeks ago");
  });

  it("gives the date once it is a month old, with the year when it differs", () => {
    expect(formatRelative("2026-02-03T10:00:00Z", now)).toMatch(/Feb 3/);
    expect(formatRelative("2026-02-03T10:00:00Z", now)).not.toMatch(/2026/);
    expect(formatRelative("2024-11-20T10:00:00Z", now)).toMatch(/2024/);
  });
});
