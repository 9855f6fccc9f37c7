// Headless-Chromium smoke test: serve the package on 127.0.0.1, open smoke.html, and check that
// the wasm module loaded and answered in the page. Uses the system Chromium (Debian package).
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/browser/smoke.html`;

const profile = await mkdtemp(join(tmpdir(), 'chiso-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
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
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
