// The token-bucket visualizer: a 250-call burst from a full 200-credit bucket leaves ~0
// credits, 200 accepted and ~50 throttled, read from the live data-* attributes.
// Needs a release build in dist/ (trunk build --release).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, openPage, ARTIFACTS } from "./harness.mjs";

/** The live state the page publishes on #token-bucket. */
async function readState(page) {
  return page.$eval("#token-bucket", (el) => ({
    credits: Number(el.dataset.credits),
    accepted: Number(el.dataset.accepted),
    throttled: Number(el.dataset.throttled),
    time: Number(el.dataset.time),
    state: el.dataset.state,
  }));
}

test("a burst of 250 drains the bucket: 200 accepted, ~50 throttled", async (t) => {
  const server = await serve();
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await openPage(browser, `${server.base}#bucket?burst=250&rate=0&policy=none`, {
    viewport: { width: 1280, height: 1000 },
  });
  await page.waitForSelector("#token-bucket");

  let s;
  const deadline = Date.now() + 15_000;
  for (;;) {
    s = await readState(page);
    if (s.accepted + s.throttled >= 250) break;
    assert.ok(Date.now() < deadline, `burst not processed in time: ${JSON.stringify(s)}`);
    await page.waitForTimeout(50);
  }

  // Refill adds 20 credits per simulated second after the burst emptied the bucket.
  assert.ok(Number.isFinite(s.credits) && s.credits >= 0, `credits ${s.credits}`);
  assert.ok(s.credits <= 20 * s.time + 1, `credits ${s.credits} after ${s.time} s`);
  assert.ok(s.accepted >= 200 && s.accepted <= 250, `accepted ${s.accepted}`);
  assert.ok(s.throttled >= 40 && s.throttled <= 50, `throttled ${s.throttled}`);
  assert.equal(s.accepted + s.throttled, 250, "no retries with policy=none");

  // The picture and the counters agree with the attributes.
  const label = await page.textContent(".bk-level-label");
  assert.match(label, /^\d+ \/ 200$/);
  assert.equal(await page.locator(".bucket-timeline").count(), 1);

  // Let a few frames of refill and dots play out, for the screenshot.
  await page.waitForTimeout(700);
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "bucket.png"), fullPage: true });

  assert.deepEqual(page.errors, [], "no page errors");
  const outside = page.requested.filter((u) => !u.startsWith(server.base));
  assert.deepEqual(outside, [], "no request outside the sub-path");
});

test("settings become the link, and Step advances a paused simulation", async (t) => {
  const server = await serve();
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await openPage(browser, `${server.base}#bucket`);
  await page.waitForSelector("#token-bucket");
  const entries = await page.evaluate(() => history.length);
  await page.selectOption("#bk-policy", "full-jitter");
  await page.fill("#bk-fanout", "300");
  await page.press("#bk-fanout", "Enter"); // commits the number input (change event)
  await page.waitForFunction(() => location.hash.includes("fanout=300"));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#bucket\?burst=0&fanout=300&rate=0&capacity=200&refill=20&policy=full-jitter&/);
  // replace(), not a new entry per setting.
  assert.equal(await page.evaluate(() => history.length), entries);

  await page.click("text=Pause");
  const before = await readState(page);
  assert.equal(before.state, "paused");
  await page.click("text=Step +0.1 s");
  await page.waitForFunction((t0) => Number(document.getElementById("token-bucket").dataset.time) > t0, before.time);
  const after = await readState(page);
  assert.ok(Math.abs(after.time - before.time - 0.1) < 1e-6, `${before.time} -> ${after.time}`);

  // A throttling finding links to a prepared scenario.
  await page.goto(`${server.base}#text=${encodeURIComponent(
    "An error occurred (ThrottlingException) when calling the GetAuthorizationToken operation (reached max retries: 2): Rate exceeded",
  )}`);
  const link = page.locator('[data-finding="throttling"] .bucket-link a');
  await link.waitFor();
  assert.match(await link.getAttribute("href"), /^#bucket\?burst=0&fanout=300&rate=0&capacity=200&refill=20&policy=full-jitter&/);
  await link.click();
  await page.waitForSelector("#token-bucket");
  assert.match(await page.inputValue("#bk-fanout"), /^300$/);

  assert.deepEqual(page.errors, [], "no page errors");
  assert.deepEqual(page.requested.filter((u) => !u.startsWith(server.base)), []);
});
