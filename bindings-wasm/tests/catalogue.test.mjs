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

test('the catalogue survives a JSON round trip', () => {
  const nq57 = chiso.Catalogue.nq57();
  const again = chiso.Catalogue.fromJson(nq57.toJson());
  assert.equal(again.toJson(), nq57.toJson());
  assert.equal(nq57.validate().errors, 0);
});

test('the schema is JSON with a title', () => {
  assert.equal(JSON.parse(chiso.catalogueSchema()).title, 'chiso indicator catalogue');
});
