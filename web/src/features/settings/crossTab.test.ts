import { afterEach, describe, expect, it, vi } from "vitest";
import { createSettingsChannel } from "./crossTab";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("createSettingsChannel", () => {
  it("tells the other tabs, not itself, over a BroadcastChannel", async () => {
    const here = createSettingsChannel();
    const there = createSettingsChannel();
    const heardHere = vi.fn();
    const heardThere = vi.fn();
    here.listen(heardHere);
    const stop = there.listen(heardThere);
    here.notify();
    await vi.waitFor(() => expect(heardThere).toHaveBeenCalledTimes(1));
    expect(heardHere).not.toHaveBeenCalled();

    stop();
    here.notify();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heardThere).toHaveBeenCalledTimes(1);
    here.close();
    there.close();
  });

  it("falls back to a storage event where there is no BroadcastChannel", () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    const channel = createSettingsChannel();
    const heard = vi.fn();
    channel.listen(heard);
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    channel.notify();
    expect(setItem).toHaveBeenCalledWith("parley-settings-changed", expect.any(String));
    // the browser fires this in the other tabs when one writes the key
    window.dispatchEvent(new StorageEvent("storage", { key: "parley-settings-changed" }));
    window.dispatchEvent(new StorageEvent("storage", { key: "parley-theme" }));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
