import { describe, expect, it } from "vitest";
import { parseDelimited, parseSheets } from "./sheets";

describe("sheets", () => {
  it("reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseDelimited('name,note\n"Lovelace, Ada","said ""hi""\nthen left"\n')).toEqual([
      ["name", "note"],
      ["Lovelace, Ada", 'said "hi"\nthen left'],
    ]);
  });

  it("splits a workbook's text into its sheets", () => {
    const text = "--- Sheet: Q1 ---\nmonth,total\nJan,10\n--- Sheet: Q2 ---\nmonth,total\nApr,12\n";
    const sheets = parseSheets(text);
    expect(sheets?.map((s) => s.name)).toEqual(["Q1", "Q2"]);
    expect(sheets?.[1]?.rows).toEqual([
      ["month", "total"],
      ["Apr", "12"],
    ]);
  });

  it("detects tabs, caps the rows and says how many were left out", () => {
    const text = ["a\tb", ...Array.from({ length: 5 }, (_, i) => `${i}\t${i * 2}`)].join("\n");
    const [sheet] = parseSheets(text, 3) ?? [];
    expect(sheet?.rows[0]).toEqual(["a", "b"]);
    expect(sheet?.rows).toHaveLength(3);
    expect(sheet?.omitted).toBe(3);
  });

  it("gives up on text that is not a table", () => {
    expect(parseSheets("just\nsome\nlines")).toBeNull();
  });
});
