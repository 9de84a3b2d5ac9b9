import { create } from "zustand";
import { api } from "../../api/endpoints";
import { uploadFile } from "../../api/files";
import { ApiError } from "../../api/http";
import type { FileKind, FileLimits, StoredFile } from "../../api/types";
import { announce } from "../../lib/announcer";
import { formatBytes } from "../../lib/format";
import { guessKind } from "./kinds";
import { makeThumbnail } from "./thumbnails";

export type UploadStatus = "uploading" | "done" | "failed";

/** A file added to the composer: uploading, uploaded (with the server's record) or refused. */
export interface PendingAttachment {
  localId: string;
  name: string;
  size: number;
  /** Guessed from the name and type until the server has looked at the bytes. */
  kind: FileKind;
  status: UploadStatus;
  /** Share of the body sent, 0 to 1. */
  progress: number;
  /** The server's sentence when it refused the file, or why the upload failed. */
  error: string | null;
  /** True when trying again may work (the connection dropped, the server had a problem). */
  retryable: boolean;
  file: StoredFile | null;
  /** A data: URL drawn in the browser, so an image shows while it uploads. */
  thumbnail: string | null;
}

interface AttachmentState {
  /** By composer key: a conversation id, or "new" for the welcome screen (as drafts are). */
  byKey: Record<string, PendingAttachment[]>;
}

export const useAttachmentStore = create<AttachmentState>(() => ({ byKey: {} }));

const NONE: PendingAttachment[] = [];

export function usePendingAttachments(key: string): PendingAttachment[] {
  return useAttachmentStore((s) => s.byKey[key] ?? NONE);
}

export function pendingAttachments(key: string): PendingAttachment[] {
  return useAttachmentStore.getState().byKey[key] ?? NONE;
}

// The server's limits, read once: a file over them is refused here, before its bytes travel.
let limits: FileLimits | null = null;
let limitsRequested = false;

/** Reads the server's limits in the background (the composer calls it when it opens). */
export function preloadFileLimits(): void {
  if (limitsRequested) return;
  limitsRequested = true;
  void Promise.resolve()
    .then(() => api.fileLimits())
    .then((known) => {
      limits = known;
    })
    .catch(() => {
      limitsRequested = false; // the server decides meanwhile; ask again next time
    });
}

/** For tests: the limits as if the server had sent them (null: not known). */
export function setFileLimits(known: FileLimits | null): void {
  limits = known;
  limitsRequested = known !== null;
}

function refusalBeforeUpload(file: File, position: number): string | null {
  if (!limits) return null;
  if (file.size > limits.upload_max_bytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; files may be at most ${formatBytes(limits.upload_max_bytes)}.`;
  }
  if (position >= limits.attachments_per_message) {
    return `A message can carry at most ${limits.attachments_per_message} files.`;
  }
  return null;
}

// Outside the state: they are handles, not something to render.
const uploads = new Map<string, { file: File; controller: AbortController }>();
let sequence = 0;

function patch(key: string, localId: string, change: Partial<PendingAttachment>) {
  useAttachmentStore.setState((s) => {
    const list = s.byKey[key];
    if (!list?.some((a) => a.localId === localId)) return s;
    return {
      byKey: {
        ...s.byKey,
        [key]: list.map((a) => (a.localId === localId ? { ...a, ...change } : a)),
      },
    };
  });
}

function setList(key: string, update: (list: PendingAttachment[]) => PendingAttachment[]) {
  useAttachmentStore.setState((s) => ({
    byKey: { ...s.byKey, [key]: update(s.byKey[key] ?? []) },
  }));
}

async function runUpload(key: string, localId: string, file: File) {
  const controller = new AbortController();
  uploads.set(localId, { file, controller });
  try {
    const stored = await uploadFile(file, {
      signal: controller.signal,
      onProgress: (progress) => patch(key, localId, { progress }),
    });
    patch(key, localId, {
      status: "done",
      progress: 1,
      file: stored,
      name: stored.name,
      size: stored.size,
      kind: stored.kind,
    });
    uploads.delete(localId);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") {
      uploads.delete(localId);
      return;
    }
    const apiError = error instanceof ApiError ? error : null;
    const retryable = !apiError || apiError.status === 0 || apiError.status >= 500;
    const message = apiError?.message ?? "The upload failed.";
    // Kept for Retry only when trying again can help; a refusal stays refused.
    if (!retryable) uploads.delete(localId);
    patch(key, localId, { status: "failed", error: message, retryable });
    announce(`${file.name} couldn't be attached. ${message}`);
  }
}

/** Adds files to a composer and starts uploading each at once. */
export function addFiles(key: string, files: File[]): void {
  if (files.length === 0) return;
  const added = files.map(
    (file): PendingAttachment => ({
      localId: `local-${++sequence}`,
      name: file.name || "file",
      size: file.size,
      kind: guessKind(file.name, file.type),
      status: "uploading",
      progress: 0,
      error: null,
      retryable: false,
      file: null,
      thumbnail: null,
    }),
  );
  preloadFileLimits();
  const accepted = pendingAttachments(key).filter((a) => a.status !== "failed").length;
  setList(key, (list) => [...list, ...added]);
  let position = accepted;
  added.forEach((item, i) => {
    const file = files[i] as File;
    const refusal = refusalBeforeUpload(file, position);
    if (refusal) {
      patch(key, item.localId, { status: "failed", error: refusal, retryable: false });
      announce(`${item.name} couldn't be attached. ${refusal}`);
      return;
    }
    position += 1;
    void makeThumbnail(file).then((thumbnail) => {
      if (thumbnail) patch(key, item.localId, { thumbnail });
    });
    void runUpload(key, item.localId, file);
  });
}

/** Tries a failed upload again (only offered when the failure was the connection's). */
export function retryUpload(key: string, localId: string): void {
  const held = uploads.get(localId);
  if (!held) return;
  patch(key, localId, { status: "uploading", progress: 0, error: null, retryable: false });
  void runUpload(key, localId, held.file);
}

/** Takes a file out of the composer: cancels its upload, or deletes the unsent upload. */
export function removeAttachment(key: string, localId: string): void {
  const item = pendingAttachments(key).find((a) => a.localId === localId);
  if (!item) return;
  uploads.get(localId)?.controller.abort();
  uploads.delete(localId);
  setList(key, (list) => list.filter((a) => a.localId !== localId));
  // Never sent, so nothing refers to it: free the storage it takes.
  if (item.file) void api.deleteFile(item.file.id).catch(() => undefined);
}

/** True while any file of this composer is still on its way up. */
export function isUploading(list: PendingAttachment[]): boolean {
  return list.some((a) => a.status === "uploading");
}

export function uploadedFiles(list: PendingAttachment[]): StoredFile[] {
  return list.flatMap((a) => (a.status === "done" && a.file ? [a.file] : []));
}

/**
 * Empties the composer for a send and hands back what it held, so a failed send can put it back
 * with restoreAttachments. Refused files go too: they were never going to be sent.
 */
export function takeAttachments(key: string): PendingAttachment[] {
  const list = pendingAttachments(key);
  setList(key, () => []);
  return list;
}

export function restoreAttachments(key: string, items: PendingAttachment[]): void {
  if (items.length === 0) return;
  setList(key, (list) => [...items, ...list]);
}
