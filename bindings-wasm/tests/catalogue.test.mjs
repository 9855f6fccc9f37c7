// The catalogue through the wasm binding: loading, listing, errors as real Error objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import chiso from '../pkg/node/chiso_wasm.js';

const vectors = new URL('../../testdata/vectors/catalogue-validation/', import.meta.url);

test('the embedded NQ57 catalogue has the three layers', () => {
  const nq57 = chiso.Catalogue.nq57();
  const counts = Object.fromEntries(['a', 'b', 'c'].map((l) => [l, nq57.indicators(l).length]));
  assert.ok(counts.a >= 30 && counts.b >= 20 && counts.c >= 20, JSON.stringify(counts));
  assert.equal(nq57.length, counts.a + counts.b + counts.c);
  assert.equal(nq57.id, 'nq57');
});

test('indicators cross as the core serde shape, decimals as strings', () => {
  const a07 = chiso.Catalogue.nq57().indicator('A07');
  assert.equal(a07.name.en, 'Digital economy share of GDP');
  assert.deepEqual(a07.targets[0], { comparator: '>=', value: '30', scope: 'national', year: 2030 });
});

test('an unknown code throws a real Error with code and messages', () => {
  const nq57 = chiso.Catalogue.nq57();
  assert.throws(() => nq57.indicator('Z99'), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'CatalogueError');
    assert.equal(err.code, 'catalogue.unknown_code');
    assert.equal(err.path, null);
    assert.equal(err.messageVi, 'Không có chỉ số hay chỉ tiêu dữ liệu nào mã `Z99`.');
    assert.deepEqual(err.findings, []);
    return true;
  });
});

test('an invalid catalogue throws with every finding', () => {
  const input = readFileSync(new URL('many-findings/input.json', vectors), 'utf8');
  assert.throws(() => chiso.Catalogue.fromJson(input), (err) => {
    assert.equal(err.code, 'catalogue.invalid');
    assert.equal(err.path, '/title/vi');
    assert.equal(err.findings.length, 6);
    assert.equal(err.findings[0].code, 'text.empty');
    return true;
  });
});

test('a bad layer throws an ArgumentError', () => {
  assert.throws(() => chiso.Catalogue.nq57().indicators('d'), { name: 'ArgumentError', code: 'argument.invalid' });
});

test('the module stays usable after an error', () => {
  assert.throws(() => chiso.Catalogue.fromJson('{'));
  assert.equal(chiso.Catalogue.nq57().indicator('A01').code, 'A01');
});

test('hostile input throws typed errors and the module stays usable', () => {
  const minimal = readFileSync(new URL('../../examples/catalogues/minimal.json', import.meta.url), 'utf8');
  const cases = [
    // Nested 200 levels: refused at the bound, where it crosses it.
    [() => chiso.Catalogue.fromJson('['.repeat(200) + ']'.repeat(200)), 'CatalogueError', 'input.too_deep'],
    // A 1 MB name.
    [() => chiso.Catalogue.fromJson(minimal.replace('vi_du', 'x'.repeat(1_000_000))), 'CatalogueError', 'input.string_too_long'],
    // A decimal exact decimals would have to round.
    [() => chiso.runFormulaJson('x', '{"x": {"number": "0.00000000000000000000000000001"}}'), 'DataError', 'json.inexact_decimal'],
    // A ledger of garbage: the first hundred bad lines, not a thousand findings.
    [() => chiso.Ledger.fromJsonl('{]\n'.repeat(1000)), 'DataError', 'json.syntax'],
  ];
  for (const [call, name, code] of cases) {
    assert.throws(call, (e) => {
      assert.ok(e instanceof Error && chiso.isChisoError(e), String(e));
      assert.equal(e.name, name);
      assert.ok(e.findings.some((f) => f.code === code), JSON.stringify(e.findings[0]));
      assert.ok(e.findings.length <= 100);
      return true;
    });
    // After each, the module still answers.
    assert.equal(chiso.Catalogue.nq57().indicator('A07').code, 'A07');
  }
  // Decomposed Vietnamese reads as composed: output is NFC.
  const decomposed = minimal.replace('Bộ chỉ số ví dụ', 'Vie\u0323\u0302t Nam');
  assert.ok(chiso.Catalogue.fromJson(decomposed).toJson().includes('"Việt Nam"'));
});

test('a panic inside the core is a thrown Error, and the module answers afterwards', () => {
  for (let i = 0; i < 3; i++) {
    assert.throws(() => chiso._panicForTests(), (e) => e instanceof Error && !chiso.isChisoError(e));
    assert.equal(chiso.Catalogue.nq57().indicator('A07').code, 'A07');
    assert.equal(chiso.parsePeriod('2026q3'), '2026-Q3');
  }
});

test('the catalogue survives a JSON round trip', () => {
  const nq57 = chiso.Catalogue.nq57();
  const again = chiso.Catalogue.fromJson(nq57.toJson());
  assert.equal(again.toJson(), nq57.toJson());
  assert.equal(nq57.validate().errors, 0);
});

test('the schema is JSON with a title', () => {
  assert.equal(JSON.parse(chiso.catalogueSchema()).title, 'chiso indicator catalogue');
});

test('formulas against the catalogue: check, describe, run', () => {
  const nq57 = chiso.Catalogue.nq57();
  assert.deepEqual(nq57.checkFormula('100 * A07 / nothing_here').findings.map((f) => f.code), ['reference.unknown_code']);
  assert.equal(nq57.describeFormula('prev(A07)', 'en'), '[Digital economy share of GDP] (previous period)');
  const run = JSON.parse(nq57.runFormulaJson('A07 - prev(A07)', '{"A07": {"number": "31.5"}, "prev(A07)": {"number": "30"}}'));
  assert.deepEqual(run.value, { number: '1.5' });
  assert.throws(() => nq57.describeFormula('1 +', 'vi'), { name: 'FormulaError', code: 'formula.invalid' });
  assert.throws(() => chiso.runFormulaJson('a', '{"a": 1}'), { code: 'input.invalid', path: '/a' });
});

test('periods', () => {
  assert.equal(chiso.parsePeriod('2026s1'), '2026-H1');
  assert.throws(() => chiso.parsePeriod('2026Q5'), { name: 'PeriodError', code: 'period.invalid' });
  const info = JSON.parse(chiso.describePeriodJson('2026-05'));
  assert.equal(info.start, '2026-04-15');
  assert.equal(info.end, '2026-05-14');
});
