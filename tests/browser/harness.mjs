// Shared by the browser tests: serves the built dist/ under a sub-path on 127.0.0.1 and
// drives Debian's Chromium through playwright-core (no browser download).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(ROOT, "dist");
export const SUB = "/some/sub/path/";
export const ARTIFACTS = join(ROOT, "tests/browser/artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".d.ts": "text/plain; charset=utf-8",
};

/** Serves DIST at SUB, and test files of `extra` (path -> html text, or {type, body}). */
export async function serve(extra = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, "http://x");
    const page = extra[url.pathname];
    if (page) {
      const { type, body } = typeof page === "string" ? { type: TYPES[".html"], body: page } : page;
      res.writeHead(200, { "content-type": type });
      res.end(body);
      return;
    }
    if (!url.pathname.startsWith(SUB)) {
      res.writeHead(404).end("not under the sub-path");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB.length)) || "index.html";
    const file = normalize(join(DIST, rel));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const s = await stat(file);
      const path = s.isDirectory() ? join(file, "index.html") : file;
      const body = await readFile(path);
      const type = path.endsWith(".d.ts") ? TYPES[".d.ts"] : TYPES[extname(path)] || "application/octet-stream";
      res.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin, base: origin + SUB, requests, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A page that records every request it makes and every error it logs. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.requested = [];
  page.errors = [];
  page.on("request", (r) => page.requested.push(r.url()));
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  await page.goto(url);
  return page;
}

/** Sets the paste box's value as a paste would and waits for the verdict to follow. */
/** Starts recording the gaps between animation frames on `page`; `frameGaps` stops and reads them. */
export async function watchFrames(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const loop = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** The frame gaps (ms) recorded since `watchFrames`, ending the recording. */
export async function frameGaps(page) {
  return page.evaluate(() => ((window.__stop = true), window.__gaps));
}

export async function paste(page, text) {
  await page.evaluate((t) => {
    const el = document.getElementById("error-input");
    el.value = t;
    el.dispatchEvent(new InputEvent("input", { bubbles: true }));
  }, text);
}
