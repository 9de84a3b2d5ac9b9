import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FileText } from "../../api/types";
import FileViewer from "./FileViewer";
import type { ViewedFile } from "./viewerStore";

const fileText = vi.fn<(id: string) => Promise<FileText>>();
vi.mock("../../api/endpoints", () => ({ api: { fileText: (id: string) => fileText(id) } }));

function withQuery(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

const viewed = (overrides: Partial<ViewedFile>): ViewedFile => ({
  id: "f1",
  name: "handbook.md",
  mediaType: "text/markdown",
  kind: "text",
  size: 2_000,
  width: null,
  height: null,
  pages: null,
  hasPreview: false,
  downloadUrl: null,
  ...overrides,
});

beforeAll(() => {
  // jsdom has the element but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

describe("FileViewer at a cited place", () => {
  it("opens a PDF at the cited page", () => {
    withQuery(
      <FileViewer
        file={viewed({ name: "terms.pdf", kind: "pdf", mediaType: "application/pdf", pages: 9 })}
        place={{ page: 3, excerpt: "Refunds take 14 days." }}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByTitle("terms.pdf (PDF)")).toHaveAttribute(
      "src",
      "/api/files/f1/content?disposition=inline#page=3",
    );
  });

  it("marks the passage in a text file and scrolls to it", async () => {
    const scrolled = vi.fn();
    HTMLElement.prototype.scrollIntoView = scrolled;
    fileText.mockResolvedValue({
      text: "# Holidays\n\n31 days.\n\n# Parking\n\nThe garage door code\nis 4417.\n",
      truncated: false,
      language: null,
    } as FileText);
    withQuery(
      <FileViewer
        file={viewed({})}
        place={{ page: null, excerpt: "# Parking The garage door code is 4417." }}
        onClose={vi.fn()}
      />,
    );
    const mark = await screen.findByTestId("viewer-passage");
    expect(mark.tagName).toBe("MARK");
    expect(mark).toHaveTextContent("# Parking The garage door code is 4417.");
    expect(scrolled).toHaveBeenCalledWith({ block: "center" });
  });

  it("shows the text as usual when the passage is not in it", async () => {
    fileText.mockResolvedValue({
      text: "Something else.",
      truncated: false,
      language: null,
    } as FileText);
    withQuery(
      <FileViewer file={viewed({})} place={{ page: null, excerpt: "Gone" }} onClose={vi.fn()} />,
    );
    expect(await screen.findByTestId("viewer-text")).toHaveTextContent("Something else.");
    expect(screen.queryByTestId("viewer-passage")).toBeNull();
  });
});
