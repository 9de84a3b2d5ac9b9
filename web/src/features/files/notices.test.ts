import { describe, expect, it } from "vitest";
import { contextBudget } from "./contextBudget";
import { composerNotices } from "./notices";
import { model } from "./testing";

const photo = { name: "photo.png", kind: "image" as const };
const report = { name: "report.pdf", kind: "pdf" as const };

describe("composerNotices", () => {
  it("warns that a model without vision gets only an image's name", () => {
    const [notice] = composerNotices(model({ name: "Text Only", vision: false }), [photo], null);
    expect(notice?.tone).toBe("warn");
    expect(notice?.text).toContain("Text Only can't see images");
    expect(notice?.text).toContain("only the name of “photo.png”");
  });

  it("counts several images in one warning", () => {
    const notices = composerNotices(model({ vision: false }), [photo, photo], null);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain("the names of the 2 images");
  });

  it("says nothing for a model with vision", () => {
    expect(composerNotices(model(), [photo, report], null)).toEqual([]);
  });

  it("mentions, quietly, that a PDF reaches a text-only reader as text", () => {
    const [notice] = composerNotices(model({ pdf: false }), [report], null);
    expect(notice).toMatchObject({ id: "pdf", tone: "info" });
  });

  it("warns when the turn would overflow the context window", () => {
    const budget = contextBudget({
      branch: [],
      draft: "",
      pendingTokens: [150_000, 60_000],
      limit: 200_000,
    });
    const [notice] = composerNotices(model({ name: "M" }), [], budget);
    expect(notice?.id).toBe("context");
    expect(notice?.text).toContain("210,000 tokens");
    expect(notice?.text).toContain("M's 200K-token context");
  });
});
