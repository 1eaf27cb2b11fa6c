// Accessibility: axe-core (npm) finds no violation on any route, in the light and the dark
// colour scheme, and every control can be reached with the keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { serve, launch, openPage, paste, SUB } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const FINDINGS =
  "$ aws ecr get-login-password --region eu-west-1\nAn error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/ci-bot is not authorized to perform: ecr:GetAuthorizationToken on resource: *\n" +
  "Error response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/latest: TOOMANYREQUESTS: Rate exceeded";

// A docs page with three elements, as an author would write it: content in landmarks.
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Runbook: ECR</title>
<link rel="icon" href="data:,"></head><body><main><h1>Runbook: ECR</h1>
<p>When a push fails, the explanation:</p>
<ecr-explain id="el" compact error="denied: Your authorization token has expired. Reauthenticate and try again"></ecr-explain>
<ecr-explain view="verdict">no basic auth credentials</ecr-explain>
<h2>The error page</h2>
<ecr-explain view="error-page" family="throttling"></ecr-explain>
</main><script type="module" src="${SUB}embed.js"></script></body></html>`;

let server, browser;
before(async () => {
  server = await serve({ "/docs/a11y/": HOST });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Each route: where to go and what to wait for before checking.
const ROUTES = [
  { name: "explainer, empty", url: () => server.base, ready: (p) => p.waitForSelector('[data-verdict="empty"]') },
  {
    name: "explainer with findings",
    url: () => server.base,
    ready: async (p) => {
      await p.waitForSelector("#error-input");
      await paste(p, FINDINGS);
      await p.waitForSelector('[data-finding="throttling"]');
      await p.click(".share summary");
      await p.waitForSelector("#share-link");
    },
  },
  { name: "error index", url: () => server.base + "#errors", ready: (p) => p.waitForSelector(".error-index") },
  { name: "error page", url: () => server.base + "#error/credential-helper-error", ready: (p) => p.waitForSelector(".error-page h1") },
  { name: "unknown error page", url: () => server.base + "#error/no-such-thing", ready: (p) => p.waitForSelector(".error-page h1") },
  { name: "bucket", url: () => server.base + "#bucket", ready: (p) => p.waitForSelector("#token-bucket") },
  {
    name: "iframe mode",
    url: () => server.base + "?embed",
    ready: async (p) => {
      await p.waitForSelector("#error-input");
      await paste(p, FINDINGS);
      await p.waitForSelector('[data-finding="access-denied"]');
    },
  },
  {
    name: "embed demo",
    url: () => server.base + "embed.html",
    ready: async (p) => {
      await p.locator('#mount-target [data-finding="token-expired"]').waitFor();
      await p.locator("#element-demo [data-finding]").first().waitFor();
      await p.waitForFunction(() => document.getElementById("api-output").textContent.length > 0);
    },
  },
  {
    name: "a page with the element",
    url: () => server.origin + "/docs/a11y/",
    ready: async (p) => {
      await p.locator('#el [data-finding="token-expired"]').waitFor();
      await p.locator('.error-page[data-family="throttling"]').waitFor();
    },
  },
];

/** axe's violations on the page, one line each ("rule: selector, selector"). */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  // Frames are checked as routes of their own (iframe mode), not through their parent.
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { iframes: false, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target) + " " + n.failureSummary.replace(/\s+/g, " ")).join(" | ")}`);
  });
  return violations;
}

for (const scheme of ["light", "dark"]) {
  for (const route of ROUTES) {
    test(`axe: ${route.name}, ${scheme}`, async () => {
      // axe comes in as an inline script: the test lifts the page's CSP for it (the CSP itself
      // is tested in element.test.mjs and app.test.mjs).
      const page = await openPage(browser, "about:blank", { bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(route.url());
      await route.ready(page);
      assert.equal(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme), true);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

/**
 * Presses Tab until focus comes back round, and returns the controls (across shadow roots)
 * that were never focused, described for the assertion message.
 */
async function unreachable(page) {
  await page.evaluate(() => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const control = el.matches('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex="0"]');
        if (control && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden") all.push(el);
      }
    };
    walk(document);
    window.controls = all;
    window.reached = new Set();
    document.activeElement?.blur();
  });
  const total = await page.evaluate(() => window.controls.length);
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press("Tab");
    await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      window.reached.add(el);
    });
  }
  return page.evaluate(() =>
    window.controls.filter((c) => !window.reached.has(c)).map((c) => c.outerHTML.slice(0, 120)),
  );
}

test("keyboard: every control of the explainer with findings is reachable with Tab", async () => {
  const page = await openPage(browser, server.base, { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector("#error-input");
  await paste(page, FINDINGS);
  await page.waitForSelector('[data-finding="throttling"]');
  assert.deepEqual(await unreachable(page), []);
});

test("keyboard: every control of the bucket and of a page with the element is reachable", async () => {
  const bucket = await openPage(browser, server.base + "#bucket", { viewport: { width: 1280, height: 900 } });
  await bucket.waitForSelector("#token-bucket");
  assert.deepEqual(await unreachable(bucket), []);
  const host = await openPage(browser, server.origin + "/docs/a11y/", { viewport: { width: 1280, height: 900 } });
  await host.locator('#el [data-finding="token-expired"]').waitFor();
  assert.deepEqual(await unreachable(host), []);
});
