// Regenerates src/api/schema.d.ts from the server's OpenAPI schema.
//   node scripts/gen-api.mjs [openapi.json] [--check]
// Without a file it reads web/openapi.json (written by `make api-types`), or when that is missing
// asks the server package (`python -m parley openapi`). With --check it exits 1 when the checked-in
// schema.d.ts differs from what the schema generates (CI uses it to catch stale types).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const target = resolve(root, "src/api/schema.d.ts");
const args = process.argv.slice(2);
const check = args.includes("--check");
const file = args.find((a) => !a.startsWith("--"));

function loadSchema() {
  if (file) return JSON.parse(readFileSync(resolve(process.cwd(), file), "utf8"));
  const checkedIn = resolve(root, "openapi.json");
  if (existsSync(checkedIn)) return JSON.parse(readFileSync(checkedIn, "utf8"));
  const venvPython = resolve(root, "../.venv/bin/python");
  const python = process.env.PYTHON ?? (existsSync(venvPython) ? venvPython : "python3");
  const out = execFileSync(python, ["-m", "parley", "openapi"], {
    cwd: resolve(root, ".."),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const schema = loadSchema();
const ast = await openapiTS(schema, { exportType: true, alphabetize: true });
const header =
  "// Generated from the server's OpenAPI schema by `npm run gen:api`. Do not edit by hand.\n\n";
const generated = header + astToString(ast);

if (check) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== generated) {
    console.error("src/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.");
    process.exit(1);
  }
  console.log("src/api/schema.d.ts is up to date.");
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
