import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Part, Source, StoredFile } from "../../api/types";
import { storedFile } from "../files/testing";
import { closeFileViewer, useFileViewer } from "../files/viewerStore";
import { AnswerParts } from "./AnswerParts";

const file = vi.fn<(id: string) => Promise<StoredFile>>();
vi.mock("../../api/endpoints", () => ({ api: { file: (id: string) => file(id) } }));

const source = (overrides: Partial<Source> = {}): Source => ({
  n: 1,
  chunk_id: 11,
  file_id: "f1",
  file_name: "handbook.md",
  page: null,
  section: "Parking",
  excerpt: "# Parking The garage door code is 4417.",
  ...overrides,
});

function renderAnswer(parts: Part[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AnswerParts parts={parts} live={false} conversationId="c1" />
    </QueryClientProvider>,
  );
}

const cited = (text: string, sources: Source[]): Part[] => [
  { type: "text", text },
  { type: "sources", sources },
];

beforeEach(() => {
  file.mockReset();
  closeFileViewer();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("citations in an answer", () => {
  it("shows a chip named for its source, previewing the passage on focus until Escape", async () => {
    const user = userEvent.setup();
    renderAnswer(cited("The code is 4417 [1]. Parking is free [4].", [source()]));
    const chip = screen.getByRole("button", { name: "Source 1: handbook.md, Parking" });
    expect(chip).toHaveTextContent("1");
    expect(screen.getByTestId("assistant-text")).toHaveTextContent("Parking is free [4].");

    await user.tab();
    expect(chip).toHaveFocus();
    const preview = screen.getByRole("tooltip");
    // the passage's own heading is named beside it, not repeated
    expect(preview).toHaveTextContent("handbook.mdParkingThe garage door code is 4417.");
    expect(chip).toHaveAccessibleDescription(/The garage door code is 4417/);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("opens the file at the cited page and passage from a chip or the list", async () => {
    const user = userEvent.setup();
    file.mockResolvedValue(storedFile({ id: "f2", name: "terms.pdf", kind: "pdf", pages: 9 }));
    const pdf = source({ n: 2, file_id: "f2", file_name: "terms.pdf", page: 3, section: null });
    renderAnswer(cited("Refunds take 14 days [2].", [pdf]));

    await user.click(screen.getByRole("button", { name: "Source 2: terms.pdf, p. 3" }));
    await waitFor(() => expect(useFileViewer.getState().file?.id).toBe("f2"));
    expect(file).toHaveBeenCalledWith("f2");
    expect(useFileViewer.getState().place).toEqual({ page: 3, excerpt: pdf.excerpt });

    closeFileViewer();
    const list = screen.getByRole("region", { name: /Sources/ });
    await user.click(screen.getByRole("button", { name: /^Source\s*2\s*terms\.pdf\s*p\. 3$/ }));
    await waitFor(() => expect(useFileViewer.getState().place?.page).toBe(3));
    expect(list).toHaveTextContent("The garage door code is 4417.");
  });

  it("says so when the cited file has left the project", async () => {
    const user = userEvent.setup();
    const { ApiError } = await import("../../api/http");
    file.mockRejectedValue(new ApiError(404, "Not found."));
    renderAnswer(cited("Code [1].", [source()]));
    await user.click(screen.getByRole("button", { name: "Source 1: handbook.md, Parking" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "“handbook.md” is no longer in the project's files.",
    );
    expect(useFileViewer.getState().file).toBeNull();
  });
});
