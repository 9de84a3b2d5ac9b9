import { describe, expect, it } from "vitest";
import { guessKind, typeBadge } from "./kinds";

describe("file kinds", () => {
  it("guesses the family from the type and the name", () => {
    expect(guessKind("scan.PDF", "")).toBe("pdf");
    expect(guessKind("photo.jpg", "image/jpeg")).toBe("image");
    expect(guessKind("logo.svg", "image/svg+xml")).toBe("code");
    expect(guessKind("sales.xlsx", "")).toBe("spreadsheet");
    expect(guessKind("data.csv", "text/csv")).toBe("spreadsheet");
    expect(guessKind("letter.docx", "")).toBe("document");
    expect(guessKind("main.rs", "")).toBe("code");
    expect(guessKind("README.md", "text/markdown")).toBe("text");
    expect(guessKind("blob", "application/octet-stream")).toBe("other");
  });

  it("labels a card by its extension, else its kind", () => {
    expect(typeBadge("report.pdf", "pdf")).toBe("PDF");
    expect(typeBadge("Dockerfile", "code")).toBe("Code");
    expect(typeBadge("archive.tar.gz", "archive-refused")).toBe("GZ");
  });
});
