import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { FileDropZone } from "./FileDropZone";

const transfer = (files: File[], types = ["Files"]) => ({
  dataTransfer: { files, types, items: [], dropEffect: "none" },
});

describe("FileDropZone", () => {
  it("covers the area while files are dragged over it and attaches what is dropped", () => {
    const onFiles = vi.fn();
    render(
      <FileDropZone onFiles={onFiles}>
        <p>
          The chat <span>with children</span>
        </p>
      </FileDropZone>,
    );
    const zone = screen.getByTestId("drop-zone");
    const file = new File(["a"], "a.txt", { type: "text/plain" });
    fireEvent.dragEnter(zone, transfer([file]));
    fireEvent.dragEnter(screen.getByText("with children"), transfer([file]));
    expect(screen.getByText("Drop files to attach")).toBeInTheDocument();
    // Leaving a child is not leaving the area.
    fireEvent.dragLeave(screen.getByText("with children"), transfer([file]));
    expect(screen.getByTestId("drop-overlay")).toBeInTheDocument();
    fireEvent.drop(zone, transfer([file]));
    expect(onFiles).toHaveBeenCalledWith([file]);
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
  });

  it("ignores text and links dragged within the page", () => {
    const onFiles = vi.fn();
    render(
      <FileDropZone onFiles={onFiles}>
        <p>The chat</p>
      </FileDropZone>,
    );
    const zone = screen.getByTestId("drop-zone");
    fireEvent.dragEnter(zone, transfer([], ["text/plain"]));
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
    fireEvent.drop(zone, transfer([], ["text/plain"]));
    expect(onFiles).not.toHaveBeenCalled();
  });

  it("hides the overlay when the drag leaves the area", () => {
    render(
      <FileDropZone onFiles={() => undefined}>
        <p>The chat</p>
      </FileDropZone>,
    );
    const zone = screen.getByTestId("drop-zone");
    fireEvent.dragEnter(zone, transfer([]));
    fireEvent.dragLeave(zone, transfer([]));
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
  });
});
