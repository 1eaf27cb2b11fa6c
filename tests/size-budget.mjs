// Size budget of the built site: prints every dist/ file raw and gzip -9, marks the ones the
// explainer route loads before its first verdict, and fails when either the initial route or
// the whole site grows past its budget. Run after `trunk build --release`.
//
// The initial route is found by following the references from index.html (its links and
// scripts, then the imports and wasm paths of those scripts), so a file that starts being
// loaded up front is counted without anyone updating a list here. The throttling
// visualizer's wasm is only named in `#app`'s data-bucket-* and is fetched when a page shows
// it, so it is not in the initial route. tests/browser/bench_load.mjs measures the same
// bytes in Chromium, with the time to the first verdict.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = new URL("../dist/", import.meta.url).pathname;
// Budgets, gzip -9, with a few KiB of headroom: lower them whenever the site shrinks.
// Anchors: Yew's function_todomvc is 80.4 KiB gzip with the same profile and wasm-opt; this
// app adds the catalogue's prose for 60+ error families, a regex engine, share-link
// redaction and the JS API. The whole site carries Yew twice: the visualizer's wasm has its
// own copy (about 20 KiB gzip of its 87). The wasm prefilter (feature wasm-prefilter, on by
// default) costs about 3.6 KiB of the initial route and makes explain() on a 2 KB paste
// about 3x faster in Chromium (tests/browser/bench_explain.mjs); the fact extractors' token
// runs (src/engine/facts/tokens.rs) cost 1.2 KiB and made it about 1.3x faster again.
const BUDGET_INITIAL = 259 * 1024;
const BUDGET_TOTAL = 361 * 1024;

const walk = (sub) =>
  readdirSync(join(DIST, sub)).flatMap((f) => {
    const path = sub ? `${sub}/${f}` : f;
    return statSync(join(DIST, path)).isDirectory() ? walk(path) : [path];
  });
const files = walk("").sort();

/** Files `file` makes the browser fetch at once (relative to dist/). */
function references(file) {
  if (!/\.(html|js)$/.test(file)) return [];
  const text = readFileSync(join(DIST, file), "utf8");
  const found = [
    ...text.matchAll(/<(?:link|script)\b[^>]*?\s(?:href|src)="([^"]+)"/g),
    ...text.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...text.matchAll(/module_or_path:\s*["']([^"']+)["']/g),
  ].map((m) => m[1]);
  return found
    .filter((ref) => !/^[a-z]+:/i.test(ref))
    .map((ref) => posix.normalize(posix.join(posix.dirname(file), ref)));
}

const initial = new Set();
const queue = ["index.html"];
while (queue.length) {
  const f = queue.pop();
  if (initial.has(f) || !files.includes(f)) continue;
  initial.add(f);
  queue.push(...references(f));
}

let raw = 0;
let gz = 0;
let initialGz = 0;
const kib = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
for (const f of files) {
  const body = readFileSync(join(DIST, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  if (initial.has(f)) initialGz += z;
  const mark = initial.has(f) ? "  initial" : "";
  console.log(`${f.padEnd(56)} ${kib(body.length)} ${kib(z)} gzip${mark}`);
}
console.log(`${"initial route (explainer, before its first verdict)".padEnd(56)} ${"".padEnd(12)} ${kib(initialGz)} gzip (budget ${kib(BUDGET_INITIAL).trim()})`);
console.log(`${"total".padEnd(56)} ${kib(raw)} ${kib(gz)} gzip (budget ${kib(BUDGET_TOTAL).trim()})`);
if (![...initial].some((f) => f.endsWith(".wasm"))) {
  console.error("size budget: found no wasm in the initial route; the reference scan is broken");
  process.exit(1);
}
let failed = false;
if (initialGz > BUDGET_INITIAL) {
  console.error(`size budget exceeded: initial route ${initialGz} > ${BUDGET_INITIAL} bytes gzip`);
  failed = true;
}
if (gz > BUDGET_TOTAL) {
  console.error(`size budget exceeded: total ${gz} > ${BUDGET_TOTAL} bytes gzip`);
  failed = true;
}
process.exit(failed ? 1 : 0);
