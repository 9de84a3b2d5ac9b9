import { createEvent, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { KnowledgeDropZone } from "./KnowledgeDropZone";

const transfer = (files: File[], types = ["Files"]) => ({
  dataTransfer: { files, types, items: [], dropEffect: "none" },
});

describe("KnowledgeDropZone", () => {
  it("says the files become knowledge while dragged, and adds what is dropped", () => {
    const onFiles = vi.fn();
    render(
      <KnowledgeDropZone onFiles={onFiles}>
        <p>
          The project <span>page</span>
        </p>
      </KnowledgeDropZone>,
    );
    const zone = screen.getByTestId("knowledge-drop-zone");
    const file = new File(["# Notes"], "notes.md", { type: "text/markdown" });
    fireEvent.dragEnter(zone, transfer([file]));
    fireEvent.dragEnter(screen.getByText("page"), transfer([file]));
    fireEvent.dragLeave(screen.getByText("page"), transfer([file]));
    expect(screen.getByText("Drop files to add to the project")).toBeInTheDocument();
    fireEvent.drop(zone, transfer([file]));
    expect(onFiles).toHaveBeenCalledWith([file]);
    expect(screen.queryByText("Drop files to add to the project")).toBeNull();
  });

  it("ignores dragged text, and keeps the browser from opening a file dropped beside it", () => {
    const onFiles = vi.fn();
    render(
      <KnowledgeDropZone onFiles={onFiles}>
        <p>The project</p>
      </KnowledgeDropZone>,
    );
    fireEvent.dragEnter(screen.getByTestId("knowledge-drop-zone"), transfer([], ["text/plain"]));
    expect(screen.queryByText("Drop files to add to the project")).toBeNull();
    const beside = createEvent.drop(window, transfer([new File(["a"], "a.txt")]));
    fireEvent(window, beside);
    expect(beside.defaultPrevented).toBe(true);
    expect(onFiles).not.toHaveBeenCalled();
  });
});
