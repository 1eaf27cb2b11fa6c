// Size budget of the built site: prints every dist/ file raw and gzip -9, and fails when
// the gzip total grows past the budget. Run after `trunk build --release`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = new URL("../dist/", import.meta.url).pathname;
// The whole site, gzip -9. A Yew todomvc is about 80 KiB; this one carries the catalogue's
// prose for 60+ error families (~70 KiB gzip of data alone), a regex engine, the token-bucket
// simulation and visualizer, and the JS API. The budget guards against regressions: lower it
// whenever the site shrinks (raised from 288 to 304 when share-link redaction grew to 35 secret
// shapes, facts gained their AWS naming rules and embeds gained the custom element; from 304 to
// 320 for issue 10: six new families, the tolerant tier and its phrases, and the batch, OCI, IaC
// and SDK wordings, measured at +13.2 KiB gzip of wasm).
const BUDGET_GZIP = 320 * 1024;

const files = readdirSync(DIST).filter((f) => statSync(join(DIST, f)).isFile()).sort();
let raw = 0;
let gz = 0;
const kib = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
for (const f of files) {
  const body = readFileSync(join(DIST, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  console.log(`${f.padEnd(48)} ${kib(body.length)} ${kib(z)} gzip`);
}
console.log(`${"total".padEnd(48)} ${kib(raw)} ${kib(gz)} gzip (budget ${kib(BUDGET_GZIP).trim()})`);
if (gz > BUDGET_GZIP) {
  console.error(`size budget exceeded: ${gz} > ${BUDGET_GZIP} bytes gzip`);
  process.exit(1);
}
