import { describe, expect, it } from "vitest";
import { isIndexing, knowledgePollInterval, knowledgeProgress } from "./knowledgeStatus";
import { knowledgeFile } from "./testing";

describe("knowledgeProgress", () => {
  it("says where each file stands, with the embedded share while indexing", () => {
    expect(knowledgeProgress(knowledgeFile({ status: "queued", chunks: 0, embedded: 0 }))).toEqual({
      label: "Queued",
      fraction: null,
      tone: "pending",
    });
    expect(
      knowledgeProgress(knowledgeFile({ status: "indexing", chunks: 12, embedded: 3 })),
    ).toEqual({ label: "Indexing 3/12", fraction: 0.25, tone: "pending" });
    expect(knowledgeProgress(knowledgeFile({ status: "ready" }))).toEqual({
      label: "Ready",
      fraction: null,
      tone: "ready",
    });
    expect(knowledgeProgress(knowledgeFile({ status: "failed", error: "No text" })).tone).toBe(
      "failed",
    );
  });

  it("shows no count before the passages are written, and never more done than there are", () => {
    expect(
      knowledgeProgress(knowledgeFile({ status: "indexing", chunks: 0, embedded: 0 })).label,
    ).toBe("Indexing");
    expect(
      knowledgeProgress(knowledgeFile({ status: "indexing", chunks: 4, embedded: 9 })),
    ).toMatchObject({ label: "Indexing 4/4", fraction: 1 });
  });
});

describe("knowledgePollInterval", () => {
  it("polls every second while any file is queued or indexing, and stops after", () => {
    const ready = knowledgeFile({ file_id: "a" });
    expect(knowledgePollInterval(undefined)).toBe(false);
    expect(knowledgePollInterval([])).toBe(false);
    expect(knowledgePollInterval([ready, knowledgeFile({ file_id: "b", status: "queued" })])).toBe(
      1000,
    );
    expect(knowledgePollInterval([knowledgeFile({ status: "indexing" })])).toBe(1000);
    expect(knowledgePollInterval([ready, knowledgeFile({ file_id: "c", status: "failed" })])).toBe(
      false,
    );
    expect(isIndexing([ready])).toBe(false);
  });
});
