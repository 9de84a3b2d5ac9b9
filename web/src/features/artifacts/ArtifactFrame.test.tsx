import { act, fireEvent, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ArtifactFrame } from "./ArtifactFrame";
import type { FrameArtifact } from "./frameProtocol";

const artifact: FrameArtifact = {
  type: "markdown",
  content: "# Hi",
  title: "Notes",
  language: null,
};

function fromFrame(iframe: HTMLIFrameElement, data: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data, source: iframe.contentWindow }));
  });
}

describe("ArtifactFrame", () => {
  it("is a scripts-only sandbox on the frame document", () => {
    const { container } = render(
      <ArtifactFrame artifact={artifact} final title="Preview" onError={() => {}} />,
    );
    const iframe = container.querySelector("iframe");
    expect(iframe?.getAttribute("sandbox")).toBe("allow-scripts");
    expect(iframe?.getAttribute("src")).toBe("/artifact-frame");
    expect(iframe?.getAttribute("title")).toBe("Preview");
  });

  it("posts the render once the frame is ready, and again when the artifact changes", () => {
    const { container, rerender } = render(
      <ArtifactFrame artifact={artifact} final={false} title="Preview" onError={() => {}} />,
    );
    const iframe = container.querySelector("iframe") as HTMLIFrameElement;
    const post = vi.spyOn(iframe.contentWindow as Window, "postMessage");
    expect(post).not.toHaveBeenCalled();
    fromFrame(iframe, { parley: 1, type: "ready" });
    expect(post).toHaveBeenLastCalledWith(
      { parley: 1, type: "render", artifact, final: false },
      "*",
    );
    rerender(
      <ArtifactFrame
        artifact={{ ...artifact, content: "# Hi!" }}
        final
        theme="dark"
        title="Preview"
        onError={() => {}}
      />,
    );
    expect(post).toHaveBeenLastCalledWith(
      {
        parley: 1,
        type: "render",
        artifact: { ...artifact, content: "# Hi!" },
        final: true,
        theme: "dark",
      },
      "*",
    );
  });

  it("reports errors and heights from its own frame only", () => {
    const onError = vi.fn();
    const onHeight = vi.fn();
    const { container } = render(
      <ArtifactFrame
        artifact={artifact}
        final
        title="Preview"
        onError={onError}
        onHeight={onHeight}
      />,
    );
    const iframe = container.querySelector("iframe") as HTMLIFrameElement;
    fromFrame(iframe, { parley: 1, type: "error", message: "boom", detail: "at line 1" });
    fromFrame(iframe, { parley: 1, type: "height", height: 320 });
    act(() => {
      window.dispatchEvent(
        new MessageEvent("message", {
          data: { parley: 1, type: "error", message: "spoof" },
          source: window,
        }),
      );
    });
    fromFrame(iframe, { parley: 1, type: "error", message: 42 });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith("boom", "at line 1");
    expect(onHeight).toHaveBeenCalledWith(320);
  });

  it("starts a fresh frame after a finished HTML page, instead of reusing its window", () => {
    const page: FrameArtifact = {
      type: "html",
      content: "<p>one</p>",
      title: "Page",
      language: null,
    };
    const { container, rerender } = render(
      <ArtifactFrame artifact={page} final title="Preview" onError={() => {}} />,
    );
    const first = container.querySelector("iframe") as HTMLIFrameElement;
    fireEvent.load(first);
    rerender(
      <ArtifactFrame
        artifact={{ ...page, content: "<p>two</p>" }}
        final
        title="Preview"
        onError={() => {}}
      />,
    );
    expect(container.querySelector("iframe")).not.toBe(first);
  });
});
