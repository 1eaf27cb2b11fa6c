// Benchmark tool, not a test: where explain() of the 2 KB paste spends its time in Chromium.
// Builds the app's wasm as the release does (the wasm-release profile, wasm-opt -Oz) but with
// function names kept (wasm-opt -g) and the hidden `benchFindingCount` export (feature
// bench-api), serves dist/ with that wasm in place of the shipped one, and then:
//  - times explain() and benchFindingCount() (the engine alone, no report conversion);
//  - samples explain() under the CDP profiler and prints the top self-time functions and the
//    split between the engine and the JS boundary (the report's conversion into JS objects,
//    string passing, the glue).
// Run after `trunk build --release` (it serves that dist/):
//   node tests/browser/profile_explain.mjs [--no-build] [--prefilter] [--calls N] [--top N]
// (--prefilter: with feature wasm-prefilter, the patterns' literal prefilter.)
// The names-keeping build has its own target dir (target/profile-explain), so it never
// invalidates Trunk's; its first run compiles everything once.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, ROOT, DIST, SUB } from "./harness.mjs";
import { PASTE_2KB, quantile } from "./paste_2kb.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const CALLS = arg("--calls", 500);
const TOP = arg("--top", 25);
const OUT = join(ROOT, "target/profile-explain");
// From the leaf up, the first frame that says whose work this is; allocation, memcpy, core
// and collections say nothing and are charged to their caller.
const BOUNDARY = /serde_wasm_bindgen|serde::ser|Serialize>::serialize|wasm_bindgen::|js_sys::|__wbg|__wbindgen|js_api::/;
const ENGINE = /ecr_explain::|regex_lite::/;

if (!process.argv.includes("--no-build")) {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { CARGO_BUILD_JOBS: "1", ...process.env } });
  run("cargo", [
    "build", "--quiet", "--profile", "wasm-release", "--target", "wasm32-unknown-unknown",
    "--bin", "ecr-explain-web", "--target-dir", OUT,
    "--features", process.argv.includes("--prefilter") ? "bench-api,wasm-prefilter" : "bench-api",
  ]);
  mkdirSync(join(OUT, "bindgen"), { recursive: true });
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--out-dir", join(OUT, "bindgen"), "--out-name", "app",
    join(OUT, "wasm32-unknown-unknown/wasm-release/ecr-explain-web.wasm"),
  ]);
  // -g keeps the name section through the same -Oz the release runs.
  run("wasm-opt", ["-Oz", "-g", join(OUT, "bindgen/app_bg.wasm"), "-o", join(OUT, "bindgen/app_bg.wasm")]);
}

// The shipped app's hashed file names, served with the names-kept build's bytes.
const shipped = (re) => readdirSync(DIST).find((f) => re.test(f));
const appJs = shipped(/^ecr-explain-web-[0-9a-f]+\.js$/);
const appWasm = shipped(/^ecr-explain-web-[0-9a-f]+_bg\.wasm$/);
// A bare page: index.html pins the shipped files' hashes (SRI), embed.js does not.
const server = await serve({
  [SUB + "profile.html"]: "<!doctype html><title>profile explain()</title>",
  [SUB + appJs]: { type: "text/javascript; charset=utf-8", body: readFileSync(join(OUT, "bindgen/app.js")) },
  [SUB + appWasm]: { type: "application/wasm", body: readFileSync(join(OUT, "bindgen/app_bg.wasm")) },
});
const browser = await launch();
try {
  const page = await openPage(browser, server.base + "profile.html");
  const setup = async ({ paste, glue }) => {
    const api = await import(new URL("embed.js", document.baseURI).href);
    await api.ready;
    // The same module instance embed.js imported: the hidden export lives there.
    const wasm = await import(new URL(glue, document.baseURI).href);
    window.__bench = { paste, explain: api.explain, count: wasm.benchFindingCount };
    for (let i = 0; i < 50; i++) api.explain(paste), wasm.benchFindingCount(paste);
  };
  await page.evaluate(setup, { paste: PASTE_2KB, glue: appJs });
  const time = (which, calls) =>
    page.evaluate(
      ([which, calls]) => {
        const b = window.__bench;
        const out = [];
        for (let i = 0; i < calls; i++) {
          const t = performance.now();
          b[which](b.paste);
          out.push(performance.now() - t);
        }
        return out;
      },
      [which, calls],
    );
  const line = (label, xs) => console.log(`${label.padEnd(58)} median ${quantile(xs, 0.5).toFixed(3)} ms, p99 ${quantile(xs, 0.99).toFixed(3)} ms (${xs.length} calls)`);
  line("explain() (engine + report conversion), names-kept build", await time("explain", 300));
  line("benchFindingCount() (engine + string passing)", await time("count", 300));

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await time("explain", CALLS);
  const { profile } = await cdp.send("Profiler.stop");
  report(profile, appJs);
} finally {
  await browser.close();
  await server.close();
}

/** Prints the profile's self times by function and the engine / boundary split. */
function report(profile, glueFile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const selfMs = new Map();
  const split = new Map();
  const regexCallers = new Map();
  let total = 0;
  // timeDeltas[i + 1] is how long sample i's stack stood.
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at).callFrame);
    const inExplain = stack.some((f) => f.functionName === "explain" && f.url.endsWith("/embed.js"));
    const leaf = stack[0];
    if (!inExplain && leaf.functionName !== "(garbage collector)") return;
    total += ms;
    const name = label(leaf, glueFile);
    selfMs.set(name, (selfMs.get(name) || 0) + ms);
    const part = leaf.functionName === "(garbage collector)" ? "garbage collection (JS objects)" : classify(stack, glueFile);
    split.set(part, (split.get(part) || 0) + ms);
    if (part === "engine: regex-lite") {
      const caller = stack.find((f) => /^ecr_explain::|^<ecr_explain::/.test(f.functionName));
      const name = caller ? label(caller, glueFile) : "(no engine frame)";
      regexCallers.set(name, (regexCallers.get(name) || 0) + ms);
    }
  });
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
  console.log(`\nprofile: ${CALLS} explain() calls, ${total.toFixed(0)} ms sampled\n\nsplit:`);
  for (const [part, ms] of [...split].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(ms)}  ${part}`);
  console.log("\nregex-lite time by the engine function that ran it:");
  for (const [name, ms] of [...regexCallers].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(ms)}  ${name}`);
  console.log(`\ntop ${TOP} functions by self time:`);
  for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${pct(ms)}  ${name}`);
}

function glueFrame(f, glueFile) {
  return f.url.endsWith(glueFile) || f.url.endsWith("/embed.js");
}

function label(f, glueFile) {
  const name = (f.functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, "");
  if (f.url.includes(".wasm") || f.url.startsWith("wasm://")) return name;
  return glueFrame(f, glueFile) ? `${name} [JS glue]` : f.url ? `${name} [JS]` : name;
}

function classify(stack, glueFile) {
  for (const f of stack) {
    const name = f.functionName;
    if (f.url && !f.url.includes(".wasm") && !f.url.startsWith("wasm://")) {
      if (glueFrame(f, glueFile)) return /passString|getString|TextEncoder|encodeInto/.test(name) ? "boundary: string passing" : "boundary: JS glue (object building)";
      continue;
    }
    if (BOUNDARY.test(name)) return "boundary: report conversion (serde-wasm-bindgen)";
    if (/regex_lite::/.test(name)) return "engine: regex-lite";
    if (ENGINE.test(name)) return "engine: ecr_explain";
  }
  return `other (${stack[0].functionName})`;
}
