// Trunk post-build hook, run in Trunk's staging directory (TRUNK_STAGING_DIR):
//  1. moves Trunk's inline module loader into boot-<hash>.js, so the Content-Security-Policy
//     needs no 'unsafe-inline', and registers the service worker from it;
//  2. writes embed.js, the stable-named ES module of the JavaScript API, which loads the
//     hashed files next to it (whatever path the site is served from);
//  3. writes sw.js, the service worker that caches this build for offline use. Its content
//     changes with every build, so browsers pick new builds up.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
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
writeFileSync(indexPath, html);

// 2. The JavaScript API.
const embed = `// ecr-explain JavaScript API (embed.js: a stable name; it loads this build's hashed files).
// Types: embed.d.ts. Everything runs in the page: nothing is sent anywhere.
import init, * as wasm from "./${js}";

const here = (file) => new URL(file, import.meta.url);
let loaded = false;

/** Resolves once the WebAssembly engine is loaded. */
export const ready = init({ module_or_path: here("${wasm}") }).then(() => {
  loaded = true;
});

function needReady() {
  if (!loaded) throw new Error("ecr-explain: await ready before calling explain() or mount()");
}

/** Explains an error text: the same report as the CLI's --json, as plain objects. */
export function explain(text) {
  needReady();
  return wasm.explain(String(text ?? ""));
}

/** The catalogue: every error family's id, title, explanation, remedies and references. */
export function families() {
  needReady();
  return wasm.families();
}

// Our stylesheet, once per document (mount()) or inside a shadow root (<ecr-explain>). A
// <link> to the file, not inline CSS: it works under a CSP that allows only 'self' styles.
const cssHref = here("${css}").href;
function addStyles(root) {
  const doc = root.ownerDocument || document;
  const into = root instanceof ShadowRoot ? root : doc.head;
  if (![...into.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === cssHref)) {
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = cssHref;
    into.appendChild(link);
  }
}

const VIEWS = ["explainer", "verdict", "bucket", "error-page"];
// Where in-app links (an error's page, the bucket) open: the site embed.js comes from.
const site = here("./").href;

/**
 * Renders the explainer (or the verdict alone, the token bucket, or one error's page) into
 * \`element\`, leaving the rest of the page alone. Options: { error?: string,
 * view?: "explainer" | "verdict" | "bucket" | "error-page", family?: string, compact?: boolean }.
 * Returns a handle whose unmount() removes it again.
 */
export async function mount(element, options = {}) {
  await ready;
  return mountNow(element, options);
}

function mountNow(element, options) {
  if (!(element instanceof Element)) throw new TypeError("ecr-explain: mount() needs an element");
  addStyles(element.getRootNode());
  const view = VIEWS.includes(options.view) ? options.view : "explainer";
  const text = (v) => (typeof v === "string" ? v : "");
  return wasm.mount(element, text(options.error), view, text(options.family), !!options.compact, site);
}

/**
 * <ecr-explain error="..." view="explainer|verdict|bucket|error-page" family="..." compact>:
 * the same views as mount(), for pages that take HTML but no script of their own (Markdown,
 * MDX, wiki macros). Without an error attribute, the element's text is the error. It renders
 * in a shadow root: the host page's styles do not reach in, ours do not leak out.
 */
class EcrExplainElement extends HTMLElement {
  static observedAttributes = ["error", "view", "family", "compact"];
  #shadow = this.attachShadow({ mode: "open" });
  #mounted = null;
  #box = null;
  #generation = 0;
  #queued = false;
  #observer = null;

  connectedCallback() {
    // The text content is the error when there is no error attribute: follow its changes.
    this.#observer = new MutationObserver(() => {
      if (!this.hasAttribute("error")) this.#schedule();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#generation++;
    this.#teardown();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  // Several attribute changes in one task render once.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #teardown() {
    this.#mounted?.unmount();
    this.#mounted = null;
    this.#box?.remove();
    this.#box = null;
  }

  async #render() {
    if (!this.isConnected) return;
    const generation = ++this.#generation;
    addStyles(this.#shadow);
    if (!this.#box) {
      const waiting = document.createElement("p");
      waiting.textContent = "Loading the explainer…";
      this.#box = waiting;
      this.#shadow.appendChild(waiting);
    }
    try {
      await ready;
    } catch (error) {
      // No WebAssembly here (a CSP without 'wasm-unsafe-eval', a blocked file): say so.
      if (generation === this.#generation && this.#box) {
        this.#box.textContent = "The ECR error explainer could not load here: " + error;
      }
      return;
    }
    // Removed, or changed again, while the engine loaded: that newer render wins.
    if (generation !== this.#generation || !this.isConnected) return;
    const compact = this.getAttribute("compact");
    const options = {
      error: this.getAttribute("error") ?? this.textContent.trim(),
      view: this.getAttribute("view") ?? "explainer",
      family: this.getAttribute("family") ?? "",
      compact: compact !== null && compact !== "false",
    };
    this.#teardown();
    const box = document.createElement("div");
    this.#shadow.appendChild(box);
    this.#box = box;
    this.#mounted = mountNow(box, options);
  }
}

if (typeof customElements !== "undefined" && !customElements.get("ecr-explain")) {
  customElements.define("ecr-explain", EcrExplainElement);
}
`;
// The comments above are for readers of this file; embed.js ships with its two-line header
// only (embed.d.ts documents the API), which keeps it small for every page that embeds it.
const [head1, head2, ...body] = embed.split("\n");
const shipped =
  head1 + "\n" + head2 +
  ("\n" + body.join("\n"))
    .replace(/\n[ \t]*\/\*\*[\s\S]*?\*\/(?=\n)/g, "")
    .replace(/\n[ \t]*\/\/[^\n]*(?=\n)/g, "");
writeFileSync(join(dir, "embed.js"), shipped);

// 3. The service worker, listing every file of this build.
// `_headers` is read by the static host, never served: caching it would fail the install.
const assets = files().filter((f) => f !== "sw.js" && f !== "_headers").sort();
const version = sha(assets.map((f) => f + ":" + sha(readFileSync(join(dir, f)))).join("\n"));
const sw = `// ecr-explain service worker (generated): caches build ${version} for offline use.
const CACHE = "ecr-explain-${version}";
const FILES = ${JSON.stringify(["./", ...assets.map((f) => "./" + f)], null, 0)};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ecr-explain-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    // Pages: the network first, so a new build shows at once; the cached copy when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match("./")),
      ),
    );
    return;
  }
  // Hashed assets never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
writeFileSync(join(dir, "sw.js"), sw);
console.log(`postbuild: ${bootName}, embed.js, sw.js (build ${version}, ${assets.length} files)`);
