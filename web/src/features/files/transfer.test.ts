import { describe, expect, it } from "vitest";
import { filesFromPaste } from "./transfer";

function clipboard(files: File[], text = ""): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  if (text) data.setData("text/plain", text);
  return data;
}

// jsdom has no DataTransfer; a small stand-in with the parts the code reads.
class FakeTransfer {
  private text = "";
  readonly files: File[] = [];
  readonly items = {
    add: (file: File) => this.files.push(file),
    [Symbol.iterator]: () => [][Symbol.iterator](),
  };
  types: string[] = [];
  setData(_type: string, value: string) {
    this.text = value;
  }
  getData() {
    return this.text;
  }
}
globalThis.DataTransfer ??= FakeTransfer as unknown as typeof DataTransfer;

const at = new Date(2026, 0, 1, 9, 5, 7);

describe("filesFromPaste", () => {
  it("attaches a pasted screenshot under a name that tells it apart", () => {
    const shot = new File(["png"], "image.png", { type: "image/png" });
    const [file] = filesFromPaste(clipboard([shot]), at);
    expect(file?.name).toBe("Pasted image 09.05.07.png");
    expect(file?.type).toBe("image/png");
  });

  it("keeps the names of files copied in a file manager", () => {
    const report = new File(["%PDF"], "report.pdf", { type: "application/pdf" });
    expect(filesFromPaste(clipboard([report], "report.pdf"), at).map((f) => f.name)).toEqual([
      "report.pdf",
    ]);
  });

  it("leaves a text paste alone, even with a picture of the cells beside it", () => {
    const picture = new File(["png"], "image.png", { type: "image/png" });
    expect(filesFromPaste(clipboard([picture], "Q1\t1200\nQ2\t1350"), at)).toEqual([]);
    expect(filesFromPaste(clipboard([], "just text"), at)).toEqual([]);
  });
});
