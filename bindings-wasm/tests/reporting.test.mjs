// Ledger, access policy and data quality through the wasm binding under Node: the golden
// vectors (same bytes as Rust and Python) and the errors a web form meets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import chiso from '../pkg/node/chiso_wasm.js';

const root = new URL('../../testdata/vectors/', import.meta.url).pathname;
const read = (...parts) => readFileSync(join(...parts), 'utf8');
const casesOf = (kind) =>
  readdirSync(join(root, kind)).filter((n) => statSync(join(root, kind, n)).isDirectory()).sort();

for (const name of casesOf('ledger')) {
  test(`ledger/${name}`, () => {
    const dir = join(root, 'ledger', name);
    const expected = JSON.parse(read(dir, 'expected.json'));
    const actions = JSON.parse(read(dir, 'actions.json'));
    // A store's clock at each append, where the case is stamped (format 2).
    const recorded = existsSync(join(dir, 'recorded_at.json'))
      ? JSON.parse(read(dir, 'recorded_at.json')) : actions.map(() => null);
    const ledger = new chiso.Ledger();
    actions.forEach((action, i) => ledger.appendJson(JSON.stringify(action), recorded[i] ?? undefined));
    if (expected.assignments) assert.deepEqual(JSON.parse(ledger.assignmentsJson()), expected.assignments);
    if (expected.verification.valid && !name.startsWith('truncated')) {
      // The hashes Python's hashlib computed, byte for byte.
      assert.equal(ledger.toJsonl(), read(dir, 'ledger.jsonl'));
    }
    const stored = chiso.Ledger.fromJsonlUnverified(read(dir, 'ledger.jsonl'));
    assert.deepEqual(JSON.parse(stored.verifyJson(expected.head ?? undefined)), expected.verification);
    // The verified read trusts exactly the ledgers that verify, and names the first problem.
    const problem = expected.verification.first_problem;
    if (problem !== null && problem.kind !== 'truncated') {
      // Reading is verified by default (issue 20): a tampered chain is refused without a head.
      assert.throws(() => chiso.Ledger.fromJsonl(read(dir, 'ledger.jsonl')), (e) => e.name === 'LedgerError');
    }
    const trusted = () => chiso.Ledger.fromJsonlVerified(read(dir, 'ledger.jsonl'), expected.head ?? undefined);
    if (problem === null) {
      assert.equal(trusted().length, expected.verification.entries);
    } else {
      assert.throws(trusted, (e) => e.name === 'LedgerError' && e.code === 'ledger.tampered'
        && e.message.includes(`entry ${problem.position} `));
    }
  });
}

for (const name of casesOf('policy')) {
  test(`policy/${name}`, () => {
    const dir = join(root, 'policy', name);
    const input = JSON.parse(read(dir, 'input.json'));
    const reporting = new chiso.Reporting(
      chiso.Catalogue.nq57(), JSON.stringify(input.org), JSON.stringify(input.assignments));
    const answers = input.requests.map((r) => reporting.refusalJson(r.actor, JSON.stringify(r.request)));
    assert.equal(`[${answers.map((a) => a ?? 'null').join(',')}]`, read(dir, 'output.json'));
    const reasons = answers.map((a) => {
      if (a === undefined) return null;
      const { message_vi: _vi, message_en: _en, ...reason } = JSON.parse(a);
      return reason;
    });
    assert.deepEqual(reasons, JSON.parse(read(dir, 'expected.json')));
  });
}

for (const name of casesOf('quality')) {
  test(`quality/${name}`, () => {
    const dir = join(root, 'quality', name);
    const input = JSON.parse(read(dir, 'input.json'));
    const reporting = new chiso.Reporting(chiso.Catalogue.nq57(), JSON.stringify(input.org),
      JSON.stringify(input.assignments), JSON.stringify(input.calendar));
    const ledger = new chiso.Ledger();
    for (const action of input.actions) ledger.appendJson(JSON.stringify(action));
    const output = reporting.qualityJson(ledger, input.unit, input.period, input.as_of);
    assert.equal(output, read(dir, 'output.json'));
    const report = JSON.parse(output);
    assert.deepEqual({
      expected: report.expected,
      reported: report.reported,
      completeness: report.completeness,
      score: report.score,
      findings: report.findings.map((f) => [f.code, f.item, f.revision ?? null]),
    }, JSON.parse(read(dir, 'expected.json')));
  });
}

const submission = (unit, item, period) => JSON.stringify({
  kind: 'submit',
  submission: {
    unit, item, period, value: { number: '2' }, source: { kind: 'form' },
    submitted_by: 'can_bo', submitted_at: '2026-07-02T09:00:00',
  },
});

test('a denied append throws a PolicyError in both languages and changes nothing', () => {
  const input = JSON.parse(read(root, 'policy', 'matrix', 'input.json'));
  const reporting = new chiso.Reporting(
    chiso.Catalogue.nq57(), JSON.stringify(input.org), JSON.stringify(input.assignments));
  const ledger = new chiso.Ledger();
  assert.throws(() => reporting.appendJson(ledger, 'HN', submission('DN', 'sandbox_van_hanh', '2026-Q2')),
    (e) => e.name === 'PolicyError' && e.code === 'policy.denied' && e.messageVi.includes('chính đơn vị mình'));
  assert.equal(ledger.length, 0);
  assert.throws(() => reporting.appendJson(ledger, 'DN', submission('DN', 'sandbox_van_hanh', '2026-05')),
    (e) => e.name === 'LedgerError' && e.findings[0].code === 'ledger.wrong_cycle');
  assert.equal(ledger.length, 0);
  JSON.parse(reporting.appendJson(ledger, 'DN', submission('DN', 'sandbox_van_hanh', '2026-Q2')));
  assert.equal(ledger.status(1), 'submitted');
});

test('broken JSON Lines and malformed actions are DataErrors (as in Python) with paths', () => {
  assert.throws(() => chiso.Ledger.fromJsonl('{"sequence": 1}\nnot json\n'),
    (e) => e.name === 'DataError' && e.findings[1].path.startsWith('/2'));
  assert.throws(() => new chiso.Ledger().appendJson('{"kind": "approve", "revision": 1}'),
    (e) => e.name === 'DataError' && e.findings[0].code === 'json.missing_field');
});
