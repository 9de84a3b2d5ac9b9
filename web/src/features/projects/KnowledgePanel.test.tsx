import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { KnowledgeFile } from "../../api/types";
import { KnowledgePanel } from "./KnowledgePanel";
import { json, knowledgeFile } from "./testing";

/** The server's knowledge list, one answer per poll (the last one repeats). */
function serveKnowledge(answers: KnowledgeFile[][]) {
  const asked: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = String(input);
    asked.push(url);
    if (url.endsWith("/files")) {
      const polls = asked.filter((u) => u.endsWith("/files")).length;
      return json({ items: answers[Math.min(polls, answers.length) - 1] });
    }
    return json({});
  });
  return () => asked.filter((u) => u.endsWith("/api/projects/p1/files")).length;
}

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <KnowledgePanel projectId="p1" knowledgeTokens={0} onFiles={vi.fn()} />
    </QueryClientProvider>,
  );
}

const row = () => screen.getByTestId("knowledge-file");
const poll = () => act(() => vi.advanceTimersByTimeAsync(1000));

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("KnowledgePanel", () => {
  it("polls while a file is read, shows its progress, and stops once it is ready", async () => {
    const polls = serveKnowledge([
      [knowledgeFile({ status: "queued", chunks: 0, embedded: 0 })],
      [knowledgeFile({ status: "indexing", chunks: 12, embedded: 3 })],
      [knowledgeFile({ status: "indexing", chunks: 12, embedded: 9 })],
      [knowledgeFile({ status: "ready", chunks: 12, embedded: 12, token_estimate: 2400 })],
    ]);
    renderPanel();
    expect(
      await within(await screen.findByTestId("knowledge-file")).findByText("Queued"),
    ).toBeVisible();

    await poll();
    expect(within(row()).getByTestId("knowledge-status")).toHaveTextContent("Indexing 3/12");
    expect(
      within(row()).getByRole("progressbar", { name: "Indexing handbook.md" }),
    ).toHaveAttribute("aria-valuenow", "25");

    await poll();
    expect(within(row()).getByTestId("knowledge-status")).toHaveTextContent("Indexing 9/12");
    expect(within(row()).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "75");

    await poll();
    expect(within(row()).getByTestId("knowledge-status")).toHaveTextContent("Ready");
    expect(row()).toHaveTextContent("≈2,400 tokens");
    expect(within(row()).queryByRole("progressbar")).toBeNull();
    const settled = polls();

    await poll();
    await poll();
    expect(polls()).toBe(settled);
  });

  it("does not poll when every file is read, and says why one failed", async () => {
    const polls = serveKnowledge([
      [
        knowledgeFile({ file_id: "a", name: "notes.md" }),
        knowledgeFile({
          file_id: "b",
          name: "scan.pdf",
          kind: "pdf",
          status: "failed",
          error: "No text could be read from “scan.pdf”.",
        }),
      ],
    ]);
    renderPanel();
    const failed = (await screen.findAllByTestId("knowledge-file"))[1] as HTMLElement;
    expect(within(failed).getByTestId("knowledge-status")).toHaveTextContent(
      "Failed: No text could be read from “scan.pdf”.",
    );
    expect(screen.getByRole("button", { name: "Remove scan.pdf" })).toBeEnabled();
    await poll();
    await poll();
    expect(polls()).toBe(1);
  });
});
