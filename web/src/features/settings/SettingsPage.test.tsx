import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserSettings } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import SettingsPage from "./SettingsPage";
import { useSaveStatus } from "./saveStatus";
import { renderWithSettings, serveSettings } from "./testing";
import { TYPING_PAUSE_MS } from "./useDebouncedSetting";

beforeAll(() => {
  // jsdom has the element but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

beforeEach(() => {
  vi.spyOn(document, "cookie", "get").mockReturnValue("parley_csrf=test-token");
  useSaveStatus.setState({ pending: 0, savedCount: 0, failure: null });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const status = () => screen.getByTestId("save-status");

describe("SettingsPage", () => {
  it("saves custom instructions once typing pauses, as one change", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = serveSettings();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderWithSettings(<SettingsPage />);

    const box = screen.getByLabelText("What should Parley know about you?");
    await user.type(box, "I am a vet.");
    expect(server.patches).toEqual([]);
    act(() => vi.advanceTimersByTime(TYPING_PAUSE_MS - 50));
    expect(server.patches).toEqual([]);
    await user.type(box, " In Leeds.");
    act(() => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    await waitFor(() =>
      expect(server.patches).toEqual([{ custom_instructions: "I am a vet. In Leeds." }]),
    );
    await waitFor(() => expect(status()).toHaveTextContent("Saved"));
    expect(screen.getByRole("status")).toHaveTextContent("Saved");
    expect(box).toHaveValue("I am a vet. In Leeds.");
  });

  it("saves what was typed at once when the field is left", async () => {
    const server = serveSettings();
    const user = userEvent.setup();
    renderWithSettings(<SettingsPage />);
    await user.type(screen.getByLabelText("What should Parley know about you?"), "Short.");
    await user.tab();
    await waitFor(() => expect(server.patches).toEqual([{ custom_instructions: "Short." }]));
  });

  it("shows the server's reason when it refuses a value, and keeps what was typed", async () => {
    const server = serveSettings({ thinking: true }, (change) =>
      "thinking_budget" in change && Number(change.thinking_budget) < 1024
        ? "thinking_budget: Input should be greater than or equal to 1024"
        : null,
    );
    const user = userEvent.setup();
    const { client } = renderWithSettings(<SettingsPage />, { thinking: true });
    const budget = screen.getByLabelText("Thinking budget");
    await user.clear(budget);
    await user.type(budget, "100");
    await user.tab();

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Not saved. Thinking budget: input should be greater than or equal to 1024.",
    );
    expect(status()).toHaveTextContent("Not saved");
    expect(budget).toHaveValue(100);
    expect(budget).toHaveAttribute("aria-invalid", "true");
    // what is shown as saved is what the server has
    expect(client.getQueryData<UserSettings>(queryKeys.settings)?.thinking_budget).toBe(8000);

    await user.clear(budget);
    await user.type(budget, "16000");
    await user.tab();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(server.patches.at(-1)).toEqual({ thinking_budget: 16000 });
    expect(status()).toHaveTextContent("Saved");
  });

  it("saves a choice at once and shows it chosen", async () => {
    const server = serveSettings();
    const user = userEvent.setup();
    renderWithSettings(<SettingsPage />);
    await user.click(screen.getByRole("radio", { name: "Dark" }));
    expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
    await waitFor(() => expect(server.patches).toEqual([{ theme: "dark" }]));
    await user.click(screen.getByRole("switch", { name: "Enter sends the message" }));
    await waitFor(() => expect(server.patches.at(-1)).toEqual({ send_on_enter: false }));
    expect(screen.getByRole("switch", { name: "Enter sends the message" })).toHaveAttribute(
      "aria-checked",
      "false",
    );
  });

  it("creates a custom style, chooses it, and deletes it back to Normal", async () => {
    const server = serveSettings();
    const user = userEvent.setup();
    renderWithSettings(<SettingsPage />);
    await user.click(screen.getByRole("button", { name: "Create style" }));
    const dialog = screen.getByRole("dialog", { name: "Create a style" });
    await user.type(within(dialog).getByLabelText("Name"), "Pirate");
    await user.type(within(dialog).getByLabelText("How should answers read?"), "Talk like one.");
    await user.click(within(dialog).getByRole("button", { name: "Create style" }));

    await waitFor(() => expect(server.patches).toHaveLength(1));
    const created = server.patches[0];
    const id = created?.style ?? "";
    expect(id).toMatch(/^pirate-[a-z0-9]+$/);
    expect(created?.custom_styles).toEqual([
      { id, name: "Pirate", instructions: "Talk like one." },
    ]);
    expect(screen.getByRole("radio", { name: /^Pirate/ })).toBeChecked();

    await user.click(screen.getByRole("button", { name: "Edit style Pirate" }));
    await user.click(
      within(screen.getByRole("dialog", { name: "Edit style" })).getByRole("button", {
        name: "Delete style",
      }),
    );
    await waitFor(() =>
      expect(server.patches.at(-1)).toEqual({ custom_styles: [], style: "normal" }),
    );
    expect(screen.getByRole("radio", { name: /^Normal/ })).toBeChecked();
  });
});
