import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Message } from "../../api/types";
import { renderWithQuery as render } from "../../test/render";
import { attachmentPart } from "../files/testing";
import { useFileViewer } from "../files/viewerStore";
import { AnswerParts } from "./AnswerParts";
import { MessageItem } from "./MessageItem";

const user = (parts: Message["parts"]): Message => ({
  id: "u1",
  conversation_id: "c",
  parent_id: null,
  role: "user",
  parts,
  model: null,
  status: "complete",
  stop_reason: null,
  error: null,
  input_tokens: null,
  output_tokens: null,
  run_id: null,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
});

const photo = attachmentPart({ file_id: "img1", name: "photo.png" });
const report = attachmentPart({
  file_id: "pdf1",
  name: "report.pdf",
  kind: "pdf",
  media_type: "application/pdf",
  size: 22_323,
  pages: 2,
  width: null,
  height: null,
});

describe("attachments in messages", () => {
  afterEach(() => useFileViewer.setState({ file: null }));

  it("shows a user message's files above its text, each opening the viewer", async () => {
    render(
      <MessageItem
        message={user([photo, report, { type: "text", text: "What do these say?" }])}
        canRetry={false}
        onRetry={() => undefined}
      />,
    );
    const image = screen.getByRole("button", { name: /^Open photo\.png/ });
    expect(image.querySelector("img")).toHaveAttribute("src", "/api/files/img1/preview");
    // jsdom's name computation drops the spaces between the card's spans; browsers keep them.
    const card = screen.getByRole("button", {
      name: /^Open ?report\.pdf,? ?PDF · 2 pages · 21\.8 KB$/,
    });
    expect(card.querySelector("img")).toHaveAttribute("src", "/api/files/pdf1/preview");
    expect(screen.getByText("What do these say?")).toBeInTheDocument();

    await userEvent.setup().click(card);
    expect(useFileViewer.getState().file).toMatchObject({ id: "pdf1", kind: "pdf", pages: 2 });
  });

  it("shows a message of files alone without an empty bubble", () => {
    const { container } = render(
      <MessageItem message={user([photo])} canRetry={false} onRetry={() => undefined} />,
    );
    expect(screen.getByTestId("message-attachments")).toBeInTheDocument();
    expect(container.querySelector(".bg-user-bubble")).toBeNull();
  });

  it("sends an edit with the files kept, minus the ones removed", async () => {
    const onEdit = vi.fn();
    const u = userEvent.setup();
    render(
      <MessageItem
        message={user([photo, report, { type: "text", text: "Compare them" }])}
        canRetry={false}
        onRetry={() => undefined}
        canEdit
        onEdit={onEdit}
      />,
    );
    await u.click(screen.getByRole("button", { name: "Edit message" }));
    await u.click(screen.getByRole("button", { name: "Remove photo.png from the edit" }));
    await u.click(screen.getByRole("button", { name: "Save and send" }));
    expect(onEdit).toHaveBeenCalledWith("u1", "Compare them", ["pdf1"]);
  });

  it("renders files in an answer as cards where they came", () => {
    const sheet = attachmentPart({
      file_id: "csv1",
      name: "totals.csv",
      kind: "spreadsheet",
      media_type: "text/csv",
      has_preview: false,
      size: 900,
    });
    render(
      <AnswerParts
        parts={[{ type: "text", text: "Here is the table." }, sheet]}
        live={false}
        conversationId="c"
      />,
    );
    const text = screen.getByText("Here is the table.");
    const card = screen.getByRole("button", { name: /^Open ?totals\.csv,? ?CSV · 900 B$/ });
    expect(text.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
