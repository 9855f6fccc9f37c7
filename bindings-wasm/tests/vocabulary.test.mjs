// The package spells every enumeration as the core does: the TypeScript unions of the
// declarations and the web form's labels against the core's vocabulary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import chiso from '../pkg/node/chiso_wasm.js';

const words = new Map(chiso.vocabulary().map((w) => [w.name, w]));
const codes = (name) => words.get(name).words.map((w) => w.code);

// Each TypeScript union of the declarations, by the core enumeration it spells.
const UNIONS = {
  Lang: 'lang', Layer: 'layer', Cycle: 'cycle', ValueType: 'value_type', Direction: 'direction',
  Timeliness: 'timeliness', Dimension: 'quality_dimension', GapKind: 'gap_kind',
  CompositeMethod: 'method', MissingPolicy: 'missing_policy', InvalidPolicy: 'invalid_policy',
  TiePolicy: 'ties', Origin: 'origin', ProgressStatus: 'progress_status', ExportFormat: 'export_format',
  RevisionStatus: 'status',
};

test('every TypeScript union spells its enumeration as the core does, in order', () => {
  const declarations = readFileSync(new URL('../pkg/node/chiso_wasm.d.ts', import.meta.url), 'utf8');
  for (const [type, name] of Object.entries(UNIONS)) {
    const m = new RegExp(`export type ${type} = ((?:"[^"]*"(?: \\| )?)+);`).exec(declarations);
    assert.ok(m, `no union named ${type}`);
    const spelled = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
    assert.deepEqual(spelled, codes(name), type);
  }
});

test('every value has its label in both languages', () => {
  assert.ok(words.size >= 18, `${words.size} enumerations`);
  for (const w of words.values()) {
    assert.ok(w.meaning.vi && w.meaning.en, w.name);
    for (const { code, label } of w.words) assert.ok(label.vi && label.en, `${w.name}.${code}`);
  }
  const label = (name, code) => words.get(name).words.find((w) => w.code === code).label;
  assert.equal(label('progress_status', 'on_track').vi, 'Đúng tiến độ');
  assert.equal(label('timeliness', 'missing').vi, 'Quá hạn, chưa nộp');
  assert.deepEqual(codes('unit_kind'), ['central', 'ministry', 'province', 'commune', 'party_committee', 'department', 'other']);
});

test("the web form's own words spell none of the core's", () => {
  // Its labels for statuses, timeliness, kinds of unit and bottlenecks come from `vocabulary()`:
  // a copy in any of its modules would drift again ("Đúng lộ trình" for the core's "Đúng tiến
  // độ"); its yes/no comes from the core's writeValue.
  const web = new URL('../../examples/web/', import.meta.url);
  const modules = readdirSync(web).filter((name) => name.endsWith('.js'));
  assert.ok(modules.length >= 8, modules.join(', '));
  const i18n = modules.map((name) => readFileSync(new URL(name, web), 'utf8')).join('\n');
  for (const name of ['progress_status', 'timeliness', 'bottleneck', 'unit_kind']) {
    for (const w of words.get(name).words) {
      for (const lang of ['vi', 'en']) {
        assert.ok(!i18n.includes(`'${w.label[lang]}'`), `the form spells ${name}.${w.code} itself: ${w.label[lang]}`);
      }
    }
  }
  for (const own of ["'Có'", "'Không'", "'Yes'", "'No'"]) {
    assert.ok(!i18n.includes(own), `the form writes ${own} itself`);
  }
  for (const drifted of ['Đúng lộ trình', 'Tiến độ chậm', 'quá hạn, chưa gửi']) {
    assert.ok(!i18n.includes(drifted), drifted);
  }
});

test('no declared type is a numbered copy of another', () => {
  // A reference described where it is used made json2ts declare a copy (Text1 … Text27); two
  // core types of one name made another (Evaluation2, Status2, Origin2); a tagged union beside
  // shared fields made a third (Refusal1).
  const declarations = readFileSync(new URL('../types/chiso.d.ts', import.meta.url), 'utf8');
  const numbered = [...declarations.matchAll(/^export (?:type|interface) ([A-Za-z]+\d+)\b/gm)].map((m) => m[1]);
  assert.deepEqual(numbered, []);
});
