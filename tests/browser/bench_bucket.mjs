// Benchmark, not a test: script time per animation frame of the bucket visualizer while a
// 300-client fan-out with full jitter plays. Script time is Chromium's ScriptDuration
// (all JS and wasm on the main thread, Yew's rendering included) over ~3 s, divided by the
// frames a requestAnimationFrame counter saw in that time.
// Run after `trunk build --release`: node tests/browser/bench_bucket.mjs [seconds]
import { serve, launch, openPage } from "./harness.mjs";

const seconds = Number(process.argv[2] || 3);
const server = await serve();
const browser = await launch();
try {
  const page = await openPage(browser, `${server.base}#bucket?fanout=300&policy=full-jitter&speed=1`, {
    viewport: { width: 1280, height: 1000 },
  });
  await page.waitForSelector("#token-bucket");
  await page.waitForTimeout(300); // past start-up: mount, first layout
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const script = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration").value;

  const before = await script();
  const frames = await page.evaluate(
    (ms) =>
      new Promise((done) => {
        let n = 0;
        const t0 = performance.now();
        const tick = (t) => {
          n += 1;
          if (t - t0 < ms) requestAnimationFrame(tick);
          else done(n);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const after = await script();
  const state = await page.$eval("#token-bucket", (el) => ({ ...el.dataset }));
  const perFrame = ((after - before) * 1000) / frames;
  console.log(`bucket: ${perFrame.toFixed(2)} ms script per frame over ${frames} frames`);
  console.log(`  (state at the end: ${JSON.stringify(state)})`);
  if (page.errors.length) console.log("  page errors:", page.errors);
} finally {
  await browser.close();
  await server.close();
}
