// The national quarter end to end in wasm under Node: the ledger read from JSON Lines (every
// entry's hash verified), the quarter evaluated and the evaluation handed back as JSON — what a
// portal's JavaScript does with `Ledger.fromJsonl` and `Reporting.evaluateJson`.
//
//     node benches/js/quarter.mjs DIR LEDGER.jsonl [RUNS]
//
// DIR is a data set written by `target/release/national` (catalogue.json, org.json,
// assignments.json); the ledger by `target/release/quarter DIR 1 --jsonl FILE`. Reading the
// files is not timed. Prints the medians as one JSON line, with the sum of the units' scores
// (exact: the published scores have at most 4 decimals) so the caller can check that every side
// agrees, and the process's peak resident memory.
//
// V8 limits a string to about 512 MB and wasm32 memory to 4 GB: a ledger written as one import
// batch takes about 187 bytes an observation, so the 0.5x set (1.28 M, 238 MB) goes in this way
// and the 1x set (about 478 MB) does not (the caller skips the sizes that would not fit).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chiso from '../../bindings-wasm/pkg/node/chiso_wasm.js';

const [dir, ledgerFile, runsArg] = process.argv.slice(2);
if (!dir || !ledgerFile) {
  console.error('usage: node benches/js/quarter.mjs DIR LEDGER.jsonl [RUNS]');
  process.exit(2);
}
const runs = Math.max(1, Number(runsArg ?? 1));
const read = (name) => readFileSync(join(dir, name), 'utf8');
const catalogue = chiso.Catalogue.fromJson(read('catalogue.json'));
const reporting = new chiso.Reporting(catalogue, read('org.json'), read('assignments.json'));
const text = readFileSync(ledgerFile, 'utf8');

/** The exact sum of decimal strings with at most 4 decimals, as a decimal string. */
function sumScores(scores) {
  let total = 0n;
  for (const s of scores) {
    const [whole, fraction = ''] = s.split('.');
    const sign = whole.startsWith('-') ? -1n : 1n;
    total += BigInt(whole) * 10000n + sign * BigInt(fraction.padEnd(4, '0'));
  }
  const digits = total.toString().padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const imports = [];
const evaluations = [];
let units = 0;
let scoreSum = '';
for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  const ledger = chiso.Ledger.fromJsonl(text);
  const read_ = performance.now();
  const json = reporting.evaluateJson(ledger, '2026-Q3', '2026-10-15T00:00:00');
  const done = performance.now();
  ledger.free();
  imports.push((read_ - start) / 1000);
  evaluations.push((done - read_) / 1000);
  const evaluation = JSON.parse(json);
  units = evaluation.units.length;
  scoreSum = sumScores(evaluation.units.filter((u) => u.score != null).map((u) => u.score));
}
const [imported, evaluated] = [median(imports), median(evaluations)];
console.log(JSON.stringify({
  units,
  score_sum: scoreSum,
  import_seconds: Number(imported.toFixed(4)),
  evaluate_seconds: Number(evaluated.toFixed(4)),
  seconds: Number((imported + evaluated).toFixed(4)),
  peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
}));
