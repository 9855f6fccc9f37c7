// The reporting form's API under Node, on the bundled sample: the form's layout, a filing
// previewed and filed (all or none), period helpers, compiled formulas, charts, and errors that
// leave the module usable. Expected numbers are worked out in the comments beside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import chiso from '../pkg/node/chiso_wasm.js';

const sample = new URL('../../examples/data/sample/', import.meta.url);
const read = (f) => readFileSync(new URL(f, sample), 'utf8');
const nq57 = chiso.Catalogue.nq57();
const reporting = new chiso.Reporting(nq57, read('org.json'), read('assignments.json'), read('calendar.json'));
const history = read('ledger.jsonl');
const NOW = '2026-12-10T09:00:00';

const submission = (item, number, extra = {}) => ({
  unit: 'DN', item, period: '2026-Q4', value: { number }, source: { kind: 'form' },
  submitted_by: 'dn_dau_moi', submitted_at: NOW, ...extra,
});

test("the form lists DN's assigned indicators with their fields, in formula order", () => {
  const form = reporting.form('DN', '2026-Q4');
  assert.equal(form.unit_name.vi, 'Thành phố Đồng Nai');
  // The sample calendar cuts periods on the 15th: Q4 ends Monday 14 December; five working
  // days on is Monday 21 December.
  assert.equal(form.deadline, '2026-12-21');
  assert.deepEqual(form.indicators.map((i) => i.code), ['C01', 'C02', 'C06', 'C09', 'B03', 'B05', 'B10']);
  const c06 = form.indicators.find((i) => i.code === 'C06');
  // 100 * httt_phe_duyet_cap_do / httt_tong: numerator first.
  assert.deepEqual(c06.fields.map((f) => f.item), ['httt_phe_duyet_cap_do', 'httt_tong']);
  assert.equal(c06.measure.vi, '%');
  assert.deepEqual(c06.targets.map((t) => t.en), ['= 100 (each unit, 2026)']);
  assert.equal(c06.explanation, 'when_off_track');
  assert.equal(c06.evidence.required, true);
  assert.throws(() => reporting.form('XX', '2026-Q4'), (e) => e instanceof Error && e.code === 'argument.invalid');
  assert.throws(() => reporting.form('DN', '2026-Q5'), (e) => e.name === 'PeriodError');
});

test('a preview shows the quality, the off-track indicator and the projected score', () => {
  const ledger = chiso.Ledger.fromJsonl(history);
  const before = ledger.length;
  const filing = { submissions: [submission('httt_phe_duyet_cap_do', '70'), submission('httt_tong', '93')] };
  const p = reporting.preview(ledger, JSON.stringify(filing), 'DN', '2026-Q4', NOW);
  // DN reports 12 fields (C01 1, C02 1, and 2 for each of C06, C09, B03, B05, B10); 2 sent.
  assert.equal(p.quality.expected, 12);
  assert.equal(p.quality.reported, 2);
  assert.equal(p.quality.completeness, '16.7'); // 2 / 12 = 16.67 %
  const codes = (code) => p.quality.findings.filter((f) => f.code === code).map((f) => f.item);
  assert.deepEqual(codes('correct.no_evidence'), ['httt_phe_duyet_cap_do', 'httt_tong']);
  // C06 = 100 × 70 / 93 = 75.27 → 75.3 at one place. Q4 ends 2026, the year of its target
  // (= 100, higher is better): the straight line from any baseline asks the target itself
  // now, and 75.3 is behind it, so the Layer C indicator is off track and must be explained.
  assert.deepEqual(codes('complete.explanation_missing'), ['C06']);
  const c06 = p.projected.indicators.find((i) => i.indicator === 'C06');
  assert.deepEqual(c06.value, { number: '75.3' });
  assert.equal(c06.fraction, '0.753'); // ratio to the target of 100
  assert.equal(c06.off_track.en, 'behind the path to ≥ 100 by 2026: about 100 needed, 75.3 reached');
  assert.equal(p.peers, 34);
  assert.equal(p.rank.unit, 'DN');
  assert.equal(ledger.length, before, 'a preview leaves the ledger as it was');
  // Previewed before the form's signer is filled in: the numbers do not depend on who signs.
  const unsigned = { submissions: filing.submissions.map((s) => ({ ...s, submitted_by: '' })) };
  const u = reporting.preview(ledger, JSON.stringify(unsigned), 'DN', '2026-Q4', NOW);
  assert.deepEqual([u.quality.reported, u.projected.score], [2, p.projected.score]);
  // Before anyone has filed for Q4, all 34 provinces score 0 and share rank 1.
  const empty = reporting.preview(ledger, '{}', 'DN', '2026-Q4', NOW);
  assert.deepEqual([empty.rank.rank, empty.tied, empty.projected.score], ['1', 33, '0']);
  assert.equal(p.tied, 0, 'with its values, DN ranks alone');

  // Explained, with evidence: those findings go.
  const evidence = [{ file_name: 'qd.pdf', sha256: 'a'.repeat(64), size: 10, media_type: 'application/pdf' }];
  const explained = {
    submissions: filing.submissions.map((s) => ({ ...s, evidence })),
    explanations: [{
      unit: 'DN', indicator: 'C06', period: '2026-Q4', causes: 'Hai hệ thống mới chưa được phê duyệt cấp độ.',
      bottlenecks: ['human_resources'], solutions: 'Hoàn thành hồ sơ cấp độ trong tháng 1.',
      submitted_by: 'dn_dau_moi', submitted_at: NOW,
    }],
  };
  const q = reporting.preview(ledger, JSON.stringify(explained), 'DN', '2026-Q4', NOW).quality;
  assert.deepEqual(q.findings.filter((f) => f.code !== 'complete.missing'), []);
  // The JSON form is the object form's bytes.
  assert.deepEqual(JSON.parse(reporting.previewJson(ledger, JSON.stringify(explained), 'DN', '2026-Q4', NOW)),
    reporting.preview(ledger, JSON.stringify(explained), 'DN', '2026-Q4', NOW));
});

