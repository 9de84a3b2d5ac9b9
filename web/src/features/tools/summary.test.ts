import { describe, expect, it } from "vitest";
import type { Conversation, Execution } from "../../api/types";
import { formatBytes } from "../../lib/format";
import { permissionModeOf, withPermissionMode } from "./hooks";
import { runnableLanguage } from "./languages";
import { executionSummary, formatDuration, limitPhrases } from "./summary";

const run = (patch: Partial<Execution>): Execution => ({
  id: "e1",
  language: "python",
  status: "ok",
  exit_code: 0,
  stdout: "",
  stderr: "",
  stdout_truncated: false,
  stderr_truncated: false,
  duration_ms: 412,
  files: [],
  created_at: "2026-01-01T10:00:00Z",
  ...patch,
});

describe("executionSummary", () => {
  it("says how each run ended, in one line", () => {
    expect(executionSummary(run({}))).toEqual({ text: "Ran python · 0.4 s · exit 0", tone: "ok" });
    expect(executionSummary(run({ status: "error", exit_code: 1, duration_ms: 12_400 }))).toEqual({
      text: "Ran python · 12 s · exit 1",
      tone: "error",
    });
    expect(
      executionSummary(run({ status: "timeout", exit_code: null, duration_ms: 10_030 })),
    ).toMatchObject({ text: "Timed out after 10 s" });
    expect(
      executionSummary(run({ status: "unavailable", stderr: "bubblewrap is missing\nmore" })),
    ).toEqual({ text: "Not run: bubblewrap is missing", tone: "muted" });
  });

  it("formats durations, sizes and limits for people", () => {
    expect(formatDuration(50)).toBe("0.1 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatBytes(900)).toBe("900 B");
    expect(formatBytes(20_582)).toBe("20.1 KB");
    expect(formatBytes(1_048_576)).toBe("1 MB");
    expect(
      limitPhrases({
        timeout_seconds: 10,
        max_timeout_seconds: 60,
        memory_mb: 512,
        max_processes: 64,
        max_output_bytes: 1_048_576,
        network: false,
      }),
    ).toEqual(["No network", "10 s time limit", "512 MB memory", "64 processes", "1 MB of output"]);
  });
});

describe("permission mode", () => {
  it("keeps the other settings when it switches, since a PATCH replaces them all", () => {
    expect(
      withPermissionMode(
        { system_prompt: "Be brief.", temperature: 0.2, permission_mode: "allow" },
        "ask",
      ),
    ).toEqual({ system_prompt: "Be brief.", temperature: 0.2, permission_mode: "ask" });
  });

  it("reads ask unless the conversation says allow", () => {
    const conversation = (settings: Conversation["settings"]) =>
      ({ settings }) as unknown as Conversation;
    expect(permissionModeOf(undefined)).toBe("ask");
    expect(permissionModeOf(conversation({}))).toBe("ask");
    expect(permissionModeOf(conversation({ permission_mode: "allow" }))).toBe("allow");
    // a conversation that chose nothing follows the server's default; its own choice wins
    expect(permissionModeOf(conversation({}), "allow")).toBe("allow");
    expect(permissionModeOf(conversation({ permission_mode: "ask" }), "allow")).toBe("ask");
  });

  it("knows which artifact languages the sandbox runs", () => {
    expect(runnableLanguage("Python3")).toBe("python");
    expect(runnableLanguage("node")).toBe("javascript");
    expect(runnableLanguage("sh")).toBe("bash");
    expect(runnableLanguage("sql")).toBeNull();
    expect(runnableLanguage(null)).toBeNull();
  });
});
