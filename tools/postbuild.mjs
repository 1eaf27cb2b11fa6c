// Trunk post-build hook, run in Trunk's staging directory (TRUNK_STAGING_DIR):
//  1. moves Trunk's inline module loader into boot-<hash>.js, so the Content-Security-Policy
//     needs no 'unsafe-inline', and registers the service worker from it. It also tells the
//     app where the throttling visualizer's wasm is (`#app`'s data-bucket-*);
//  2. writes embed.js (from www/embed.js), the stable-named ES module of the JavaScript API,
//     which loads the hashed files next to it (whatever path the site is served from);
//  3. writes sw.js (from www/sw.js), the service worker that caches this build for offline
//     use. Its content changes with every build, so browsers pick new builds up.
import { readFileSync, writeFileSync, readdirSync, renameSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const sha = (data, n = 16) => createHash("sha256").update(data).digest("hex").slice(0, n);
const files = () => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
const find = (re) => {
  const f = files().find((name) => re.test(name));
  if (!f) {
    console.error(`postbuild: no file matches ${re}`);
    process.exit(1);
  }
  return f;
};

const js = find(/^ecr-explain-web-[0-9a-f]+\.js$/);
const wasm = find(/^ecr-explain-web-[0-9a-f]+_bg\.wasm$/);
const css = find(/^style-[0-9a-f]+\.css$/);
// The throttling visualizer's own wasm, fetched only when a page shows it. Trunk leaves a
// "worker" build's names unhashed; hash them like every other asset, so caches never serve a
// stale one.
const hashName = (from, to) => {
  const name = to(sha(readFileSync(join(dir, from))));
  renameSync(join(dir, from), join(dir, name));
  return name;
};
const bucketJs = hashName(find(/^ecr-explain-bucket\.js$/), (h) => `ecr-explain-bucket-${h}.js`);
const bucketWasm = hashName(find(/^ecr-explain-bucket_bg\.wasm$/), (h) => `ecr-explain-bucket-${h}_bg.wasm`);

// 1. The loader.
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
if (!inline.test(html)) {
  console.error("postbuild: no inline module script found in index.html");
  process.exit(1);
}
const boot = `import init from "./${js}";
await init({ module_or_path: "./${wasm}" });
// Offline use: cache this build (see sw.js). Not on file:// and not where it is not allowed.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}
`;
const bootName = `boot-${sha(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);
const appRoot = '<div id="app" ';
if (!html.includes(appRoot)) {
  console.error("postbuild: no #app element in index.html");
  process.exit(1);
}
html = html.replace(appRoot, `${appRoot}data-bucket-js="./${bucketJs}" data-bucket-wasm="./${bucketWasm}" `);
writeFileSync(indexPath, html);

// 2. The JavaScript API: www/embed.js with this build's hashed names filled in.
const template = (name) => readFileSync(new URL(`../www/${name}`, import.meta.url), "utf8");
const fill = (text, names) =>
  text.replace(/__([A-Z_]+)__/g, (whole, key) => {
    if (!(key in names)) {
      console.error(`postbuild: unknown placeholder ${whole}`);
      process.exit(1);
    }
    return names[key];
  });
const embed = fill(template("embed.js"), {
  APP_JS: js,
  APP_WASM: wasm,
  STYLE_CSS: css,
  BUCKET_JS: bucketJs,
  BUCKET_WASM: bucketWasm,
});
// The comments above are for readers of this file; embed.js ships with its two-line header
// only (embed.d.ts documents the API), which keeps it small for every page that embeds it.
const [head1, head2, ...body] = embed.split("\n");
const shipped =
  head1 + "\n" + head2 +
  ("\n" + body.join("\n"))
    .replace(/\n[ \t]*\/\*\*[\s\S]*?\*\/(?=\n)/g, "")
    .replace(/\n[ \t]*\/\/[^\n]*(?=\n)/g, "");
writeFileSync(join(dir, "embed.js"), shipped);

// 3. The service worker (www/sw.js), listing every file of this build, the wasm-bindgen
// snippets in subfolders included. `_headers` is read by the static host, never served:
// caching it would fail the install.
const walk = (sub) =>
  readdirSync(join(dir, sub)).flatMap((f) => {
    const path = sub ? `${sub}/${f}` : f;
    return statSync(join(dir, path)).isDirectory() ? walk(path) : [path];
  });
const assets = walk("").filter((f) => f !== "sw.js" && f !== "_headers").sort();
const version = sha(assets.map((f) => f + ":" + sha(readFileSync(join(dir, f)))).join("\n"));
const fileList = JSON.stringify(["./", ...assets.map((f) => "./" + f)]);
const sw = fill(template("sw.js").replace('["__FILES__"]', fileList), { BUILD: version });
writeFileSync(join(dir, "sw.js"), sw);
console.log(`postbuild: ${bootName}, embed.js, sw.js (build ${version}, ${assets.length} files)`);
