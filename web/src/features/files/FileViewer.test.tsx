import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/http";
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
  name: "photo.png",
  mediaType: "image/png",
  kind: "image",
  size: 120_000,
  width: 800,
  height: 600,
  pages: null,
  hasPreview: true,
  downloadUrl: null,
  ...overrides,
});

describe("FileViewer", () => {
  beforeAll(() => {
    // jsdom has the element but not its modal methods.
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
      this.removeAttribute("open");
    };
  });
  beforeEach(() => {
    fileText.mockReset();
  });

  it("shows an image full size, with Download, and gives focus back on close", async () => {
    const opener = document.createElement("button");
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const view = withQuery(<FileViewer file={viewed({})} onClose={onClose} />);
    expect(screen.getByRole("img", { name: "photo.png" })).toHaveAttribute(
      "src",
      "/api/files/f1/content?disposition=inline",
    );
    expect(screen.getByRole("heading", { name: "photo.png" })).toBeInTheDocument();
    expect(screen.getByText("PNG · 117.2 KB · 800×600")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download photo.png" })).toHaveAttribute(
      "href",
      "/api/files/f1/content",
    );
    const close = screen.getByRole("button", { name: "Close" });
    expect(close).toHaveFocus();
    await userEvent.setup().click(close);
    expect(onClose).toHaveBeenCalled();
    view.unmount();
    expect(opener).toHaveFocus();
    opener.remove();
  });

  it("frames a PDF from its inline address, and switches to its text", async () => {
    fileText.mockResolvedValue({
      id: "p1",
      name: "report.pdf",
      text: "[Page 1]\nQuarterly results",
      truncated: false,
      language: null,
    });
    withQuery(
      <FileViewer
        file={viewed({ id: "p1", name: "report.pdf", kind: "pdf", pages: 3 })}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByTitle("report.pdf (PDF)")).toHaveAttribute(
      "src",
      "/api/files/p1/content?disposition=inline",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Text" }));
    expect(await screen.findByText(/Quarterly results/)).toBeInTheDocument();
    expect(fileText).toHaveBeenCalledWith("p1");
  });

  it("offers the first page, Open and Download where the browser has no PDF viewer", () => {
    Object.defineProperty(navigator, "pdfViewerEnabled", { configurable: true, value: false });
    withQuery(
      <FileViewer
        file={viewed({ id: "p2", name: "scan.pdf", kind: "pdf", pages: 1 })}
        onClose={() => undefined}
      />,
    );
    expect(screen.queryByTitle("scan.pdf (PDF)")).toBeNull();
    expect(screen.getByRole("img", { name: "First page of scan.pdf" })).toHaveAttribute(
      "src",
      "/api/files/p2/preview",
    );
    expect(screen.getByRole("link", { name: "Open" })).toHaveAttribute(
      "href",
      "/api/files/p2/content?disposition=inline",
    );
    Reflect.deleteProperty(navigator, "pdfViewerEnabled");
  });

  it("highlights code by the server's language hint and says when the text was cut", async () => {
    fileText.mockResolvedValue({
      id: "c1",
      name: "merge.py",
      text: "def merge(a, b):\n    return a + b\n",
      truncated: true,
      language: "python",
    });
    withQuery(
      <FileViewer
        file={viewed({ id: "c1", name: "merge.py", kind: "code", mediaType: "text/x-python" })}
        onClose={() => undefined}
      />,
    );
    const text = await screen.findByTestId("viewer-text");
    await waitFor(() => expect(text.querySelector(".hljs-keyword")).toHaveTextContent("def"));
    expect(screen.getByTestId("viewer-truncated")).toHaveTextContent("cut at the server's limit");
    expect(screen.queryByRole("link", { name: "Open in a new tab" })).toBeNull();
  });

  it("shows a spreadsheet as a table", async () => {
    fileText.mockResolvedValue({
      id: "s1",
      name: "totals.csv",
      text: "month,total\nJan,10\nFeb,12\n",
      truncated: false,
      language: null,
    });
    withQuery(
      <FileViewer
        file={viewed({ id: "s1", name: "totals.csv", kind: "spreadsheet" })}
        onClose={() => undefined}
      />,
    );
    expect(await screen.findByRole("columnheader", { name: "total" })).toBeInTheDocument();
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });

  it("offers the download when a file has no text to show", async () => {
    fileText.mockImplementation(() => Promise.reject(new ApiError(404, "Not found.")));
    withQuery(
      <FileViewer
        file={viewed({ id: "b1", name: "data.bin", kind: "other" })}
        onClose={() => undefined}
      />,
    );
    expect(await screen.findByText(/no text to show/)).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: /Download/ }).length).toBeGreaterThan(0);
  });
});
