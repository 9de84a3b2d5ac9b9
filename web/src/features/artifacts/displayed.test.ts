import { describe, expect, it } from "vitest";
import type { Artifact, ArtifactVersion } from "../../api/types";
import type { StreamingArtifact } from "../chat/runReducer";
import { resolveDisplayed } from "./displayed";

const stored: Artifact = {
  id: "a1",
  conversation_id: "c1",
  identifier: "page",
  type: "html",
  title: "Hello page",
  language: null,
  version: 2,
  content: "<h1>v2</h1>",
  public_url: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:05:00Z",
};
const version = (n: number): ArtifactVersion => ({
  version: n,
  type: "html",
  title: "Hello page",
  language: null,
  content: `<h1>v${n}</h1>`,
  operation: n === 1 ? "create" : "update",
  message_id: "m1",
  created_at: "2026-01-01T10:00:00Z",
});
const live = (patch: Partial<StreamingArtifact>): StreamingArtifact => ({
  artifactId: "a1",
  identifier: "page",
  type: "html",
  title: "Hello page",
  language: null,
  operation: "rewrite",
  content: "<h1>v3 so f",
  version: null,
  ...patch,
});
const base = { artifactId: "a1", liveActive: false, versions: undefined, live: undefined };

describe("resolveDisplayed", () => {
  it("shows the newest stored version by default", () => {
    const shown = resolveDisplayed({ ...base, pinned: null, stored });
    expect(shown).toMatchObject({ content: "<h1>v2</h1>", version: 2, streaming: false });
  });

  it("follows a version being written, live", () => {
    const shown = resolveDisplayed({
      ...base,
      pinned: null,
      stored,
      live: live({}),
      liveActive: true,
    });
    expect(shown).toMatchObject({ content: "<h1>v3 so f", version: null, streaming: true });
    expect(shown?.latestVersion).toBe(2);
  });

  it("keeps the current content on screen while an update is applied", () => {
    const shown = resolveDisplayed({
      ...base,
      pinned: null,
      stored,
      live: live({ operation: "update", content: null }),
      liveActive: true,
    });
    expect(shown).toMatchObject({ content: "<h1>v2</h1>", streaming: true, operation: "update" });
  });

  it("shows a pinned version from the history", () => {
    const shown = resolveDisplayed({
      ...base,
      pinned: 1,
      stored,
      versions: [version(1), version(2)],
      live: live({}),
      liveActive: true,
    });
    expect(shown).toMatchObject({ content: "<h1>v1</h1>", version: 1, streaming: false });
  });

  it("waits for the history when a pinned version is not known yet", () => {
    expect(resolveDisplayed({ ...base, pinned: 1, stored })).toBeNull();
    expect(resolveDisplayed({ ...base, pinned: 2, stored })?.content).toBe("<h1>v2</h1>");
  });

  it("prefers a just-stored live version over a list that has not caught up", () => {
    const shown = resolveDisplayed({
      ...base,
      pinned: null,
      stored,
      live: live({ version: 3, content: "<h1>v3</h1>" }),
    });
    expect(shown).toMatchObject({ content: "<h1>v3</h1>", version: 3, latestVersion: 3 });
  });

  it("shows a brand-new artifact before the list knows it", () => {
    const shown = resolveDisplayed({
      ...base,
      pinned: null,
      stored: undefined,
      live: live({ operation: "create", content: "<p>" }),
      liveActive: true,
    });
    expect(shown).toMatchObject({ content: "<p>", latestVersion: null, streaming: true });
  });
});
