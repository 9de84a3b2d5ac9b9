import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UploadOptions } from "../../api/files";
import { ApiError } from "../../api/http";
import type { StoredFile } from "../../api/types";
import {
  addFiles,
  isUploading,
  pendingAttachments,
  removeAttachment,
  restoreAttachments,
  retryUpload,
  setFileLimits,
  takeAttachments,
  uploadedFiles,
  useAttachmentStore,
} from "./attachmentStore";
import { storedFile } from "./testing";

interface Call {
  file: File;
  options: UploadOptions;
  resolve: (file: StoredFile) => void;
  reject: (error: unknown) => void;
}
const calls: Call[] = [];

vi.mock("../../api/files", () => ({
  uploadFile: (file: File, options: UploadOptions) =>
    new Promise<StoredFile>((resolve, reject) => {
      calls.push({ file, options, resolve, reject });
      options.signal?.addEventListener("abort", () =>
        reject(new DOMException("cancelled", "AbortError")),
      );
    }),
}));

const deleteFile = vi.fn((_id: string) => Promise.resolve());
vi.mock("../../api/endpoints", () => ({ api: { deleteFile: (id: string) => deleteFile(id) } }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const file = (name: string, type = "text/plain") => new File(["data"], name, { type });
const call = (i: number) => calls[i] as Call;

describe("attachment store", () => {
  beforeEach(() => {
    calls.length = 0;
    deleteFile.mockClear();
    useAttachmentStore.setState({ byKey: {} });
  });
  afterEach(() => {
    useAttachmentStore.setState({ byKey: {} });
    setFileLimits(null);
  });

  it("refuses a file over the server's size limit before sending its bytes", () => {
    setFileLimits({
      upload_max_bytes: 3,
      attachments_per_message: 20,
      storage_quota_bytes: 1_000_000,
      storage_used_bytes: 0,
    });
    addFiles("c1", [file("big.txt"), new File(["ok"], "small.txt", { type: "text/plain" })]);
    expect(calls.map((c) => c.file.name)).toEqual(["small.txt"]);
    const [big, small] = pendingAttachments("c1");
    expect(big).toMatchObject({ status: "failed", retryable: false });
    expect(big?.error).toBe("“big.txt” is 4 B; files may be at most 3 B.");
    expect(small?.status).toBe("uploading");
  });

  it("refuses the files past the per-message count and uploads the rest", () => {
    setFileLimits({
      upload_max_bytes: 1_000,
      attachments_per_message: 2,
      storage_quota_bytes: 1_000_000,
      storage_used_bytes: 0,
    });
    addFiles("c1", [file("a.txt")]);
    addFiles("c1", [file("b.txt"), file("c.txt")]);
    expect(calls.map((c) => c.file.name)).toEqual(["a.txt", "b.txt"]);
    const third = pendingAttachments("c1")[2];
    expect(third).toMatchObject({ name: "c.txt", status: "failed" });
    expect(third?.error).toBe("A message can carry at most 2 files.");
  });

  it("starts each upload at once and follows its progress to done", async () => {
    addFiles("c1", [file("a.txt"), file("photo.png", "image/png")]);
    expect(calls).toHaveLength(2);
    const [first, second] = pendingAttachments("c1");
    expect(first).toMatchObject({ name: "a.txt", status: "uploading", progress: 0, kind: "text" });
    expect(second?.kind).toBe("image");
    expect(isUploading(pendingAttachments("c1"))).toBe(true);

    call(0).options.onProgress?.(0.4);
    expect(pendingAttachments("c1")[0]?.progress).toBe(0.4);
    call(0).resolve(storedFile({ id: "f-a", name: "a.txt" }));
    call(1).resolve(storedFile({ id: "f-b", name: "photo.png", kind: "image" }));
    await flush();
    expect(pendingAttachments("c1").map((a) => a.status)).toEqual(["done", "done"]);
    expect(uploadedFiles(pendingAttachments("c1")).map((f) => f.id)).toEqual(["f-a", "f-b"]);
    expect(isUploading(pendingAttachments("c1"))).toBe(false);
  });

  it("keeps the other files when the server refuses one, with its reason", async () => {
    addFiles("c1", [file("x.pdf", "application/pdf"), file("notes.txt")]);
    call(0).reject(new ApiError(422, "“x.pdf” is a Linux program (ELF), not a PDF file."));
    call(1).resolve(storedFile({ id: "f-n" }));
    await flush();
    const [refused, kept] = pendingAttachments("c1");
    expect(refused).toMatchObject({
      status: "failed",
      error: "“x.pdf” is a Linux program (ELF), not a PDF file.",
      retryable: false,
    });
    expect(kept?.status).toBe("done");
    expect(uploadedFiles(pendingAttachments("c1")).map((f) => f.id)).toEqual(["f-n"]);
  });

  it("keeps files per conversation", () => {
    addFiles("c1", [file("one.txt")]);
    addFiles("new", [file("two.txt")]);
    expect(pendingAttachments("c1").map((a) => a.name)).toEqual(["one.txt"]);
    expect(pendingAttachments("new").map((a) => a.name)).toEqual(["two.txt"]);
  });

  it("cancels an upload in flight when its chip is removed", async () => {
    addFiles("c1", [file("big.bin")]);
    const signal = call(0).options.signal;
    removeAttachment("c1", pendingAttachments("c1")[0]?.localId ?? "");
    expect(signal?.aborted).toBe(true);
    await flush();
    expect(pendingAttachments("c1")).toEqual([]);
    expect(deleteFile).not.toHaveBeenCalled();
  });

  it("deletes an uploaded file that is removed before sending", async () => {
    addFiles("c1", [file("a.txt")]);
    call(0).resolve(storedFile({ id: "f-a" }));
    await flush();
    removeAttachment("c1", pendingAttachments("c1")[0]?.localId ?? "");
    expect(pendingAttachments("c1")).toEqual([]);
    expect(deleteFile).toHaveBeenCalledWith("f-a");
  });

  it("offers a retry when the connection failed, and uploads again", async () => {
    addFiles("c1", [file("a.txt")]);
    call(0).reject(new ApiError(0, "The upload failed. Check your connection and try again."));
    await flush();
    const failed = pendingAttachments("c1")[0];
    expect(failed).toMatchObject({ status: "failed", retryable: true });
    retryUpload("c1", failed?.localId ?? "");
    expect(pendingAttachments("c1")[0]?.status).toBe("uploading");
    expect(calls).toHaveLength(2);
    expect(call(1).file.name).toBe("a.txt");
  });

  it("empties the composer for a send and puts the files back if it fails", async () => {
    addFiles("c1", [file("a.txt")]);
    call(0).resolve(storedFile({ id: "f-a" }));
    await flush();
    const taken = takeAttachments("c1");
    expect(pendingAttachments("c1")).toEqual([]);
    expect(uploadedFiles(taken).map((f) => f.id)).toEqual(["f-a"]);
    restoreAttachments("c1", taken);
    expect(pendingAttachments("c1").map((a) => a.file?.id)).toEqual(["f-a"]);
  });
});
