/** True when a drag carries files (not text or a link being dragged within the page). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return Boolean(transfer && Array.from(transfer.types).includes("Files"));
}

export function filesOf(transfer: DataTransfer | null): File[] {
  if (!transfer) return [];
  if (transfer.files && transfer.files.length > 0) return Array.from(transfer.files);
  return Array.from(transfer.items ?? []).flatMap((item) => {
    const file = item.kind === "file" ? item.getAsFile() : null;
    return file ? [file] : [];
  });
}

const two = (n: number) => String(n).padStart(2, "0");

// Browsers name every pasted bitmap "image.png"; several in one message should be told apart.
function namePasted(file: File, now: Date): File {
  if (file.name && file.name !== "image.png") return file;
  const extension = file.type.split("/")[1]?.replace("jpeg", "jpg") ?? "png";
  const stamp = `${two(now.getHours())}.${two(now.getMinutes())}.${two(now.getSeconds())}`;
  return new File([file], `Pasted image ${stamp}.${extension}`, {
    type: file.type,
    lastModified: file.lastModified,
  });
}

/**
 * The files a paste should attach, or none when it is a text paste. Copying cells from a
 * spreadsheet also puts a picture of them on the clipboard; the text is what was meant, so files
 * win only when there is no text beside them, or the text is just their names (a file manager).
 */
export function filesFromPaste(data: DataTransfer, now: Date = new Date()): File[] {
  const files = filesOf(data);
  if (files.length === 0) return [];
  const text = data.getData("text/plain").trim();
  if (text) {
    const names = new Set(files.map((f) => f.name));
    const onlyNames = text.split(/\r?\n/).every((line) => {
      const base = line.trim().split(/[\\/]/).pop() ?? "";
      return names.has(base);
    });
    if (!onlyNames) return [];
  }
  return files.map((file) => namePasted(file, now));
}
