import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { Composer } from "./Composer";

function Harness({
  onSend,
  streaming = false,
  sendOnEnter,
}: {
  onSend: (t: string) => void;
  streaming?: boolean;
  sendOnEnter?: boolean;
}) {
  const [value, setValue] = useState("");
  return (
    <Composer
      value={value}
      onChange={setValue}
      onSend={(t) => {
        onSend(t);
        setValue("");
      }}
      onStop={() => undefined}
      streaming={streaming}
      sendOnEnter={sendOnEnter}
    />
  );
}

describe("Composer", () => {
  it("disables send while the message is empty or blank", async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    const send = screen.getByRole("button", { name: "Send message" });
    expect(send).toBeDisabled();
    await user.type(screen.getByRole("textbox", { name: "Message" }), "   ");
    expect(send).toBeDisabled();
    await user.keyboard("{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("sends on Enter and adds a newline on Shift+Enter", async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    await user.type(box, "first line{Shift>}{Enter}{/Shift}second line");
    expect(box).toHaveValue("first line\nsecond line");
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledWith("first line\nsecond line");
    expect(box).toHaveValue("");
  });

  it("adds a newline on Enter and sends on Ctrl+Enter with Enter to send off", async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Harness onSend={onSend} sendOnEnter={false} />);
    const box = screen.getByRole("textbox", { name: "Message" });
    expect(box).toHaveAccessibleDescription("Ctrl+Enter sends, Enter adds a new line.");
    expect(screen.getByText("Ctrl+Enter to send")).toBeInTheDocument();
    await user.type(box, "first line{Enter}second line");
    expect(box).toHaveValue("first line\nsecond line");
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(onSend).toHaveBeenCalledWith("first line\nsecond line");
  });

  it("counts characters and estimates tokens as the user types", async () => {
    const user = userEvent.setup();
    render(<Harness onSend={vi.fn()} />);
    await user.type(screen.getByRole("textbox", { name: "Message" }), "Hello, world");
    expect(screen.getByTestId("composer-count")).toHaveTextContent("12 chars · ≈3 tokens");
  });

  it("shows Stop instead of Send while an answer streams", async () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} streaming />);
    expect(screen.getByRole("button", { name: "Stop generating" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send message" })).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "Message" }), "next{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });
});
