import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { ExecutionFile } from "../../api/types";
import { renderWithQuery as render } from "../../test/render";
import { useFileViewer } from "../files/viewerStore";
import { ExecutionFiles } from "./ExecutionDetails";

const output = (overrides: Partial<ExecutionFile>): ExecutionFile => ({
  id: "o1",
  name: "out/summary.csv",
  mime_type: "text/csv",
  size: 4096,
  url: "/api/executions/e1/files/o1",
  inline_image: false,
  file_id: "f9",
  ...overrides,
});

describe("files the code wrote", () => {
  afterEach(() => useFileViewer.setState({ file: null }));

  it("shows a non-image output as a card with its type, size and a download", async () => {
    render(<ExecutionFiles files={[output({})]} />);
    const card = screen.getByTestId("output-file");
    expect(card).toHaveTextContent("summary.csv");
    expect(card).toHaveTextContent("CSV · 4 KB");
    expect(screen.getByRole("link", { name: "Download summary.csv" })).toHaveAttribute(
      "href",
      "/api/executions/e1/files/o1",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: /^Open ?summary\.csv/ }));
    expect(useFileViewer.getState().file).toMatchObject({ id: "f9", kind: "spreadsheet" });
  });

  it("downloads an output that is not a file of the conversation (an older run)", () => {
    render(<ExecutionFiles files={[output({ file_id: null })]} />);
    expect(screen.queryByRole("button", { name: /^Open/ })).toBeNull();
    expect(screen.getByRole("link", { name: /^Download ?summary\.csv/ })).toHaveAttribute(
      "download",
      "summary.csv",
    );
  });

  it("opens an image the code drew in the viewer", async () => {
    render(
      <ExecutionFiles
        files={[output({ name: "plot.png", mime_type: "image/png", inline_image: true })]}
      />,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: /plot\.png/ }));
    expect(useFileViewer.getState().file).toMatchObject({ id: "f9", kind: "image" });
  });
});
