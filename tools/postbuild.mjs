// Trunk post-build hook: moves Trunk's inline module loader into a file, so the page's
// Content-Security-Policy needs no 'unsafe-inline' (script-src 'self' only).
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR).
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) {
  console.error("postbuild: no inline module script found in index.html");
  process.exit(1);
}
const body = m[1].replace(/\n{2,}/g, "\n").trim() + "\n";
const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
const bootName = `boot-${hash}.js`;
writeFileSync(join(dir, bootName), body);
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);
writeFileSync(indexPath, html);
console.log(`postbuild: loader moved to ${bootName}`);
