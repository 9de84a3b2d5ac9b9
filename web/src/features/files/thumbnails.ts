const DECODABLE = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"]);
const THUMB_PX = 160;
// Decoding a huge photo just for a chip is not worth the memory; the server's preview follows.
const MAX_DECODE_BYTES = 40 * 1024 * 1024;

/**
 * A small data: URL of an image, made in the browser so the chip shows the picture while it
 * uploads. The page's CSP admits data: images but not blob: URLs. Null when the browser can't.
 */
export async function makeThumbnail(file: File): Promise<string | null> {
  if (!DECODABLE.has(file.type) || file.size > MAX_DECODE_BYTES) return null;
  if (typeof createImageBitmap !== "function" || typeof document === "undefined") return null;
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMB_PX / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.toDataURL("image/webp", 0.8);
  } catch {
    return null;
  } finally {
    bitmap?.close();
  }
}
