// The <ecr-explain> custom element that embed.js registers, on pages of "someone's docs"
// (served at another path of the same site): two on a page, attribute and text changes,
// removal, a host stylesheet that tries to undo everything, and a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, ARTIFACTS, SUB } from "./harness.mjs";

// Invented wordings of errors the catalogue knows.
const TOKEN = "denied: Your authorization token has expired. Reauthenticate and try again";
const NO_AUTH = "no basic auth credentials";
const REPO =
  "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'team/web' does not exist in the registry with id '123456789012'";

// Only 'self' scripts (and WebAssembly compilation), only 'self' styles: no inline anything.
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
const esc = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const page = (title, body, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${title}</title><link rel="icon" href="data:,">${head}</head>
<body><main><h1>${title}</h1>${body}</main>
<script type="module" src="/docs/host.js"></script>
<script type="module" src="${SUB}embed.js"></script></body></html>`;

// The host page's own script records CSP violations (it is a file: inline script is refused).
const HOST_JS = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective + " " + e.blockedURI));`;

const PAGES = {
  "/docs/host.js": { type: "text/javascript", body: HOST_JS },
  "/docs/two/": page(
    "Two elements",
    `<ecr-explain id="one" view="verdict" error="${esc(TOKEN)}"></ecr-explain>
<ecr-explain id="two" view="verdict">${esc(NO_AUTH)}</ecr-explain>
<div class="ecr-explain" id="decoy"><pre class="command">not ours</pre></div>`,
  ),
  "/docs/hostile/": page(
    "Hostile styles",
    `<ecr-explain id="el" view="verdict" error="${esc(REPO)}"></ecr-explain>`,
    `<link rel="stylesheet" href="/docs/hostile.css">`,
  ),
  "/docs/hostile.css": {
    type: "text/css",
    body: "* { all: unset !important; } pre { display: none !important; } code { display: none; } ecr-explain { color: red; font-size: 3px; }",
  },
  "/docs/no-wasm/": page("No WebAssembly", `<ecr-explain id="el" view="verdict">${esc(NO_AUTH)}</ecr-explain>`).replace(" 'wasm-unsafe-eval'", ""),
  "/docs/views/": page(
    "Views",
    `<ecr-explain id="page" view="error-page" family="token-expired"></ecr-explain>
<ecr-explain id="bucket" view="bucket"></ecr-explain>
<ecr-explain id="box" compact error="${esc(TOKEN)}"></ecr-explain>`,
  ),
};

let server, browser;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(PAGES);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const p = await openPage(browser, server.origin + path);
  await p.waitForFunction(() => customElements.get("ecr-explain") !== undefined);
  return p;
}

function noErrors(p) {
  assert.deepEqual(p.errors, []);
}

test("two elements on one page each explain their own error, from an attribute and from text", async () => {
  const p = await open("/docs/two/");
  // Playwright's CSS locators pierce open shadow roots.
  await p.locator('#one [data-finding="token-expired"]').waitFor();
  await p.locator('#two [data-finding="no-basic-auth-credentials"]').waitFor();
  assert.equal(await p.locator('#one [data-finding="no-basic-auth-credentials"]').count(), 0);
  assert.equal(await p.locator('#two [data-finding="token-expired"]').count(), 0);
  // The verdict view has no paste box; each element has its own shadow root.
  assert.equal(await p.locator("#one #error-input").count(), 0);
  assert.equal(await p.evaluate(() => document.getElementById("one").shadowRoot.mode), "open");
  // The element's text stays in the light DOM, unrendered (no slot).
  assert.equal(await p.evaluate(() => document.getElementById("two").textContent), NO_AUTH);
  // Our styles stay in the shadow roots: the host's own ".ecr-explain pre.command" is unstyled.
  assert.equal(await p.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]').length), 0);
  assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector("#decoy pre")).backgroundColor), "rgba(0, 0, 0, 0)");
  // ... and they do apply inside.
  const radius = await p.locator("#one .verdict").evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(radius, "10px");
  noErrors(p);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
});

test("changing an attribute or the text re-renders; removal cleans up; re-adding renders again", async () => {
  const p = await open("/docs/two/");
  await p.locator('#one [data-finding="token-expired"]').waitFor();
  await p.evaluate((t) => document.getElementById("one").setAttribute("error", t), REPO);
  await p.locator('#one [data-finding="repository-not-found"]').waitFor();
  assert.equal(await p.locator('#one [data-finding="token-expired"]').count(), 0);
  assert.equal(await p.locator('#one [data-field="repository"] dd').textContent(), "team/web");
  // Several attributes changed in one go: one render, with all of them.
  await p.evaluate(() => {
    const el = document.getElementById("one");
    el.setAttribute("view", "error-page");
    el.setAttribute("family", "image-not-found");
  });
  await p.locator('#one .error-page[data-family="image-not-found"]').waitFor();
  assert.equal(await p.locator("#one .embedded").count(), 1);
  // Text content, when there is no error attribute.
  await p.evaluate((t) => (document.getElementById("two").textContent = t), TOKEN);
  await p.locator('#two [data-finding="token-expired"]').waitFor();
  assert.equal(await p.locator('#two [data-finding="no-basic-auth-credentials"]').count(), 0);
  // Removal: the app is torn down, nothing is left in the shadow root but the stylesheet.
  const left = await p.evaluate(() => {
    const el = document.getElementById("two");
    window.removed = el;
    el.remove();
    return [...el.shadowRoot.children].map((c) => c.tagName);
  });
  assert.deepEqual(left, ["LINK"]);
  assert.equal(await p.locator("#two").count(), 0);
  // Put back, it renders again.
  await p.evaluate(() => document.querySelector("main").append(window.removed));
  await p.locator('#two [data-finding="token-expired"]').waitFor();
  // Removed while the change was still pending: nothing renders into the detached element.
  const late = await p.evaluate(async () => {
    const el = document.getElementById("one");
    el.setAttribute("view", "verdict");
    el.remove();
    await new Promise((r) => setTimeout(r, 200));
    return el.shadowRoot.querySelectorAll(".embedded").length;
  });
  assert.equal(late, 0);
  noErrors(p);
});

