export class ApiError extends Error {
  readonly status: number;
  readonly errors: unknown[];

  constructor(status: number, message: string, errors: unknown[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }
}

const CSRF_COOKIE = "parley_csrf";

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

let csrfPrimer: Promise<void> | null = null;

/** The server sets the CSRF cookie on any response; a cheap GET obtains it when it is missing. */
async function ensureCsrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE);
  if (token) return token;
  csrfPrimer ??= fetch("/api/health", { credentials: "same-origin" }).then(
    () => undefined,
    () => undefined,
  );
  await csrfPrimer;
  csrfPrimer = null;
  token = readCookie(CSRF_COOKIE);
  return token ?? "";
}

export function describeStatus(status: number): string {
  if (status === 401) return "Please sign in again.";
  if (status === 403) return "You are not allowed to do that.";
  if (status === 404) return "Not found.";
  if (status === 429) return "Too many attempts. Please wait a moment and try again.";
  if (status >= 500) return "The server had a problem. Please try again.";
  return `Request failed (${status}).`;
}

/** The server's error answer as an ApiError: its `detail` sentence, or a description of the status. */
export function errorFromBody(
  status: number,
  body: string,
  fallback: (status: number) => string = describeStatus,
): ApiError {
  let detail: unknown;
  let errors: unknown[] = [];
  try {
    const parsed = JSON.parse(body) as { detail?: unknown; errors?: unknown[] };
    detail = parsed.detail;
    errors = Array.isArray(parsed.errors) ? parsed.errors : [];
  } catch {
    detail = undefined;
  }
  const message = typeof detail === "string" && detail ? detail : fallback(status);
  return new ApiError(status, message, errors);
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body = "";
  try {
    body = await response.text();
  } catch {
    body = "";
  }
  return errorFromBody(response.status, body);
}

export async function authHeaders(method: string): Promise<Record<string, string>> {
  if (method === "GET" || method === "HEAD") return {};
  return { "X-CSRF-Token": await ensureCsrfToken() };
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...(await authHeaders(method)),
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (error) {
    // A request its caller gave up on is not a network failure: let the abort through as is.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, "Cannot reach the server. Check your connection.");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
