import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Artifact, ArtifactVersion } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import ArtifactPanel from "./ArtifactPanel";
import { fixRequest } from "./ErrorBar";
import { artifactKeys } from "./keys";
import { useArtifactPanel } from "./store";
import { versionSource } from "./VersionMenu";

const artifact: Artifact = {
  id: "a1",
  conversation_id: "c1",
  identifier: "merge",
  type: "code",
  title: "Merge intervals",
  language: "python",
  version: 2,
  content: "def merge():\n    return []\n",
  public_url: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:05:00Z",
};
const version = (n: number, content: string, messageId: string | null): ArtifactVersion => ({
  version: n,
  type: "code",
  title: "Merge intervals",
  language: "python",
  content,
  operation: messageId ? (n === 1 ? "create" : "update") : "edit",
  message_id: messageId,
  created_at: "2026-01-01T10:00:00Z",
});

function renderPanel(props: Partial<Parameters<typeof ArtifactPanel>[0]> = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  client.setQueryData(artifactKeys.list("c1"), { artifacts: [artifact] });
  client.setQueryData(artifactKeys.versions("a1"), {
    versions: [version(1, "def merge():\n    pass\n", "m1"), version(2, artifact.content, null)],
  });
  client.setQueryData(queryKeys.messages("c1"), { messages: [] });
  return render(
    <QueryClientProvider client={client}>
      <ArtifactPanel
        conversationId="c1"
        canSend
        onAsk={props.onAsk ?? vi.fn()}
        onSend={props.onSend ?? vi.fn()}
      />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  act(() => useArtifactPanel.getState().openArtifact("c1", "a1", null));
});
afterEach(() =>
  act(() => {
    useArtifactPanel.getState().close();
    useArtifactPanel.setState({ conversationId: null });
  }),
);

describe("ArtifactPanel", () => {
  it("opens code on its source, and switches to the preview", async () => {
    renderPanel();
    expect(screen.getByRole("heading", { name: "Merge intervals" })).toBeInTheDocument();
    expect(screen.getByTestId("artifact-code")).toHaveTextContent("def merge():");
    expect(screen.getByRole("button", { name: "Code" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(screen.getByTitle("Preview of Merge intervals").tagName).toBe("IFRAME");
  });

  it("focuses its title when a person opens it", () => {
    renderPanel();
    expect(screen.getByRole("heading", { name: "Merge intervals" })).toHaveFocus();
  });

  it("shows an older version picked from the selector", async () => {
    renderPanel();
    await userEvent.click(screen.getByRole("button", { name: /Choose a version/ }));
    const options = screen.getAllByRole("menuitemradio");
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("Version 2"),
      expect.stringContaining("Version 1"),
    ]);
    expect(options[0]).toHaveTextContent("Edited by you");
    await userEvent.click(screen.getByRole("menuitemradio", { name: /Version 1/ }));
    expect(screen.getByTestId("artifact-code")).toHaveTextContent("pass");
    expect(screen.getByRole("button", { name: "Show the latest version" })).toBeInTheDocument();
  });

  it("leaves full screen on Escape", async () => {
    renderPanel();
    await userEvent.click(screen.getByRole("button", { name: "Full screen" }));
    expect(screen.getByTestId("artifact-panel")).toHaveAttribute("data-fullscreen", "true");
    await userEvent.keyboard("{Escape}");
    expect(screen.getByTestId("artifact-panel")).toHaveAttribute("data-fullscreen", "false");
  });

  it("prefills a request to change it", async () => {
    const onAsk = vi.fn();
    renderPanel({ onAsk });
    await userEvent.click(screen.getByRole("button", { name: "Ask to change" }));
    expect(onAsk).toHaveBeenCalledWith('Change the "Merge intervals" artifact (merge): ');
  });

  it("closes and clears the selection", async () => {
    renderPanel();
    await userEvent.click(screen.getByRole("button", { name: "Close artifact panel" }));
    await waitFor(() => expect(useArtifactPanel.getState().open).toBe(false));
  });
});

describe("panel helpers", () => {
  it("asks for a fix with the error and the artifact named", () => {
    const text = fixRequest("Broken page", "broken", {
      message: "Error: boom",
      detail: "at <anonymous>:1:7",
    });
    expect(text).toContain('"Broken page" artifact (broken)');
    expect(text).toContain("Error: boom\nat <anonymous>:1:7");
    expect(fixRequest("X", "x", { message: "boom", detail: "boom" })).not.toContain("boom\nboom");
  });

  it("names the request a version came from", () => {
    const messages = [
      {
        id: "u1",
        parent_id: null,
        role: "user",
        parts: [{ type: "text", text: "Make   me\na page" }],
      },
      { id: "m1", parent_id: "u1", role: "assistant", parts: [] },
    ] as unknown as Parameters<typeof versionSource>[1];
    expect(versionSource(version(1, "", "m1"), messages)).toBe("“Make me a page”");
    expect(versionSource(version(2, "", null), messages)).toBe("Edited by you");
    expect(versionSource(version(3, "", "gone"), messages)).toBe("From an answer");
  });
});
