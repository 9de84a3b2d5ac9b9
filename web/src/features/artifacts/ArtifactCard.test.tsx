import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { ArtifactRef, Part } from "../../api/types";
import { renderWithQuery as render } from "../../test/render";
import { AnswerParts } from "../chat/AnswerParts";
import { ArtifactCard } from "./ArtifactCard";
import { useArtifactPanel } from "./store";

const ref = (
  version: number | null,
  operation: ArtifactRef["operation"] = "create",
): ArtifactRef => ({
  type: "artifact_ref",
  artifact_id: "a1",
  identifier: "page",
  artifact_type: "html",
  title: "Hello page",
  operation,
  version,
});

afterEach(() =>
  act(() => {
    useArtifactPanel.getState().close();
    useArtifactPanel.setState({ conversationId: null });
  }),
);

describe("ArtifactCard", () => {
  it("says what the model is doing while it writes", () => {
    render(<ArtifactCard part={ref(null)} conversationId="c1" live />);
    expect(screen.getByTestId("artifact-card")).toHaveTextContent("Creating…");
    render(<ArtifactCard part={ref(null, "update")} conversationId="c1" live />);
    expect(screen.getAllByTestId("artifact-card")[1]).toHaveTextContent("Updating…");
  });

  it("names the stored version, and a change the answer never finished", () => {
    render(<ArtifactCard part={ref(2, "update")} conversationId="c1" live={false} />);
    expect(screen.getByTestId("artifact-card")).toHaveTextContent("Web page · v2");
    render(<ArtifactCard part={ref(null)} conversationId="c1" live={false} />);
    expect(screen.getAllByTestId("artifact-card")[1]).toHaveTextContent("Not saved");
  });

  it("opens the panel on its version, marked as the one shown", async () => {
    render(<ArtifactCard part={ref(2)} conversationId="c1" live={false} />);
    const card = screen.getByRole("button", { name: /Hello page/ });
    await userEvent.click(card);
    const state = useArtifactPanel.getState();
    expect(state).toMatchObject({ open: true, conversationId: "c1", artifactId: "a1", version: 2 });
    act(() => state.setShownVersion(2));
    expect(card).toHaveAttribute("aria-current", "true");
  });
});

describe("AnswerParts", () => {
  it("puts cards between the text where the model made them", () => {
    const parts: Part[] = [
      { type: "text", text: "Before the card." },
      ref(1),
      { type: "text", text: "After it." },
    ];
    render(<AnswerParts parts={parts} live={false} conversationId="c1" />);
    const body = screen.getByTestId("assistant-text");
    const order = Array.from(body.children).map((el) => el.textContent ?? "");
    expect(order[0]).toBe("Before the card.");
    expect(order[1]).toContain("Hello page");
    expect(order[2]).toBe("After it.");
  });
});
