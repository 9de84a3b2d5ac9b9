import type { AttachmentPart, Model, StoredFile } from "../../api/types";

/** A stored file as the server answers an upload, for tests. */
export function storedFile(overrides: Partial<StoredFile> = {}): StoredFile {
  const id = overrides.id ?? "f1";
  return {
    id,
    name: "notes.txt",
    media_type: "text/plain",
    size: 2048,
    kind: "text",
    sha256: "0".repeat(64),
    origin: "upload",
    conversation_id: null,
    width: null,
    height: null,
    pages: null,
    text_chars: 2000,
    text_truncated: false,
    token_estimate: 500,
    has_preview: false,
    content_url: `/api/files/${id}/content`,
    preview_url: null,
    created_at: "2026-01-01T10:00:00Z",
    ...overrides,
  };
}

export function attachmentPart(overrides: Partial<AttachmentPart> = {}): AttachmentPart {
  return {
    type: "attachment",
    file_id: "f1",
    name: "photo.png",
    media_type: "image/png",
    kind: "image",
    size: 120_000,
    width: 800,
    height: 600,
    pages: null,
    has_preview: true,
    token_estimate: 640,
    ...overrides,
  };
}

export function model(overrides: Partial<Model> = {}): Model {
  return {
    id: "m",
    name: "Model M",
    provider: "anthropic",
    context_window: 200_000,
    max_output: 8000,
    vision: true,
    pdf: true,
    thinking: false,
    tool_use: true,
    input_price: 1,
    output_price: 5,
    ...overrides,
  };
}
