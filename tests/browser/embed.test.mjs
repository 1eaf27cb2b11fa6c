// Embedding: the demo page (iframe, mount, explain), the postMessage bridge, share links with
// redaction, and offline use through the service worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, paste, ARTIFACTS, SUB, DIST } from "./harness.mjs";

// A page of someone else's docs, at another path of the same site, with an #app of its own.
const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Runbook</title><link rel="icon" href="data:,">
<style>body { font-family: serif; color: rgb(1, 2, 3); } h1 { font-size: 40px; }</style></head>
<body><h1>Runbook</h1><div id="app">host content</div><div id="target"></div>
<script type="module" src="/docs/runbook/host.js"></script></body></html>`;
const HOST_JS = `import { ready, explain, mount } from "${SUB}embed.js";
await ready;
window.report = explain("An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 2): Rate exceeded");
window.handle = await mount(document.getElementById("target"), { error: "no basic auth credentials", compact: true });
window.mounted = true;`;

// Files the "new build" test swaps in while the server runs.
const overrides = {
  "/docs/runbook/": HOST_PAGE,
  "/docs/runbook/host.js": { type: "text/javascript", body: HOST_JS },
};

let server, browser;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(overrides);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the demo page answers through the iframe, mount() and explain()", async () => {
  const page = await openPage(browser, server.base + "embed.html");
  const frame = page.frameLocator("#demo-frame");
  // The frame reports its height and the parent fits it.
  await page.waitForFunction(() => parseInt(getComputedStyle(document.getElementById("demo-frame")).height) !== 420);
  // mount(): the explainer inside the page's element.
  await page.locator('#mount-target [data-finding="token-expired"]').waitFor();
  // explain(): plain objects.
  await page.waitForFunction(() => document.getElementById("api-output").textContent.includes("throttling"));
  const out = JSON.parse(await page.textContent("#api-output"));
  assert.equal(out.findings[0].id, "throttling");
  assert.equal(out.findings[0].fields.operation, "GetAuthorizationToken");
  // The iframe: an error sent by postMessage is explained.
  await page.click("#send-to-frame");
  await frame.locator('[data-finding="no-basic-auth-credentials"]').waitFor();
  assert.equal(await frame.locator(".site-header").count(), 0, "no site chrome in embed mode");
  assert.match(await frame.locator(".embed-bar a").getAttribute("href"), /^\.\/#(text|z)=/);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: join(ARTIFACTS, "embed-demo.png"), fullPage: true });
});

/** The members of each `export interface` in a .d.ts text (one level deep). */
function interfaces(dts) {
  const out = {};
  for (const m of dts.matchAll(/export interface (\w+)(?: extends [^{]+)? \{([\s\S]*?)\n\}/g)) {
    out[m[1]] = [...m[2].matchAll(/^ {2}(\w+)\??[:(]/gm)].map((x) => x[1]).sort();
  }
  return out;
}

test("embed.js is what embed.d.ts says: its exports, and the shape of what they return", async () => {
  const dts = readFileSync(join(DIST, "embed.d.ts"), "utf8");
  const declared = [...dts.matchAll(/^export (?:declare )?(?:function|const|class) (\w+)/gm)].map((m) => m[1]).sort();
  const types = interfaces(dts);
  const page = await openPage(browser, server.base + "embed.html");
  const got = await page.evaluate(async () => {
    const api = await import(new URL("embed.js", document.baseURI).href);
    await api.ready;
    const report = api.explain(
      "denied: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/app",
    );
    const host = document.createElement("div");
    document.body.append(host);
    const mounted = await api.mount(host, { error: "no basic auth credentials" });
    const shape = {
      exports: Object.keys(api).sort(),
      Report: Object.keys(report).sort(),
      Finding: Object.keys(report.findings[0]).sort(),
      Span: Object.keys(report.findings[0].span).sort(),
      Remedy: Object.keys(report.findings[0].remedies[0]).sort(),
      Mark: Object.keys(report.findings[0].marks[0]).sort(),
      FamilyDoc: Object.keys(api.families()[0]).sort(),
      Candidate: Object.keys(api.explain("nothing to see").candidates[0] ?? {}).sort(),
      Mounted: typeof mounted.unmount,
    };
    mounted.unmount();
    return shape;
  });
  assert.deepEqual(got.exports, declared, "exports of embed.js vs embed.d.ts");
  for (const name of ["Report", "Finding", "Span", "Remedy", "Mark", "FamilyDoc"]) {
    assert.deepEqual(got[name], types[name], `${name}: the API's keys vs embed.d.ts`);
  }
  if (got.Candidate.length) assert.deepEqual(got.Candidate, types.Candidate, "Candidate");
  assert.deepEqual(types.Withheld, ["field", "reason", "value"]);
  assert.equal(got.Mounted, "function");
  assert.deepEqual(page.errors, []);
});

