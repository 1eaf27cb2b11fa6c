// Groups twiggy's item sizes (CSV from `twiggy top --format csv`) into parts and prints each
// part's share of the wasm, with its estimated share of the shipped gzip size (dist/, when
// built). Used by scripts/size-parts.sh.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Our modules by path; other crates by name. Generic code instantiated for our types counts
// for the crate that defines it (core's sort, alloc's Vec, ...), as twiggy names it.
function part(name) {
  if (name.startsWith("data segment")) return "data: strings and tables (catalogue prose, patterns, ...)";
  const ours = name.match(/^<?(?:&?mut )?ecr_explain(?:_web|_bucket)?::(\w+)(?:::(\w+))?/);
  if (ours) {
    const [, top, sub] = ours;
    return ["engine", "app", "bucket"].includes(top) && sub && /^[a-z_]+$/.test(sub)
      ? `ecr_explain::${top}::${sub}`
      : `ecr_explain::${top}`;
  }
  const crate = name.match(/^<?(?:&?mut )?([a-z_0-9]+)(?:\[[0-9a-f]+\])?::/);
  if (crate) return crate[1];
  return "other (wasm-bindgen exports, glue, std impls)";
}

const dist = new URL("../dist/", import.meta.url).pathname;
for (const csv of process.argv.slice(2)) {
  const bin = csv.split("/").pop().replace(/\.csv$/, "");
  const rows = readFileSync(csv, "utf8").trim().split("\n").slice(1);
  const sizes = new Map();
  let total = 0;
  for (const row of rows) {
    // Name,ShallowSize,... ; names may contain commas inside quotes.
    const m = row.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!m) continue;
    const name = m[1].replace(/^"|"$/g, "").replace(/""/g, '"');
    if (/"function names" subsection|"data names" subsection|^custom section/.test(name)) continue;
    const bytes = Number(m[2]);
    const key = part(name);
    sizes.set(key, (sizes.get(key) ?? 0) + bytes);
    total += bytes;
  }
  const shipped = existsSync(dist)
    ? readdirSync(dist).find((f) => f.startsWith(`${bin}-`) && f.endsWith("_bg.wasm"))
    : undefined;
  const shippedGz = shipped ? gzipSync(readFileSync(dist + shipped), { level: 9 }).length : 0;
  console.log(`\n${bin}: ${(total / 1024).toFixed(1)} KiB before wasm-opt` +
    (shipped ? `; shipped ${shipped}: ${(shippedGz / 1024).toFixed(1)} KiB gzip` : ""));
  console.log(`${"part".padEnd(64)} ${"KiB".padStart(7)} ${"share".padStart(6)}${shipped ? "  ≈KiB gzip" : ""}`);
  for (const [key, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
    if (bytes < 1024) continue;
    const share = bytes / total;
    console.log(`${key.padEnd(64)} ${(bytes / 1024).toFixed(1).padStart(7)} ${(100 * share).toFixed(1).padStart(5)}%` +
      (shipped ? `  ${((share * shippedGz) / 1024).toFixed(1).padStart(9)}` : ""));
  }
}
