import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SandboxInfo } from "../../api/types";
import type { DisplayedArtifact } from "../artifacts/displayed";
import { ArtifactOutput } from "./ArtifactOutput";
import { useArtifactRuns } from "./artifactRuns";
import { toolKeys } from "./keys";
import { RunArtifactButton } from "./RunArtifactButton";

const sandbox: SandboxInfo = {
  available: true,
  default_permission_mode: "ask",
  reason: null,
  languages: ["python", "javascript", "bash"],
  limits: {
    timeout_seconds: 10,
    max_timeout_seconds: 60,
    memory_mb: 512,
    max_processes: 64,
    max_output_bytes: 1_048_576,
    network: false,
  },
};

const artifact = (patch: Partial<DisplayedArtifact> = {}): DisplayedArtifact => ({
  artifactId: "a1",
  identifier: "plot",
  type: "code",
  title: "Plot",
  language: "python",
  content: "print('hi')",
  version: 1,
  latestVersion: 1,
  streaming: false,
  operation: null,
  publicUrl: null,
  ...patch,
});

function renderRun(displayed: DisplayedArtifact, info: SandboxInfo = sandbox) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  client.setQueryData(toolKeys.sandbox, info);
  client.setQueryData(toolKeys.executions("a1"), { executions: [] });
  return render(
    <QueryClientProvider client={client}>
      <RunArtifactButton artifact={displayed} />
      <ArtifactOutput artifactId="a1" language={displayed.language} />
    </QueryClientProvider>,
  );
}

function sseResponse(text: string): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(text));
        controller.close();
      },
    }),
    { status: 200 },
  );
}

beforeEach(() => {
  // biome-ignore lint/suspicious/noDocumentCookie: the CSRF token the client echoes.
  document.cookie = "parley_csrf=token123";
  // jsdom has no modal dialogs; the Dialog primitive only needs the open attribute.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
  act(() => useArtifactRuns.setState({ runs: {}, picked: {}, open: {} }));
});
afterEach(() => vi.unstubAllGlobals());

describe("RunArtifactButton", () => {
  it("confirms with the limits, refuses a too-long timeout, then streams the output into the panel", async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      sseResponse(
        'event: output\ndata: {"stream":"stdout","text":"hi\\n"}\n\n' +
          `event: result\ndata: ${JSON.stringify({
            id: "e1",
            language: "python",
            status: "ok",
            exit_code: 0,
            stdout: "hi\n",
            stderr: "",
            stdout_truncated: false,
            stderr_truncated: false,
            duration_ms: 250,
            files: [],
            created_at: "2026-01-01T10:00:00Z",
          })}\n\n`,
      ),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderRun(artifact());
    await userEvent.click(screen.getByRole("button", { name: "Run" }));
    const dialog = screen.getByRole("dialog", { name: "Run “Plot”?" });
    expect(dialog).toHaveTextContent("512 MB");
    expect(dialog).toHaveTextContent("Run only code you have read and trust");
    const timeout = within(dialog).getByRole("spinbutton", { name: "Time limit" });
    expect(timeout).toHaveValue(10);
    await userEvent.clear(timeout);
    await userEvent.type(timeout, "90");
    expect(within(dialog).getByRole("button", { name: "Run" })).toBeDisabled();
    await userEvent.clear(timeout);
    await userEvent.type(timeout, "20");
    await userEvent.click(within(dialog).getByRole("button", { name: "Run" }));

    await waitFor(() => expect(screen.getByRole("region", { name: "Output" })).toBeInTheDocument());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/artifacts/a1/execute");
    expect(JSON.parse(String(init.body))).toEqual({ timeout_seconds: 20 });
    const output = screen.getByRole("region", { name: "Output" });
    await waitFor(() => expect(output).toHaveTextContent("Ran python · 0.3 s · exit 0"));
    expect(within(output).getByRole("group", { name: "stdout" })).toHaveTextContent("hi");
  });

  it("is unavailable, with the reason, for other languages and without a sandbox", async () => {
    const { unmount } = renderRun(artifact({ language: "sql" }));
    const button = screen.getByRole("button", { name: "Run" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAccessibleDescription(/Python, JavaScript and Bash; this code is sql/);
    await userEvent.click(button);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    unmount();

    renderRun(artifact(), { ...sandbox, available: false, reason: "bubblewrap is missing" });
    expect(screen.getByRole("button", { name: "Run" })).toHaveAccessibleDescription(
      /bubblewrap is missing/,
    );
  });

  it("is not offered for artifacts that are not code", () => {
    renderRun(artifact({ type: "html", language: null }));
    expect(screen.queryByRole("button", { name: "Run" })).not.toBeInTheDocument();
  });
});
