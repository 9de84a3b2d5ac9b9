import { describe, expect, it } from "vitest";
import { reconcileTheme, toPreference, toSetting } from "./themeSync";

describe("reconcileTheme", () => {
  it("does nothing when this device shows the saved theme", () => {
    expect(reconcileTheme("dark", "light", "dark")).toBe("in-step");
  });

  it("takes a theme saved elsewhere over this device's unchanged copy", () => {
    expect(reconcileTheme("light", "light", "dark")).toBe("adopt-saved");
  });

  it("saves a theme chosen here that the server has not heard of", () => {
    expect(reconcileTheme("dark", "light", "light")).toBe("save-local");
  });

  it("saves a copy written before settings existed, unless it is the default", () => {
    expect(reconcileTheme("dark", null, "auto")).toBe("save-local");
    expect(reconcileTheme("auto", null, "dark")).toBe("adopt-saved");
  });

  it("lets the saved theme win when both moved", () => {
    expect(reconcileTheme("dark", "light", "auto")).toBe("adopt-saved");
  });

  it("names the system theme 'auto' here and 'system' on the server", () => {
    expect(toSetting("auto")).toBe("system");
    expect(toPreference("system")).toBe("auto");
    expect(toPreference("dark")).toBe("dark");
  });
});
