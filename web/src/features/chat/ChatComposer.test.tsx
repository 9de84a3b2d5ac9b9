import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UploadOptions } from "../../api/files";
import type { Model, StoredFile } from "../../api/types";
import { useDraftStore } from "../../app/uiStore";
import { renderWithQuery as render } from "../../test/render";
import { type PendingAttachment, useAttachmentStore } from "../files/attachmentStore";
import { model, storedFile } from "../files/testing";
import { ChatComposer } from "./ChatComposer";

const uploads: { file: File; options: UploadOptions }[] = [];
vi.mock("../../api/files", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../api/files")>()),
  uploadFile: (file: File, options: UploadOptions) => {
    uploads.push({ file, options });
    return new Promise<StoredFile>(() => undefined);
  },
}));

function chip(overrides: Partial<PendingAttachment>): PendingAttachment {
  return {
    localId: "local-a",
    name: "notes.txt",
    size: 2048,
    kind: "text",
    status: "done",
    progress: 1,
    error: null,
    retryable: false,
    file: storedFile(),
    thumbnail: null,
    ...overrides,
  };
}

function renderComposer({
  models = [model()],
  onSend = vi.fn(),
}: {
  models?: Model[];
  onSend?: (text: string) => void;
} = {}) {
  render(
    <ChatComposer
      draftKey="c1"
      models={models}
      modelId={models[0]?.id ?? null}
      onModelChange={() => undefined}
      branch={[]}
      onSend={onSend}
      onStop={() => undefined}
      streaming={false}
      busy={false}
      autoFocus={false}
      placeholder="Reply…"
      opensUp
    />,
  );
  return onSend;
}

const setChips = (items: PendingAttachment[]) =>
  useAttachmentStore.setState({ byKey: { c1: items } });

describe("ChatComposer with files", () => {
  beforeEach(() => {
    uploads.length = 0;
    useAttachmentStore.setState({ byKey: {} });
    useDraftStore.setState({ drafts: {} });
  });
  afterEach(() => useAttachmentStore.setState({ byKey: {} }));

  it("sends with files alone, no text needed", async () => {
    setChips([chip({})]);
    const onSend = renderComposer();
    const send = screen.getByRole("button", { name: "Send message" });
    expect(send).toBeEnabled();
    await userEvent.setup().click(send);
    expect(onSend).toHaveBeenCalledWith("");
  });

  it("holds Send while a file is still uploading", () => {
    setChips([
      chip({}),
      chip({ localId: "local-b", status: "uploading", progress: 0.3, file: null }),
    ]);
    useDraftStore.setState({ drafts: { c1: "Look at these" } });
    renderComposer();
    expect(screen.getByRole("button", { name: "Send message" })).toBeDisabled();
    expect(screen.getByRole("progressbar", { name: "Uploading notes.txt" })).toHaveAttribute(
      "aria-valuenow",
      "30",
    );
  });

  it("does not count a refused file as something to send", () => {
    setChips([chip({ status: "failed", error: "Programs are not accepted.", file: null })]);
    renderComposer();
    expect(screen.getByRole("button", { name: "Send message" })).toBeDisabled();
    expect(screen.getByText("Programs are not accepted.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Remove notes.txt" })).toBeInTheDocument();
  });

  it("tells before sending that a model without vision won't see the image", () => {
    setChips([chip({ name: "photo.png", kind: "image", file: storedFile({ kind: "image" }) })]);
    renderComposer({ models: [model({ name: "Plain Text 1", vision: false })] });
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Plain Text 1 can't see images: it will get only the name of “photo.png”",
    );
  });

  it("says nothing about images to a model with vision", () => {
    setChips([chip({ name: "photo.png", kind: "image", file: storedFile({ kind: "image" }) })]);
    renderComposer();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("attaches pasted images and uploads them at once; a text paste stays text", () => {
    renderComposer();
    const box = screen.getByRole("textbox", { name: "Message" });
    const image = new File(["png"], "image.png", { type: "image/png" });
    fireEvent.paste(box, { clipboardData: { files: [image], items: [], getData: () => "" } });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.file.name).toMatch(/^Pasted image .+\.png$/);
    expect(screen.getByTestId("attachment-chip")).toHaveAttribute("data-status", "uploading");

    fireEvent.paste(box, { clipboardData: { files: [], items: [], getData: () => "hello" } });
    expect(uploads).toHaveLength(1);
  });

  it("counts the files' tokens in the context meter", () => {
    setChips([chip({ file: storedFile({ token_estimate: 50_000 }) })]);
    renderComposer();
    expect(screen.getByTestId("context-meter")).toHaveAccessibleName(
      "25% of the context used: ≈50,000 of 200,000 tokens",
    );
  });
});
