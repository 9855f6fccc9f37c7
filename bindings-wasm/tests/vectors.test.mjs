// Every golden vector through the wasm binding under Node: same findings, same bytes as Rust.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import chiso from '../pkg/node/chiso_wasm.js';

const root = new URL('../../testdata/vectors/', import.meta.url).pathname;
const dir = join(root, 'catalogue-validation');
const cases = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();

test('there are catalogue-validation cases', () => {
  assert.ok(cases.length >= 30);
});

for (const name of cases) {
  test(`catalogue-validation/${name}`, () => {
    const input = readFileSync(join(dir, name, 'input.json'), 'utf8');
    const output = chiso.checkCatalogueJson(input);
    assert.equal(output, readFileSync(join(dir, name, 'output.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8'));
    const got = JSON.parse(output).findings.map(({ code, severity, path }) => ({ code, severity, path }));
    assert.deepEqual(got, expected);
    // The object form carries the same data as the JSON form.
    assert.deepEqual(chiso.checkCatalogue(input), JSON.parse(output));
  });
}

const formulaDir = join(root, 'formula');
const formulaCases = readdirSync(formulaDir).filter((n) => statSync(join(formulaDir, n)).isDirectory()).sort();

for (const name of formulaCases) {
  test(`formula/${name}`, () => {
    const input = JSON.parse(readFileSync(join(formulaDir, name, 'input.json'), 'utf8'));
    const output = chiso.runFormulaJson(input.expression, JSON.stringify(input.values));
    assert.equal(output, readFileSync(join(formulaDir, name, 'output.json'), 'utf8'));
    const run = JSON.parse(output);
    const expected = JSON.parse(readFileSync(join(formulaDir, name, 'expected.json'), 'utf8'));
    assert.deepEqual(
      { valid: run.valid, codes: run.findings.map((f) => f.code), result_type: run.result_type, value: run.value },
      expected,
    );
  });
}

const periodDir = join(root, 'period');
const periodCases = readdirSync(periodDir).filter((n) => statSync(join(periodDir, n)).isDirectory()).sort();

for (const name of periodCases) {
  test(`period/${name}`, () => {
    const input = JSON.parse(readFileSync(join(periodDir, name, 'input.json'), 'utf8'));
    let output;
    try {
      output = chiso.describePeriodJson(input.period, JSON.stringify(input.calendar));
    } catch (e) {
      const { code, path, messageVi, messageEn, findings } = e;
      output = JSON.stringify({ error: { code, path, message_vi: messageVi, message_en: messageEn, findings } });
    }
    // The expectation with whitespace between tokens removed, field order kept.
    const expected = JSON.stringify(JSON.parse(readFileSync(join(periodDir, name, 'expected.json'), 'utf8')));
    assert.equal(output, expected);
  });
}

const fieldDir = join(root, 'field');
const fieldCases = readdirSync(fieldDir).filter((n) => statSync(join(fieldDir, n)).isDirectory()).sort();
const nq57 = chiso.Catalogue.nq57();

test('there are field cases', () => {
  assert.ok(fieldCases.length >= 20);
});

for (const name of fieldCases) {
  test(`field/${name}`, () => {
    const input = JSON.parse(readFileSync(join(fieldDir, name, 'input.json'), 'utf8'));
    const output = nq57.checkFieldJson(input.item, input.text);
    assert.equal(output, readFileSync(join(fieldDir, name, 'output.json'), 'utf8'));
    const check = nq57.checkField(input.item, input.text);
    // The object form carries the same data as the JSON form.
    assert.deepEqual(check, JSON.parse(output));
    const expected = JSON.parse(readFileSync(join(fieldDir, name, 'expected.json'), 'utf8'));
    assert.deepEqual({
      blank: check.blank,
      valid: check.valid,
      value: check.value,
      display_vi: check.display?.vi ?? null,
      codes: check.findings.map((f) => f.code),
    }, expected);
  });
}

test('every vector folder is run by the JavaScript suite', () => {
  const sources = readdirSync(new URL('.', import.meta.url).pathname)
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n');
  const folders = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory());
  const missing = folders.filter((f) => !sources.includes(`'${f}'`));
  assert.deepEqual(missing, []);
});

// A table's text cell, read by the core's one cell rule (testdata/vectors/cell/cells.json):
// through a compiled formula's `evaluate` and its many-rows `evaluateJson` alike.
const cells = JSON.parse(readFileSync(join(root, 'cell', 'cells.json'), 'utf8'));
const identity = chiso.Formula.compile('A07', chiso.Catalogue.nq57());

test('there are cell cases', () => {
  assert.ok(cells.length >= 15);
});

for (const { cell, value, why } of cells) {
  test(`cell ${JSON.stringify(cell)}`, () => {
    if (value.error) {
      assert.throws(() => identity.evaluate([cell]),
        (e) => e.name === 'DataError' && e.findings[0].code === value.error && e.findings[0].path === '/0', why);
      assert.throws(() => identity.evaluateJson(JSON.stringify([[cell]])), (e) => e.name === 'ArgumentError', why);
    } else {
      assert.deepEqual(identity.evaluate([cell]), value, why);
      assert.deepEqual(JSON.parse(identity.evaluateJson(JSON.stringify([[cell]]))), [value], why);
    }
  });
}
