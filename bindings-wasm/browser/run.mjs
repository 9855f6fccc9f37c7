// Headless-Chromium smoke test: serve the package on 127.0.0.1, open smoke.html, and check that
// the wasm module loaded and answered in the page. Uses the system Chromium (Debian package).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveRoot } from './harness.mjs';

const server = await serveRoot();
const url = `${server.origin}/bindings-wasm/browser/smoke.html`;
const browser = await launchChromium();
const { context } = browser;
let failed = false;
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('#status:not([data-state="loading"])', { timeout: 30_000 });
  const state = await page.getAttribute('#status', 'data-state');
  const status = await page.textContent('#status');
  const layers = await page.$$eval('#layers li', (items) => items.map((li) => li.textContent));
  const error = await page.textContent('#error');
  const checks = [
    [state === 'done', `page state is ${state}: ${status}`],
    [/^\d+ chỉ số; A07: /.test(status), `status reads "${status}"`],
    [layers.length === 3, `three layers listed: ${JSON.stringify(layers)}`],
    [error === 'json.invalid_type true:catalogue.unknown_code', `errors reach the page typed: "${error}"`],
    [errors.length === 0, `no page errors: ${errors.join('; ')}`],
  ];
  for (const [ok, what] of checks) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    failed ||= !ok;
  }
  await page.screenshot({ path: join(tmpdir(), 'chiso-smoke.png') });
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