test("the iframe ignores malformed messages and renders a well-formed one", async () => {
  const page = await openPage(browser, server.base + "embed.html");
  const frame = page.frameLocator("#demo-frame");
  await frame.locator("#error-input").waitFor();
  await page.evaluate(() => {
    const w = document.getElementById("demo-frame").contentWindow;
    for (const junk of ["junk", 42, null, [1, 2], { type: "other", text: "no basic auth credentials" }, { type: "ecr-explain:explain", text: 7 }, { type: "ecr-explain:explain" }]) {
      w.postMessage(junk, "*");
    }
  });
  await page.waitForTimeout(400);
  assert.equal(await frame.locator("[data-finding]").count(), 0);
  assert.equal(await frame.locator('[data-verdict="empty"]').count(), 1);
  await page.evaluate(() =>
    document.getElementById("demo-frame").contentWindow.postMessage({ type: "ecr-explain:explain", text: "denied: Your authorization token has expired. Reauthenticate and try again" }, "*"),
  );
  await frame.locator('[data-finding="token-expired"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test("embed.js works from another path of the site and leaves the host page alone", async () => {
  const page = await openPage(browser, server.origin + "/docs/runbook/");
  await page.waitForFunction(() => window.mounted === true);
  const report = await page.evaluate(() => window.report);
  assert.equal(report.findings[0].id, "throttling");
  assert.equal(typeof report.fields, "object");
  assert.equal(report.findings[0].http_status, 429);
  await page.locator('#target [data-finding="no-basic-auth-credentials"]').waitFor();
  // The host's own #app, styles and URL are untouched.
  assert.equal(await page.textContent("#app"), "host content");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily), "serif");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(1, 2, 3)");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("h1")).fontSize), "40px");
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "mount() does not steal focus");
  // Unmount removes it.
  await page.evaluate(() => window.handle.unmount());
  assert.equal(await page.locator("#target [data-finding]").count(), 0);
  assert.deepEqual(page.errors, []);
});

const SECRET_TEXT =
  "User: arn:aws:sts::123456789012:assumed-role/deployer/jane.doe is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-1:210987654321:repository/shop/api\n" +
  "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE docker pull 210987654321.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1";

test("a share link keeps the error in the fragment, redacted, and restores the verdict", async () => {
  const page = await openPage(browser, server.base);
  await page.waitForSelector("#error-input");
  await paste(page, SECRET_TEXT);
  await page.locator('[data-finding="access-denied"]').waitFor();
  await page.click(".share summary");
  assert.equal(await page.isChecked("#share-redact"), true, "redaction is on by default");
  const preview = await page.textContent("#share-preview");
  const link = await page.inputValue("#share-link");
  const url = new URL(link);
  assert.equal(url.search, "", "nothing in the query string");
  const fragment = decodeURIComponent(url.hash);
  for (const secret of ["123456789012", "210987654321", "AKIAIOSFODNN7EXAMPLE", "jane.doe"]) {
    assert.ok(!preview.includes(secret), `${secret} shown as shared`);
    assert.ok(!fragment.includes(secret), `${secret} in the link`);
  }
  assert.ok(!/\b\d{12}\b/.test(preview.replace(/111122223333|444455556666/g, "")), preview);
  // Open the link in a fresh tab: the verdict comes back, from the redacted text.
  const other = await openPage(browser, link);
  await other.locator('[data-finding="access-denied"]').waitFor();
  assert.equal(await other.inputValue("#error-input"), preview);
  assert.equal((await other.locator('[data-finding="access-denied"] [data-field="account_id"] dd').textContent()).trim(), "111122223333");
  // Unredacted, the link carries the original.
  await page.uncheck("#share-redact");
  const plain = await page.inputValue("#share-link");
  const back = await openPage(browser, plain);
  await back.locator('[data-finding="access-denied"]').waitFor();
  assert.equal(await back.inputValue("#error-input"), SECRET_TEXT);
});

test("long share links are compressed and still round-trip", async () => {
  const page = await openPage(browser, server.base);
  await page.waitForSelector("#error-input");
  const text = "#12 [build 3/7] RUN make -j4 all ... ok (523 ms)\n".repeat(300) + "no basic auth credentials\n";
  await paste(page, text);
  await page.locator('[data-finding="no-basic-auth-credentials"]').waitFor();
  await page.click(".share summary");
  const link = await page.inputValue("#share-link");
  assert.match(new URL(link).hash, /^#z=/);
  assert.ok(link.length < text.length / 4, `${link.length} vs ${text.length}`);
  const other = await openPage(browser, link);
  await other.locator('[data-finding="no-basic-auth-credentials"]').waitFor();
  assert.equal(await other.inputValue("#error-input"), text);
});

/** Opens the explainer and waits until its service worker controls the page. */
async function openControlled(page) {
  await page.goto(server.base);
  await page.waitForSelector("#error-input");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
}

test("after the first visit the site works offline", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openControlled(page);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#error-input");
  await paste(page, "denied: Your authorization token has expired. Reauthenticate and try again");
  await page.locator('[data-finding="token-expired"]').waitFor();
  await page.goto(server.base + "#errors");
  await page.waitForSelector(".error-index");
  // The visualizer's own wasm, never loaded online here, comes from the cache too.
  await page.goto(server.base + "#bucket");
  await page.locator("#token-bucket").waitFor();
  await context.close();
});

test("a new build replaces the cached one", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openControlled(page);
  // Deploy "build 2": a different page title and a service worker of another version.
  const html = readFileSync(join(DIST, "index.html"), "utf8").replace("<title>", "<title>Build 2 · ");
  const sw = readFileSync(join(DIST, "sw.js"), "utf8").replace(/ecr-explain-[0-9a-f]+/, "ecr-explain-build2");
  overrides[SUB] = html;
  overrides[SUB + "index.html"] = html;
  overrides[SUB + "sw.js"] = { type: "text/javascript", body: sw };
  try {
    await page.reload();
    assert.match(await page.title(), /^Build 2/, "online, the new page shows at once");
    // The new worker installs, caches build 2 and drops the old build's cache.
    await page.waitForFunction(
      async () => {
        const keys = await caches.keys();
        if (keys.length !== 1 || keys[0] !== "ecr-explain-build2") return false;
        const page = await (await caches.open("ecr-explain-build2")).match("./");
        return !!page && (await page.text()).includes("<title>Build 2");
      },
      null,
      { timeout: 20000, polling: 200 },
    );
  } finally {
    delete overrides[SUB];
    delete overrides[SUB + "index.html"];
    delete overrides[SUB + "sw.js"];
    await context.close();
  }
});
