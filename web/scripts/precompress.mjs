// Writes a .gz beside every built script, style sheet and SVG that gzip makes smaller, so the
// server can send compressed bytes without compressing on each request (parley/web.py).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("../../parley/static/", import.meta.url).pathname;
const worth = /\.(js|css|svg|json|html)$/;
let saved = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (worth.test(name) && name !== "index.html") {
      const raw = readFileSync(path);
      const packed = gzipSync(raw, { level: 9 });
      if (packed.length < raw.length * 0.9) {
        writeFileSync(`${path}.gz`, packed);
        saved += raw.length - packed.length;
      }
    }
  }
}

walk(root);
console.log(`precompressed the build: ${(saved / 1024 / 1024).toFixed(1)} MB fewer to send`);
