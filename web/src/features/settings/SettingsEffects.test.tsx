import { act, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useThemeStore } from "../../app/uiStore";
import { displayLocale, setDisplayLocale } from "../../lib/locale";
import { createSettingsChannel } from "./crossTab";
import { SettingsEffects } from "./SettingsEffects";
import { useSaveStatus } from "./saveStatus";
import { renderWithSettings, serveSettings } from "./testing";

beforeEach(() => {
  vi.spyOn(document, "cookie", "get").mockReturnValue("parley_csrf=test-token");
  useSaveStatus.setState({ pending: 0, savedCount: 0, failure: null });
  useThemeStore.setState({ theme: "auto", synced: "auto" });
});

afterEach(() => {
  vi.restoreAllMocks();
  setDisplayLocale(null);
  const root = document.documentElement;
  for (const key of ["chatFont", "textSize", "motion"]) delete root.dataset[key];
});

describe("SettingsEffects", () => {
  it("refetches the settings when another tab says they changed, and applies them", async () => {
    const server = serveSettings();
    renderWithSettings(<SettingsEffects />);
    server.setStored({ theme: "dark", text_size: "large", locale: "de-CH" });

    const otherTab = createSettingsChannel();
    act(() => otherTab.notify());
    await waitFor(() => expect(server.gets).toHaveLength(1));
    await waitFor(() => expect(useThemeStore.getState().theme).toBe("dark"));
    expect(useThemeStore.getState().synced).toBe("dark");
    expect(document.documentElement.dataset.textSize).toBe("large");
    expect(displayLocale()).toBe("de-CH");
    expect(server.patches).toEqual([]); // taking a change saves nothing back
    otherTab.close();
  });

  it("saves the theme chosen with the local toggle", async () => {
    const server = serveSettings();
    renderWithSettings(<SettingsEffects />);
    act(() => useThemeStore.getState().setTheme("dark"));
    await waitFor(() => expect(server.patches).toEqual([{ theme: "dark" }]));
    expect(useThemeStore.getState().synced).toBe("dark");
  });

  it("applies font, size and motion to the page, null motion leaving it to the system", () => {
    serveSettings();
    renderWithSettings(<SettingsEffects />, {
      chat_font: "dyslexic",
      text_size: "small",
      reduced_motion: true,
    });
    const root = document.documentElement;
    expect(root.dataset.chatFont).toBe("dyslexic");
    expect(root.dataset.textSize).toBe("small");
    expect(root.dataset.motion).toBe("reduced");
    expect(JSON.parse(localStorage.getItem("parley-appearance") ?? "{}")).toMatchObject({
      chatFont: "dyslexic",
    });
  });
});