test('a filing is appended all or none, a refusal naming its place', () => {
  const ledger = chiso.Ledger.fromJsonl(history);
  const before = ledger.length;
  const bad = { submissions: [submission('httt_tong', '93'), { ...submission('httt_tong', '93'), period: '2026-11' }] };
  assert.throws(() => reporting.file(ledger, 'dn_dau_moi', JSON.stringify(bad)),
    (e) => e.name === 'LedgerError' && e.path === '/submissions/1/period' && e.findings[0].code === 'ledger.wrong_cycle');
  assert.equal(ledger.length, before);
  assert.throws(() => reporting.file(ledger, 'hn_dau_moi', JSON.stringify({ submissions: [submission('httt_tong', '93')] })),
    (e) => e.name === 'PolicyError' && e.messageVi.length > 0);
  assert.throws(() => reporting.file(ledger, 'dn_dau_moi', '{"submission": []}'),
    (e) => e.name === 'DataError' && e.findings[0].code === 'json.unknown_field');
  const sequences = reporting.file(ledger, 'dn_dau_moi', JSON.stringify({ submissions: [submission('httt_tong', '93')] }));
  assert.deepEqual([...sequences], [before + 1]);
  assert.equal(ledger.status(before + 1), 'submitted');
});

test('period helpers: deadline and timeliness under a calendar', () => {
  const calendar = read('calendar.json');
  assert.equal(chiso.deadline('2026-Q4', calendar), '2026-12-21');
  assert.equal(chiso.timeliness('2026-Q4', '2026-12-21T23:59:00', NOW, calendar), 'on_time');
  assert.equal(chiso.timeliness('2026-Q4', '2026-12-22T08:00:00', NOW, calendar), 'late');
  assert.equal(chiso.timeliness('2026-Q4', undefined, NOW, calendar), 'not_yet_due');
  assert.equal(chiso.timeliness('2026-Q4', undefined, '2026-12-22T00:00:00', calendar), 'missing');
  assert.throws(() => chiso.deadline('2026-13'), (e) => e.name === 'PeriodError' && e.messageEn.length > 0);
});

