// Benchmark, not a test: a first visit, cold cache, in headless Chromium. Opens a share-style
// link (`#text=<error>`) to the built dist/ under a sub-path and prints, for each of 3 runs and
// their median: the time from navigation to the first finding on screen, and the bytes (gzip
// -9 of each file) fetched by then. Then the same for the throttling visualizer (`#bucket`,
// to `#token-bucket` on screen), which fetches its own wasm on top.
// Run after `trunk build --release`: node tests/browser/bench_load.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve, launch, DIST } from "./harness.mjs";

const RUNS = 3;
const ERROR =
  "denied: User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:111122223333:repository/team/app";

const server = await serve();
const browser = await launch();
const gzipOf = new Map();
const gz = (path) => {
  if (!gzipOf.has(path)) gzipOf.set(path, gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length);
  return gzipOf.get(path);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstVisit(url, selector) {
  // A new context: empty HTTP cache, no service worker yet.
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => r.url().startsWith(server.base) && fetched.push(r.url()));
  // Stamp the moment the selector first matches, from inside the page (no polling delay).
  await page.addInitScript((sel) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(sel)) {
        window.__shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForSelector(selector);
  const ms = await page.evaluate(() => window.__shownAt);
  const files = [...new Set(fetched.map((u) => decodeURIComponent(new URL(u).pathname.slice(new URL(server.base).pathname.length)) || "index.html"))];
  const bytes = files.reduce((sum, f) => sum + gz(f === "" ? "index.html" : f), 0);
  await context.close();
  return { ms, bytes, files };
}

try {
  for (const [name, url, selector] of [
    ["explainer, first verdict", `${server.base}#text=${encodeURIComponent(ERROR)}`, "[data-finding]"],
    ["throttling visualizer", `${server.base}#bucket`, "#token-bucket"],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstVisit(url, selector));
    const kib = (n) => (n / 1024).toFixed(1);
    console.log(`${name}: ${runs.map((r) => r.ms.toFixed(0) + " ms").join(", ")}; median ${median(runs.map((r) => r.ms)).toFixed(0)} ms, ${kib(median(runs.map((r) => r.bytes)))} KiB gzip fetched`);
    console.log(`  files: ${runs[0].files.join(", ")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