test("a host stylesheet that unsets everything does not reach the verdict or the commands", async () => {
  const p = await open("/docs/hostile/");
  const card = p.locator('#el [data-finding="repository-not-found"]');
  await card.waitFor();
  assert.ok(await p.locator("#el .verdict h2").isVisible(), "verdict visible");
  const command = card.locator("pre.command").first();
  assert.ok(await command.isVisible(), "command visible");
  assert.match(await command.textContent(), /^aws ecr .*team\/web/, "the first fix, with the repository filled in");
  const style = await command.evaluate((el) => {
    const s = getComputedStyle(el);
    return { display: s.display, font: s.fontFamily, size: parseFloat(s.fontSize), white: s.whiteSpace };
  });
  assert.equal(style.display, "block");
  assert.match(style.font, /monospace/);
  assert.ok(style.size > 10, `font-size ${style.size}`);
  assert.equal(style.white, "pre");
  await p.screenshot({ path: join(ARTIFACTS, "element-hostile.png"), fullPage: true });
  noErrors(p);
});

test("the views: an error page, the bucket and the compact explainer; links open the full explainer", async () => {
  const p = await open("/docs/views/");
  await p.locator('#page .error-page[data-family="token-expired"] h1').waitFor();
  // Prose: backtick runs of the catalogue text show as <code>, without the backticks.
  const family = await p.evaluate(async (sub) => {
    const { ready, families } = await import(sub + "embed.js");
    await ready;
    return families().find((f) => /`[^`]+`/.test(f.explanation));
  }, SUB);
  assert.ok(family, "a family whose explanation has inline code");
  await p.evaluate((id) => document.getElementById("page").setAttribute("family", id), family.id);
  const meaning = p.locator(`#page .error-page[data-family="${family.id}"] h2 + p`).first();
  await meaning.waitFor();
  const runs = [...family.explanation.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  assert.deepEqual(await meaning.locator("code").allTextContents(), runs);
  assert.ok(!(await meaning.textContent()).includes("`"), "no raw backticks");
  await p.locator("#bucket #token-bucket").waitFor();
  await p.locator('#box [data-finding="token-expired"]').waitFor();
  // The compact explainer: a paste box of its own, no examples, and it answers typing.
  assert.equal(await p.locator("#box .examples").count(), 0);
  await p.locator("#box #error-input").fill(NO_AUTH);
  await p.locator('#box [data-finding="no-basic-auth-credentials"]').waitFor();
  // A link to the error's page opens the site in a new tab; the host page's URL stays.
  const [tab] = await Promise.all([
    p.context().waitForEvent("page"),
    p.locator('#box [data-finding="no-basic-auth-credentials"] a.id').click(),
  ]);
  await tab.waitForURL(/#error\/no-basic-auth-credentials$/);
  assert.ok(tab.url().startsWith(server.base), tab.url());
  await tab.locator('.error-page[data-family="no-basic-auth-credentials"]').waitFor();
  assert.equal(await p.evaluate(() => location.hash), "");
  noErrors(p);
  assert.deepEqual(await p.evaluate(() => window.violations), []);
  await p.screenshot({ path: join(ARTIFACTS, "element-views.png"), fullPage: true });
});

test("mount() still works, with the new views", async () => {
  const p = await open("/docs/views/");
  const reportId = await p.evaluate(
    async ([sub, text]) => {
      const { ready, mount, explain } = await import(sub + "embed.js");
      await ready;
      const target = document.createElement("div");
      target.id = "mounted";
      document.querySelector("main").append(target);
      window.handle = await mount(target, { view: "verdict", error: text });
      return explain(text).findings[0].id;
    },
    [SUB, NO_AUTH],
  );
  assert.equal(reportId, "no-basic-auth-credentials");
  await p.locator('#mounted [data-finding="no-basic-auth-credentials"]').waitFor();
  assert.equal(await p.locator("#mounted #error-input").count(), 0, "the verdict view has no box");
  await p.evaluate(() => window.handle.unmount());
  assert.equal(await p.locator("#mounted [data-finding]").count(), 0);
  noErrors(p);
});

test("where the page's CSP forbids WebAssembly, the element says it could not load", async () => {
  const p = await openPage(browser, server.origin + "/docs/no-wasm/");
  await p.waitForFunction(() => /could not load/.test(document.getElementById("el").shadowRoot?.textContent ?? ""));
  assert.equal(await p.locator("#el [data-finding]").count(), 0);
});
