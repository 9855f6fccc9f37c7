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
