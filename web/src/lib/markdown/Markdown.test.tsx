import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Markdown, mathModule } from "./Markdown";

function renderMd(text: string) {
  return render(<Markdown text={text} />).container;
}

function assertInert(container: HTMLElement) {
  expect(
    container.querySelector("script, iframe, object, embed, svg, img, style, form"),
  ).toBeNull();
  for (const el of Array.from(container.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith("on"), `${el.tagName} has ${attr.name}`).toBe(false);
      expect(attr.value.toLowerCase()).not.toContain("javascript:");
    }
  }
}

afterEach(() => {
  delete (window as unknown as { __pwned?: boolean }).__pwned;
});

describe("Markdown", () => {
  it("renders GFM tables, task lists, strikethrough and footnotes", () => {
    const container = renderMd(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ text[^1]\n\n[^1]: The note.",
    );
    expect(container.querySelector("table td")?.textContent).toBe("1");
    const boxes = container.querySelectorAll<HTMLInputElement>("input[type=checkbox]");
    expect(boxes).toHaveLength(2);
    expect(boxes[0]?.checked).toBe(true);
    expect(container.querySelector("del")?.textContent).toBe("old");
    expect(container.querySelector("section.footnotes, [data-footnotes]")).not.toBeNull();
  });

  it("shows raw HTML as literal text and never as live elements", () => {
    const hostile = [
      "<script>window.__pwned = true</script>",
      '<img src=x onerror="window.__pwned = true">',
      '<svg onload="window.__pwned = true"><circle r="5"/></svg>',
      '<a href="javascript:alert(1)">click</a>',
      '<iframe src="javascript:alert(1)"></iframe>',
      "<style>body{display:none}</style>",
    ].join("\n\n");
    const container = renderMd(hostile);
    assertInert(container);
    expect(container.textContent).toContain("<script>window.__pwned = true</script>");
    expect(container.textContent).toContain("<img src=x onerror=");
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it("drops javascript:, data: and other schemes from links and images", () => {
    const container = renderMd(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:alert(1)) " +
        "[d](data:text/html,<script>alert(1)</script>) [e](vbscript:msgbox) ![f](javascript:alert(1)) " +
        "<javascript:alert(1)>",
    );
    assertInert(container);
    expect(container.querySelectorAll("a")).toHaveLength(0);
  });

  it("opens http(s) and mailto links in a new tab without an opener", () => {
    const container = renderMd("[site](https://example.com/x) and [mail](mailto:me@example.com)");
    const links = Array.from(container.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://example.com/x",
      "mailto:me@example.com",
    ]);
    for (const a of links) {
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
      expect(a.getAttribute("target")).toBe("_blank");
    }
  });

  it("renders images as links instead of loading them", () => {
    const container = renderMd("![tracker](https://example.com/pixel.png)");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")?.textContent).toBe("[tracker]");
  });

  it("renders fenced code with a language label and a copy button", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderMd("```python\nprint('<b>hi</b>')\n```");
    expect(screen.getByText("python")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy code" })).toBeInTheDocument();
    expect(document.querySelector("pre code")?.textContent).toBe("print('<b>hi</b>')");
    screen.getByRole("button", { name: "Copy code" }).click();
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("print('<b>hi</b>')"));
    await waitFor(() =>
      expect(document.querySelector("pre code .hljs-built_in, pre code span")).not.toBeNull(),
    );
    expect(document.querySelector("pre b")).toBeNull();
  });

  describe("math", () => {
    beforeAll(async () => {
      await mathModule.ensure();
    });

    it("renders inline and display KaTeX without executing its input", () => {
      const container = renderMd(
        "Inline $a^2 + b^2$ and display:\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n$\\href{javascript:alert(1)}{x}$",
      );
      expect(container.querySelectorAll(".katex").length).toBeGreaterThanOrEqual(2);
      expect(container.querySelector(".katex-display")).not.toBeNull();
      for (const a of Array.from(container.querySelectorAll("a"))) {
        expect(a.getAttribute("href") ?? "").not.toContain("javascript:");
      }
    });
  });
});
