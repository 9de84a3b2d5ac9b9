import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render as rtlRender, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Execution, ToolCallPart, ToolResultPart } from "../../api/types";
import { renderWithQuery as render } from "../../test/render";
import type { ToolRun } from "../chat/runReducer";
import { ToolCallCard, type ToolCallCardProps } from "./ToolCallCard";

const limits = {
  timeout_seconds: 10,
  max_timeout_seconds: 60,
  memory_mb: 512,
  max_processes: 64,
  max_output_bytes: 1_048_576,
  network: false,
};

const call = (approval: ToolCallPart["approval"]): ToolCallPart => ({
  type: "tool_call",
  tool_call_id: "t1",
  name: "run_code",
  input: { language: "python", code: "print(6*7)" },
  approval,
});

const execution = (patch: Partial<Execution> = {}): Execution => ({
  id: "e1",
  language: "python",
  status: "ok",
  exit_code: 0,
  stdout: "42\n",
  stderr: "",
  stdout_truncated: false,
  stderr_truncated: false,
  duration_ms: 412,
  files: [],
  created_at: "2026-01-01T10:00:00Z",
  ...patch,
});

const result = (run: Execution | null, content = "Exit code: 0"): ToolResultPart => ({
  type: "tool_result",
  tool_call_id: "t1",
  name: "run_code",
  is_error: false,
  content,
  execution: run,
});

const live = (patch: Partial<ToolRun> = {}): ToolRun => ({
  output: { chunks: [], clipped: false },
  limits,
  remembered: false,
  ...patch,
});

function renderCard(props: Partial<ToolCallCardProps>) {
  return render(
    <ToolCallCard
      call={call("pending")}
      result={null}
      run={live()}
      runId="r1"
      conversationId="c1"
      active
      endStatus="streaming"
      {...props}
    />,
  );
}

beforeEach(() => {
  // biome-ignore lint/suspicious/noDocumentCookie: the CSRF token the client echoes.
  document.cookie = "parley_csrf=token123";
});
afterEach(() => vi.unstubAllGlobals());

