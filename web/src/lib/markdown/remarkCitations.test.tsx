import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type Citations, Markdown } from "./Markdown";

const citations = (...numbers: number[]): Citations => ({
  numbers: new Set(numbers),
  render: (n) => (
    <button type="button" data-testid="chip">
      {n}
    </button>
  ),
});

function chipsIn(text: string, cited: Citations) {
  const { container } = render(<Markdown text={text} citations={cited} />);
  const chips = Array.from(container.querySelectorAll("[data-testid=chip]")).map(
    (chip) => chip.textContent,
  );
  return { container, chips };
}

describe("remarkCitations", () => {
  it("turns a marker that names a source into a chip and leaves the others as text", () => {
    const { container, chips } = chipsIn(
      "The code is 4417 [2]. Parking is free [7].",
      citations(2),
    );
    expect(chips).toEqual(["2"]);
    expect(container.textContent).toBe("The code is 4417 2. Parking is free [7].");
  });

  it("reads [2][5] and [2, 5] as two citations each", () => {
    expect(chipsIn("First [2][5].", citations(2, 5)).chips).toEqual(["2", "5"]);
    expect(chipsIn("Second [2, 5].", citations(2, 5)).chips).toEqual(["2", "5"]);
    expect(chipsIn("Third [2; 5].", citations(2, 5)).chips).toEqual(["2", "5"]);
  });

  it("keeps a number of a group that is no source as text beside the chips", () => {
    const { container, chips } = chipsIn("Mixed [2, 9].", citations(2));
    expect(chips).toEqual(["2"]);
    expect(container.textContent).toBe("Mixed 2[9].");
  });

  it("leaves code blocks, inline code and link text untouched", () => {
    const text = [
      "```python\nvalues[1] = cited[2]\n```",
      "Index with `items[2]`.",
      "See [the guide [2]](https://example.com).",
      "But this one counts [2].",
    ].join("\n\n");
    const { container, chips } = chipsIn(text, citations(2));
    expect(chips).toEqual(["2"]);
    expect(container.querySelector("pre, .code-block")?.textContent).toContain(
      "values[1] = cited[2]",
    );
    expect(container.querySelector("p code")?.textContent).toBe("items[2]");
    expect(container.querySelector("a")?.textContent).toBe("the guide [2]");
  });

  it("finds markers in lists, headings and emphasis", () => {
    const { chips } = chipsIn(
      "# Pay [1]\n\n- Holidays: 31 days [2]\n\n*Stated [3]*",
      citations(1, 2, 3),
    );
    expect(chips).toEqual(["1", "2", "3"]);
  });

  it("renders no chips without sources, and no HTML a model writes becomes one", () => {
    const hostile = 'Look <sup data-citation="2">2</sup> here [2].';
    expect(chipsIn(hostile, citations()).chips).toEqual([]);
    const { container, chips } = chipsIn(hostile, citations(2));
    expect(chips).toEqual(["2"]);
    expect(container.textContent).toContain('<sup data-citation="2">2</sup>');
  });

  it("keeps plain text plain when nothing is cited", () => {
    const { container } = render(<Markdown text="Arrays start at [0]." />);
    expect(container.textContent).toBe("Arrays start at [0].");
    expect(container.querySelector("sup")).toBeNull();
  });
});
