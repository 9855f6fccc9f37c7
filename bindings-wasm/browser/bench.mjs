// Headless-Chromium benchmark of the per-keystroke field check: `nq57.checkField(item, text)`
// timed in the page (examples/web/bench.html) over a mix of typed inputs, against the goal of
// 50 µs a call; and the same through `checkFieldJson` + `JSON.parse` for comparison. Same
// server and launch as form.mjs.
import { launchChromium, serveRoot } from './harness.mjs';

const server = await serveRoot();
const url = `${server.origin}/examples/web/bench.html`;

const GOAL_US = 50;
const CALLS = 20_000;
const RUNS = 5;
// What officials type: valid Vietnamese and English numbers, a percent with its sign, a stray
// letter, an ambiguous thousands dot, a fraction in a count, and an empty field.
const INPUTS = [
  ['giai_ngan_khcn_cds', '12,5'],
  ['giai_ngan_khcn_cds', '1.234,5'],
  ['A05', '87 %'],
  ['tram_5g_moi', '12a'],
  ['giai_ngan_khcn_cds', '1.234'],
  ['tram_5g_moi', '2,5'],
  ['sandbox_van_hanh', ''],
];

const browser = await launchChromium();
const { context } = browser;
let failed = false;
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  if (await page.getAttribute('body', 'data-ready') !== 'true') throw new Error(await page.textContent('#status'));

  const result = await page.evaluate(({ inputs, calls, runs }) => {
    const { nq57 } = window.chiso;
    const variants = {
      checkField: (item, text) => nq57.checkField(item, text),
      'checkFieldJson + JSON.parse': (item, text) => JSON.parse(nq57.checkFieldJson(item, text)),
    };
    const out = {};
    // Every input gives the same answer both ways (and the expected verdict).
    const verdicts = inputs.map(([item, text]) => {
      const a = variants.checkField(item, text);
      const b = variants['checkFieldJson + JSON.parse'](item, text);
      return { item, text, valid: a.valid, code: a.findings[0]?.code ?? null, same: JSON.stringify(a) === JSON.stringify(b) };
    });
    for (const [name, run] of Object.entries(variants)) {
      let sink = 0;
      for (let i = 0; i < 2_000; i += 1) sink += run(...inputs[i % inputs.length]).findings.length; // warm-up
      const times = [];
      for (let r = 0; r < runs; r += 1) {
        const start = performance.now();
        for (let i = 0; i < calls; i += 1) sink += run(...inputs[i % inputs.length]).findings.length;
        times.push(((performance.now() - start) * 1000) / calls);
      }
      times.sort((x, y) => x - y);
      out[name] = { median: times[Math.floor(runs / 2)], min: times[0], max: times[runs - 1], sink };
    }
    return { out, verdicts };
  }, { inputs: INPUTS, calls: CALLS, runs: RUNS });

  console.log(`inputs: ${result.verdicts.map((v) => `${v.item}:${JSON.stringify(v.text)}→${v.valid ? 'valid' : v.code}`).join(', ')}`);
  const mismatched = result.verdicts.filter((v) => !v.same);
  if (mismatched.length) {
    console.log(`FAIL checkField and checkFieldJson disagree on ${mismatched.map((v) => v.text).join(', ')}`);
    failed = true;
  }
  for (const [name, r] of Object.entries(result.out)) {
    console.log(`${name.padEnd(28)} ${r.median.toFixed(2).padStart(7)} µs/call (median of ${RUNS} × ${CALLS.toLocaleString('en')} calls; min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`);
  }
  const main = result.out.checkField.median;
  const ok = main <= GOAL_US;
  console.log(`${ok ? 'ok  ' : 'FAIL'} checkField ${main.toFixed(2)} µs/call, goal ≤ ${GOAL_US} µs`);
  failed ||= !ok;
  if (errors.length) {
    console.log(`FAIL page errors: ${errors.join('; ')}`);
    failed = true;
  }
} catch (error) {
  console.log(`FAIL bench stopped: ${error.stack ?? error}`);
  failed = true;
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