describe("ToolCallCard", () => {
  it("asks for approval with the code, the limits and three choices", () => {
    renderCard({});
    expect(screen.getByText("print(6*7)")).toBeInTheDocument();
    expect(screen.getByText("Needs approval")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Sandbox limits" })).toHaveTextContent("No network");
    expect(screen.getByRole("list", { name: "Sandbox limits" })).toHaveTextContent("512 MB");
    for (const name of ["Approve", "Deny", "Always allow in this conversation"]) {
      expect(screen.getByRole("button", { name })).not.toHaveAttribute("aria-disabled", "true");
    }
  });

  it("posts the decision with the CSRF header and holds the buttons while it is in flight", async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = vi.fn(
      (_url: string, _init: RequestInit) =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    vi.stubGlobal("fetch", fetchMock);
    renderCard({});
    await userEvent.click(
      screen.getByRole("button", { name: "Always allow in this conversation" }),
    );
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/runs/r1/approvals/t1");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ approve: true, remember: true });
    expect((init.headers as Record<string, string>)["X-CSRF-Token"]).toBe("token123");
    expect(screen.getByRole("button", { name: "Allowing…" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    // A second click while it is in flight sends nothing more.
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    answer(new Response(JSON.stringify({ status: "approved" }), { status: 200 }));
    // Until the stream says it is approved, the buttons stay held.
    await waitFor(() =>
      expect(
        screen.getByRole("button", { name: "Always allow in this conversation" }),
      ).toHaveAttribute("aria-disabled", "true"),
    );
  });

  it("treats a 409 as already answered, not as an error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ detail: "Nothing is waiting for approval." }), {
            status: 409,
          }),
      ),
    );
    renderCard({});
    await userEvent.click(screen.getByRole("button", { name: "Deny" }));
    expect(await screen.findByRole("status")).toHaveTextContent("already answered");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Approve" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  });

  it("keeps keyboard focus on the card when the decision lands", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ status: "approved" }), { status: 200 })),
    );
    const client = new QueryClient();
    const card = (approval: ToolCallPart["approval"]) => (
      <QueryClientProvider client={client}>
        <ToolCallCard
          call={call(approval)}
          result={null}
          run={live()}
          runId="r1"
          conversationId="c1"
          active
          endStatus="streaming"
        />
      </QueryClientProvider>
    );
    const view = rtlRender(card("pending"));
    screen.getByRole("button", { name: "Approve" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: /Approv/ })).toHaveFocus();
    // The stream reports the approval: the prompt goes, the focus stays on the card.
    view.rerender(card("approved"));
    expect(screen.getByRole("group", { name: "Code to run: python" })).toHaveFocus();
  });

  it("shows the output live while the code runs", () => {
    renderCard({
      call: call("approved"),
      run: live({
        output: {
          chunks: [
            { stream: "stdout", text: "step 1\n" },
            { stream: "stderr", text: "careful\n" },
          ],
          clipped: false,
        },
      }),
    });
    expect(screen.getByText("Approved")).toBeInTheDocument();
    expect(screen.getByText("Running…")).toBeInTheDocument();
    expect(screen.getByRole("log", { name: "Output" })).toHaveTextContent("step 1 careful");
    expect(screen.queryByRole("button", { name: "Approve" })).not.toBeInTheDocument();
  });

  it("folds the result to a summary that opens to the output, with images and files", async () => {
    renderCard({
      call: call("automatic"),
      active: false,
      endStatus: "complete",
      result: result(
        execution({
          stdout_truncated: true,
          files: [
            {
              id: "f1",
              name: "plot.png",
              mime_type: "image/png",
              size: 20_582,
              url: "/api/executions/e1/files/f1",
              inline_image: true,
            },
            {
              id: "f2",
              name: "data.csv",
              mime_type: "text/csv",
              size: 120,
              url: "/api/executions/e1/files/f2",
              inline_image: false,
            },
          ],
        }),
      ),
    });
    expect(screen.getByText("Ran automatically")).toBeInTheDocument();
    const summary = screen.getByRole("button", { name: /Ran python · 0\.4 s · exit 0/ });
    expect(summary).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("group", { name: "stdout" })).not.toBeInTheDocument();
    expect(screen.getByRole("img", { name: /plot\.png/ })).toHaveAttribute(
      "src",
      "/api/executions/e1/files/f1",
    );
    expect(screen.getByRole("link", { name: /data\.csv/ })).toHaveAttribute("download", "data.csv");
    await userEvent.click(summary);
    expect(screen.getByRole("group", { name: "stdout" })).toHaveTextContent("42");
    expect(screen.getByText(/output truncated/)).toBeInTheDocument();
  });

  it("says when the code timed out", () => {
    renderCard({
      call: call("approved"),
      active: false,
      endStatus: "complete",
      result: result(
        execution({ status: "timeout", exit_code: null, duration_ms: 10_020, stdout: "" }),
      ),
    });
    expect(screen.getByText(/Timed out after 10 s/)).toBeInTheDocument();
  });

  it("says a denied call did not run", () => {
    renderCard({
      call: call("denied"),
      result: result(null, "The user declined to run this code."),
    });
    expect(screen.getByText("Denied")).toBeInTheDocument();
    expect(screen.getByText("You declined, so the code did not run.")).toBeInTheDocument();
    expect(screen.queryByRole("log")).not.toBeInTheDocument();
  });

  it("folds long code to its first lines until asked for all of it", async () => {
    const code = Array.from({ length: 40 }, (_, i) => `print(${i})`).join("\n");
    renderCard({ call: { ...call("pending"), input: { language: "python", code } } });
    const more = screen.getByRole("button", { name: "Show all 40 lines" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(more);
    expect(screen.getByRole("button", { name: "Show less" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  });

  it("offers no approval once the answer was interrupted", () => {
    renderCard({ active: false, endStatus: "interrupted", run: undefined });
    expect(screen.queryByRole("button", { name: "Approve" })).not.toBeInTheDocument();
    expect(screen.getByText("Not run")).toBeInTheDocument();
    expect(
      screen.getByText("Not run: the answer was interrupted before it was approved."),
    ).toBeInTheDocument();
  });
});
