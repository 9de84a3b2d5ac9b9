import { describe, expect, it } from "vitest";
import { fileExtension, fileName, sourceLanguage } from "./files";

describe("artifact files", () => {
  it.each([
    ["html", null, "html"],
    ["svg", null, "svg"],
    ["markdown", null, "md"],
    ["mermaid", null, "mmd"],
    ["react", null, "jsx"],
    ["code", "python", "py"],
    ["code", "Python", "py"],
    ["code", "javascript", "js"],
    ["code", "typescript", "ts"],
    ["code", "bash", "sh"],
    ["code", "shell", "sh"],
    ["code", "rust", "rs"],
    ["code", "go", "go"],
    ["code", "sql", "sql"],
    ["code", "cobol", "txt"],
    ["code", null, "txt"],
  ] as const)("gives a %s artifact in %s the .%s extension", (type, language, ext) => {
    expect(fileExtension(type, language)).toBe(ext);
  });

  it("names the file after the title", () => {
    expect(fileName("Hello page", "html", null)).toBe("hello-page.html");
    expect(fileName("  Crème brûlée: a recipe!  ", "markdown", null)).toBe(
      "creme-brulee-a-recipe.md",
    );
    expect(fileName("Merge intervals", "code", "python")).toBe("merge-intervals.py");
    expect(fileName("???", "svg", null)).toBe("artifact.svg");
    expect(fileName("Build image", "code", "dockerfile")).toBe("Dockerfile");
    expect(fileName("x".repeat(200), "react", null)).toHaveLength(80 + ".jsx".length);
  });

  it("highlights each type's source in a fitting language", () => {
    expect(sourceLanguage("html", null)).toBe("xml");
    expect(sourceLanguage("react", null)).toBe("javascript");
    expect(sourceLanguage("code", "python")).toBe("python");
    expect(sourceLanguage("mermaid", null)).toBeNull();
  });
});