test('numbers as officials type them', () => {
  assert.equal(chiso.readNumber('1.234,5', false), '1234.5');
  assert.equal(chiso.readNumber(' 12,5 ', false), '12.5');
  assert.equal(chiso.readNumber('1.234', true), '1234');
  assert.throws(() => chiso.readNumber('1.234', false),
    (e) => e.code === 'field.ambiguous_number' && e.messageVi.includes('1234 hay 1,234'));
  assert.equal(chiso.writeNumber('-1234567.50', 'vi'), '-1.234.567,5');
  assert.equal(chiso.writeNumber('1234.5', 'en'), '1,234.5');
  assert.throws(() => chiso.writeNumber('abc', 'vi'), (e) => e.code === 'argument.invalid');
  // Rounded half up by the core (the form rounded on its own digits before issue 20).
  assert.equal(chiso.writeNumber('2.345', 'vi', 2), '2,35');
  assert.equal(chiso.writeNumber('-2.345', 'en', 2), '-2.35');
  assert.equal(chiso.writeOutOf100('0.98765', 'vi'), '98,77');
  assert.equal(chiso.writeOutOf100('1', 'en'), '100');
  // Dates too: the form wrote its own (issue 20).
  assert.equal(chiso.writeDate('2026-09-21', 'vi'), '21/09/2026');
  assert.equal(chiso.writeDate('2026-09-21', 'en'), '21 Sep 2026');
  assert.equal(chiso.writeDate('2026-10-15T08:05:00', 'vi'), '15/10/2026 08:05');
  assert.throws(() => chiso.writeDate('21/09/2026', 'vi'), (e) => e.code === 'argument.invalid');
  // And any value, as the core describes it (the form said 'Có' / 'Yes' on its own).
  assert.equal(chiso.writeValue('{"number": "12.50"}', 'vi'), '12,50');
  assert.equal(chiso.writeValue('{"bool": true}', 'vi'), 'có');
  assert.equal(chiso.writeValue('{"bool": false}', 'en'), 'no');
  assert.equal(chiso.writeValue('{"missing": "no_data"}', 'vi'), '— (chưa có số liệu)');
  assert.throws(() => chiso.writeValue('{"number": 12.5}', 'vi'), (e) => e.code === 'argument.invalid');
  assert.throws(() => nq57.checkField('Z99', '1'), (e) => e.name === 'CatalogueError' && chiso.isChisoError(e));
  assert.equal(chiso.isChisoError(new Error('x')), false);
  assert.equal(chiso.isChisoError('CatalogueError'), false);
});

test('a compiled formula evaluates exactly, and refuses binary floats', () => {
  const f = chiso.Formula.compile('100 * dvc_toan_trinh / tthc_du_dieu_kien', nq57);
  assert.deepEqual(f.inputs, ['dvc_toan_trinh', 'tthc_du_dieu_kien']);
  assert.deepEqual(f.evaluate(['281', '320']), { number: '87.8125' }); // 28100 / 320
  assert.deepEqual(f.evaluate(['1', '0']), { missing: 'division_by_zero' });
  assert.deepEqual(f.evaluate(['1', null]), { missing: 'no_data' }); // missing is not zero
  assert.throws(() => f.evaluate([281, '320']), (e) => e.name === 'ArgumentError');
  assert.deepEqual(chiso.Formula.compile('0.1 + 0.2', nq57).evaluate([]), { number: '0.3' });
  assert.throws(() => chiso.Formula.compile('100 * khong_co', nq57),
    (e) => e.name === 'FormulaError' && e.findings[0].code === 'reference.unknown_code');
  // The module is still usable after every error above.
  assert.equal(f.evaluate(['1', '4']).number, '25');
});

test('charts are drawn from an evaluation', () => {
  const ledger = chiso.Ledger.fromJsonl(history);
  const json = reporting.evaluateJson(ledger, '2026-Q3', '2026-10-15T00:00:00');
  const svg = chiso.rankingSvg(json, 'tinh_thanh', 'vi');
  assert.match(svg, /^<svg /);
  // One bar per province, all starting at the axis (x = 260), as the Python suite checks too.
  assert.equal((svg.match(/<rect x="260"/g) ?? []).length, 34);
  assert.match(svg, /aria-label="Xếp hạng Tỉnh, thành phố — kỳ 2026-Q3"/);
  const profile = chiso.profileSvg(json, 'DN', 'en');
  assert.match(profile, /<svg /);
  assert.throws(() => chiso.rankingSvg(json, 'khong_co', 'vi'), (e) => e instanceof Error && e.code === 'argument.invalid');
  assert.throws(() => chiso.rankingSvg('{}', 'tinh_thanh', 'vi'), (e) => e.name === 'DataError');
});
