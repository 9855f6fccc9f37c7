// Evaluation through the wasm binding under Node: the golden vectors byte for byte, and the
// main job on the bundled sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import chiso from '../pkg/node/chiso_wasm.js';

const root = new URL('../../testdata/vectors/', import.meta.url).pathname;
const nq57 = chiso.Catalogue.nq57();
const cases = JSON.parse(readFileSync(join(root, 'evaluation', 'cases.json'), 'utf8'));
const calls = {
  score: (r) => chiso.scoreJson(nq57, r),
  combine: chiso.combineJson,
  rank: chiso.rankJson,
  progress: chiso.progressJson,
};

test('there are evaluation cases', () => {
  assert.ok(cases.length >= 30);
});

for (const c of cases) {
  test(`evaluation/${c.name}`, () => {
    assert.equal(calls[c.call](JSON.stringify(c.input)), c.output);
  });
}

const pipelineDir = join(root, 'evaluation-pipeline');
const pipeline = readdirSync(pipelineDir).filter((n) => statSync(join(pipelineDir, n)).isDirectory()).sort();

for (const name of pipeline) {
  test(`evaluation-pipeline/${name}`, () => {
    const input = JSON.parse(readFileSync(join(pipelineDir, name, 'input.json'), 'utf8'));
    const reporting = new chiso.Reporting(
      nq57,
      JSON.stringify(input.org),
      JSON.stringify(input.assignments),
      JSON.stringify(input.calendar),
    );
    const ledger = new chiso.Ledger();
    for (const action of input.actions) ledger.appendJson(JSON.stringify(action));
    const output = reporting.evaluateJson(ledger, input.period, input.as_of, JSON.stringify(input.scheme));
    assert.equal(output, readFileSync(join(pipelineDir, name, 'output.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(pipelineDir, name, 'expected.json'), 'utf8'));
    const e = JSON.parse(output);
    assert.deepEqual(Object.fromEntries(e.units.map((u) => [u.unit, u.score])), expected.scores);
    assert.deepEqual(e.rankings[0].rows.map((r) => [r.unit, r.rank, r.movement]), expected.ranking);
  });
}

test('the main job on the bundled sample', () => {
  const sample = new URL('../../examples/data/sample/', import.meta.url).pathname;
  const read = (f) => readFileSync(join(sample, f), 'utf8');
  const reporting = new chiso.Reporting(nq57, read('org.json'), read('assignments.json'), read('calendar.json'));
  const ledger = chiso.Ledger.fromJsonl(read('ledger.jsonl'));
  const json = reporting.evaluateJson(ledger, '2026-Q3', '2026-10-15T00:00:00');
  const e = JSON.parse(json);
  assert.deepEqual(e.rankings.map((g) => [g.peer_group, g.rows.length]), [['bo_nganh', 17], ['tinh_thanh', 34]]);
  // Competition ranks: 1 + the number of units strictly ahead.
  for (const g of e.rankings) {
    for (const r of g.rows) {
      const ahead = g.rows.filter((o) => Number(o.score) > Number(r.score)).length;
      assert.equal(Number(r.rank), ahead + 1);
    }
  }
  const report = JSON.parse(chiso.reportJson(json, nq57));
  assert.equal(report.summary.period, '2026-Q3');
  const vi = chiso.narrative(json, nq57, 'vi', 'DN');
  assert.match(vi, /### Phường Biên Hòa/);
  assert.match(chiso.exportRanking(json, 'sdmx_csv', 'en'), /^DATAFLOW,REF_AREA,PEER_GROUP,TIME_PERIOD,MEASURE,OBS_VALUE\n/);
  assert.throws(() => chiso.exportRanking(json, 'xlsx', 'vi'), (err) => err instanceof Error && err.code === 'argument.invalid');
});
