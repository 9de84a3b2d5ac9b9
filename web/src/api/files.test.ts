import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { uploadFile } from "./files";
import { ApiError } from "./http";

class FakeXhr {
  static last: FakeXhr | null = null;
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = "";
  aborted = false;
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === "string" ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const sent = () => {
  const xhr = FakeXhr.last;
  if (!xhr) throw new Error("no request was sent");
  return xhr;
};

// authHeaders awaits the CSRF cookie before the request opens.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("uploadFile", () => {
  beforeEach(() => {
    FakeXhr.last = null;
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    vi.spyOn(document, "cookie", "get").mockReturnValue("parley_csrf=token-123");
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("posts the file as multipart with the CSRF header and reports progress", async () => {
    const progress: number[] = [];
    const file = new File(["hello"], "notes.txt", { type: "text/plain" });
    const upload = uploadFile(file, { onProgress: (p) => progress.push(p) });
    await settle();
    const xhr = sent();
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/files");
    expect(xhr.headers["X-CSRF-Token"]).toBe("token-123");
    expect(xhr.body?.get("file")).toMatchObject({ name: "notes.txt" });
    xhr.progress(25, 100);
    xhr.progress(100, 100);
    xhr.answer(201, { id: "f1", name: "notes.txt", kind: "text" });
    await expect(upload).resolves.toMatchObject({ id: "f1", kind: "text" });
    expect(progress).toEqual([0.25, 1]);
  });

  it("rejects with the server's sentence when it refuses the file", async () => {
    const upload = uploadFile(new File(["x"], "x.pdf"));
    await settle();
    sent().answer(422, { detail: "“x.pdf” is a Linux program (ELF), not a PDF file." });
    const error = await upload.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toBe("“x.pdf” is a Linux program (ELF), not a PDF file.");
  });

  it("says the file is too large when a proxy answers 413 without a detail", async () => {
    const upload = uploadFile(new File(["x"], "big.bin"));
    await settle();
    sent().answer(413, "<html>Request Entity Too Large</html>");
    await expect(upload).rejects.toThrow("The file is too large to upload.");
  });

  it("stops the request when its signal aborts", async () => {
    const controller = new AbortController();
    const upload = uploadFile(new File(["x"], "a.txt"), { signal: controller.signal });
    await settle();
    controller.abort();
    const error = await upload.catch((e: unknown) => e);
    expect(sent().aborted).toBe(true);
    expect((error as DOMException).name).toBe("AbortError");
  });
});
