// ecr-explain JavaScript API (embed.js: a stable name; it loads this build's hashed files).
// Types: embed.d.ts. Everything runs in the page: nothing is sent anywhere.
import init, * as wasm from "./__APP_JS__";

const here = (file) => new URL(file, import.meta.url);
let loaded = false;

/** Resolves once the WebAssembly engine is loaded. */
export const ready = init({ module_or_path: here("__APP_WASM__") }).then(() => {
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
const cssHref = here("__STYLE_CSS__").href;
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
// Where this build is: the site embed.js comes from, where in-app links (an error's page,
// the bucket) open, and the throttling visualizer's files, fetched only if it is shown.
const site = {
  base: here("./").href,
  bucketJs: here("__BUCKET_JS__").href,
  bucketWasm: here("__BUCKET_WASM__").href,
};

/**
 * Renders the explainer (or the verdict alone, the token bucket, or one error's page) into
 * `element`, leaving the rest of the page alone. Options: { error?: string,
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
