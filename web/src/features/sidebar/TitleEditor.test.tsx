import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TitleEditor } from "./TitleEditor";

function setup(initial = "Old title") {
  const onSave = vi.fn();
  const onCancel = vi.fn();
  render(<TitleEditor initial={initial} onSave={onSave} onCancel={onCancel} />);
  const input = screen.getByRole("textbox", { name: "Conversation title" });
  return { onSave, onCancel, input, user: userEvent.setup() };
}

describe("TitleEditor", () => {
  it("opens focused with the title selected, so typing replaces it", async () => {
    const { input, user, onSave } = setup();
    expect(input).toHaveFocus();
    await user.keyboard("New title{Enter}");
    expect(onSave).toHaveBeenCalledExactlyOnceWith("New title", "key");
  });

  it("saves the trimmed title on Enter, once even as the input blurs after", async () => {
    const { input, user, onSave } = setup();
    await user.clear(input);
    await user.type(input, "  Spaced out  {Enter}");
    input.blur();
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Spaced out", "key");
  });

  it("cancels on Escape without saving what was typed", async () => {
    const { input, user, onSave, onCancel } = setup();
    await user.type(input, " and more{Escape}");
    input.blur();
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledExactlyOnceWith("key");
  });

  it("saves when focus leaves", async () => {
    const { input, user, onSave } = setup();
    await user.clear(input);
    await user.type(input, "Clicked away");
    await user.click(document.body);
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Clicked away", "blur");
  });

  it("refuses an empty title on Enter and says why, then accepts a real one", async () => {
    const { input, user, onSave, onCancel } = setup();
    await user.clear(input);
    await user.type(input, "   {Enter}");
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("A title can't be empty.");
    await user.type(input, "Fixed{Enter}");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Fixed", "key");
  });

  it("keeps the old title when an emptied field loses focus", async () => {
    const { input, user, onSave, onCancel } = setup();
    await user.clear(input);
    await user.click(document.body);
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledExactlyOnceWith("blur");
  });

  it("does not save a title that did not change", async () => {
    const { user, onSave, onCancel } = setup();
    await user.keyboard("{Enter}");
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).toHaveBeenCalledExactlyOnceWith("key");
  });

  it("takes focus back when the page moves it, not the user", async () => {
    const { input, onSave, onCancel } = setup();
    const composer = document.createElement("textarea");
    document.body.append(composer);
    composer.focus();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(input).toHaveFocus();
    expect(onSave).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    composer.remove();
  });

  it("saves when the user tabs away", async () => {
    const { input, user, onSave } = setup();
    await user.clear(input);
    await user.type(input, "Tabbed{Tab}");
    expect(onSave).toHaveBeenCalledExactlyOnceWith("Tabbed", "blur");
  });
});
