import { ApiError, authHeaders, describeStatus, errorFromBody } from "./http";
import type { StoredFile } from "./types";

export interface UploadOptions {
  /** Called as the body goes out, with the share sent so far (0 to 1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function describeUploadStatus(status: number): string {
  // A proxy in front of the server may answer these itself, without a JSON detail.
  if (status === 413) return "The file is too large to upload.";
  if (status === 415 || status === 422) return "The server refused this file.";
  return describeStatus(status);
}

/**
 * Uploads one file (multipart field `file`). XMLHttpRequest rather than fetch: only it reports
 * upload progress. Rejects with ApiError carrying the server's sentence (413 too big, 422 refused
 * by content), or with an AbortError DOMException when `signal` aborts.
 */
export async function uploadFile(file: File, options: UploadOptions = {}): Promise<StoredFile> {
  const { onProgress, signal } = options;
  if (signal?.aborted) throw new DOMException("The upload was cancelled.", "AbortError");
  const headers = await authHeaders("POST");
  return new Promise<StoredFile>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener("abort", onAbort);
    xhr.open("POST", "/api/files");
    xhr.setRequestHeader("Accept", "application/json");
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as StoredFile);
        } catch {
          reject(new ApiError(xhr.status, "The server's answer could not be read."));
        }
        return;
      }
      reject(errorFromBody(xhr.status, xhr.responseText, describeUploadStatus));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError(0, "The upload failed. Check your connection and try again."));
    };
    xhr.onabort = () => {
      settle();
      reject(new DOMException("The upload was cancelled.", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

const filePath = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** The file's bytes as a download (the server always sends other types as attachments). */
export function fileDownloadUrl(id: string): string {
  return `${filePath(id)}/content`;
}

/** Raster images and PDFs shown by the browser, under the server's sandboxing CSP. */
export function fileInlineUrl(id: string): string {
  return `${filePath(id)}/content?disposition=inline`;
}

/** The server's small WebP thumbnail (images and a PDF's first page). */
export function filePreviewUrl(id: string): string {
  return `${filePath(id)}/preview`;
}
