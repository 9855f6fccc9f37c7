// Formula evaluation under Node, side by side: chiso (wasm) against mathjs (BigNumber) and
// DHIS2's expression parser, on the same expressions and the same values, in one run.
//
//     node benches/js/formula.mjs [ROWS] [REPETITIONS] [--dhis2-rows=N]
//         # defaults: 10000 rows per expression, 5 repetitions, DHIS2 on the first 1000 rows
//     node benches/js/formula.mjs --quick   # 200 rows, 1 repetition: checks it runs and agrees
//
// The expressions are NQ57 indicator formulas read from the embedded catalogue, plus two
// heavier synthetic ones over the same codes. The values are seeded decimal strings, as a
// form or an API hands them to a JS program. Every engine's results are checked against
// chiso's exact decimals (mathjs to 10 decimal places, DHIS2's doubles to a relative 1e-9):
// the script exits with 1 at the first difference. Prints Markdown tables for BENCHMARKS.md.
//
// DHIS2 does each operation in software decimals (Kotlin/JS BigDecimal over emulated 64-bit
// integers) and costs over 100 times more per evaluation than the others, so it evaluates
// only the first --dhis2-rows rows of each expression (the same values): ns per evaluation
// stays comparable and a full run stays within a minute or two.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import os from 'node:os';
import chiso from '../../bindings-wasm/pkg/node/chiso_wasm.js';

// The peers are the dev dependencies of the wasm package, pinned in its package.json.
const packageJson = new URL('../../bindings-wasm/package.json', import.meta.url);
const require = createRequire(packageJson);
const { create, all } = require('mathjs');
// The CommonJS build of the Kotlin/JS library nests its exports under the Kotlin package.
const dhis2 = require('@dhis2/expression-parser').org.hisp.dhis.lib.expression;
const { ExpressionJs, ExpressionDataJs } = dhis2.js;
const { ExpressionMode } = dhis2;

const math = create(all, { number: 'BigNumber', precision: 64 });

// --- arguments -------------------------------------------------------------------------------

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const positional = args.filter((a) => !a.startsWith('--'));
const dhis2RowsArg = args.find((a) => a.startsWith('--dhis2-rows='))?.split('=')[1];
const ROWS = Number(positional[0] ?? (quick ? 200 : 10_000));
const REPETITIONS = Number(positional[1] ?? (quick ? 1 : 5));
const DHIS2_ROWS = Math.min(ROWS, Number(dhis2RowsArg ?? 1000));
const counts = [ROWS, REPETITIONS, DHIS2_ROWS];
const known = (a) => a === '--quick' || a.startsWith('--dhis2-rows=');
if (!counts.every((n) => Number.isInteger(n) && n > 0) || positional.length > 2 ||
    !args.filter((a) => a.startsWith('--')).every(known)) {
  console.error('usage: node benches/js/formula.mjs [ROWS] [REPETITIONS] [--dhis2-rows=N] [--quick]');
  process.exit(2);
}

// --- the expressions -------------------------------------------------------------------------

const nq57 = chiso.Catalogue.nq57();

// Catalogue formulas of different shapes: shares of counts, of money, per 10,000 people, a
// plain average (B07), and decimal quantities (vCPU, FTE).
const INDICATORS = ['A06', 'A07', 'A16', 'B05', 'B07', 'B08', 'B18', 'C12'];

// Heavier formulas from the same codes: a weighted e-government score (three shares, nested
// parentheses) and a budget composite (sums over sums, a difference of two ratios).
const SYNTHETIC = {
  'S1 (composite score)':
    '0.4 * (100 * dvc_toan_trinh / tthc_du_dieu_kien)' +
    ' + 0.35 * (100 * (ho_so_truc_tuyen + ho_so_thanh_toan_truc_tuyen) / (ho_so_tiep_nhan + ho_so_phat_sinh_phi))' +
    ' + 0.25 * (100 * (van_ban_dien_tu + van_ban_di_ky_so) / (van_ban_tong + van_ban_di_tong))',
  'S2 (budget composite)':
    '100 * (giai_ngan_khcn_cds + giai_ngan_dau_tu_cong_khcn) / (du_toan_khcn_cds + ke_hoach_dau_tu_cong_khcn)' +
    ' - 1000 * (chi_rd_ngoai_nha_nuoc + 0.5 * chi_nsnn_khcn) / (gdp + 2.5 * chi_nsnn_tong)',
};

// Only what every engine reads the same way: names, decimal literals, + - * / and brackets.
// A name followed by "(" would be a function (prev, last_year, coalesce, if...).
const ARITHMETIC = /^[a-z0-9_.\s+\-*/()]+$/;
const FUNCTION_CALL = /[a-z_][a-z0-9_]*\s*\(/;

const byCode = new Map(nq57.indicators().map((i) => [i.code, i]));
const expressions = [
  ...INDICATORS.map((code) => {
    const method = byCode.get(code)?.method;
    if (method?.kind !== 'formula') throw new Error(`${code} is not a formula indicator of NQ57`);
    return { label: code, expression: method.expression };
  }),
  ...Object.entries(SYNTHETIC).map(([label, expression]) => ({ label, expression })),
];
for (const { label, expression } of expressions) {
  if (!ARITHMETIC.test(expression) || FUNCTION_CALL.test(expression)) {
    throw new Error(`${label}: not plain arithmetic, not every engine supports it: ${expression}`);
  }
}

// --- seeded values ---------------------------------------------------------------------------

// mulberry32: a tiny, good-enough 32-bit PRNG, so that every run sees the same values.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a, to seed per name (the values of one expression do not move when another is added).
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// How each data element's values look, from the catalogue: whole counts, money with two
// decimals, other quantities (FTE, vCPU, working days, average population) with one.
const MONEY_UNITS = new Set(['billion VND', 'million USD']);
const dataElements = new Map(JSON.parse(nq57.toJson()).data_elements.map((d) => [d.code, d]));
function decimalsOf(code) {
  const element = dataElements.get(code);
  if (!element) throw new Error(`${code} is not an NQ57 data element`);
  if (element.value_type === 'count') return 0;
  return MONEY_UNITS.has(element.unit?.en) ? 2 : 1;
}

// A decimal string from 1 up to 10^6, spread evenly over the orders of magnitude (a commune's
// dossiers and a province's budget in one data set). Never zero, so no denominator is zero:
// the missing and error paths are not what is measured here.
function decimalString(random, decimals) {
  const whole = Math.max(1, Math.floor(10 ** (random() * 6)));
  if (decimals === 0) return String(whole);
  const fraction = String(Math.floor(random() * 10 ** decimals)).padStart(decimals, '0');
  return `${whole}.${fraction}`;
}

// A DHIS2 UID for a code: 11 alphanumeric characters, the first a letter, stable per code.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = LETTERS + '0123456789';
const uidOfCode = new Map();
const codeOfUid = new Map();
function uidFor(code) {
  if (!uidOfCode.has(code)) {
    const random = mulberry32(fnv1a(`uid:${code}`));
    let uid = LETTERS[Math.floor(random() * LETTERS.length)];
    while (uid.length < 11) uid += ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)];
    if (codeOfUid.has(uid)) throw new Error(`UID collision: ${code} and ${codeOfUid.get(uid)}`);
    uidOfCode.set(code, uid);
    codeOfUid.set(uid, code);
  }
  return uidOfCode.get(code);
}

// --- compiling, once per expression ----------------------------------------------------------

const unsupported = (name) => {
  throw new Error(`DHIS2 asked for an unsupported item: ${name}`);
};

const cases = expressions.map(({ label, expression }) => {
  const formula = chiso.Formula.compile(expression, nq57);
  const inputs = formula.inputs; // the codes, in the order evaluate() takes their values
  const dhis2Expression = expression.replace(/[a-z_][a-z0-9_]*/g, (code) => `#{${uidFor(code)}}`);
  const dhis2Compiled = new ExpressionJs(dhis2Expression, ExpressionMode.INDICATOR_EXPRESSION);
  // DHIS2 looks values up by data item (compared by value, not identity): the items it found
  // in the expression, each mapped to its chiso input slot.
  const dhis2Items = dhis2Compiled.collectDataItems();
  const dhis2Slots = dhis2Items.map((item) => inputs.indexOf(codeOfUid.get(item.uid0.value)));
  if (dhis2Slots.some((slot) => slot < 0)) throw new Error(`${label}: DHIS2 found an unknown item`);

  const random = mulberry32(fnv1a(`rows:${label}`));
  const decimals = inputs.map(decimalsOf);
  const rows = Array.from({ length: ROWS }, () => decimals.map((d) => decimalString(random, d)));
  return {
    label,
    expression,
    dhis2Expression,
    inputs,
    formula,
    mathjs: math.compile(expression),
    dhis2: dhis2Compiled,
    dhis2Items,
    dhis2Slots,
    rows,
    // The "values already converted" variant, built outside the timing.
    bigScopes: rows.map((row) => scopeOf(inputs, row)),
  };
});

function scopeOf(inputs, row) {
  const scope = {};
  for (let k = 0; k < inputs.length; k++) scope[inputs[k]] = math.bignumber(row[k]);
  return scope;
}

// DHIS2 computes in doubles: Number(text) is the conversion it would make itself.
function dhis2DataOf(items, slots, row) {
  const values = new Map();
  for (let k = 0; k < items.length; k++) values.set(items[k], Number(row[slots[k]]));
  return new ExpressionDataJs(undefined, undefined, undefined, values, undefined);
}

// --- the engines -----------------------------------------------------------------------------

// Each engine evaluates `rows` rows of one case into `out` (the results are checked afterwards,
// and keeping them stops the JIT from dropping work whose result is unused). Building the
// engine's input from the row's strings is part of the work, except in the "pre-built" row.
const ENGINES = [
  {
    name: 'chiso (wasm): decimal strings in, exact decimal out',
    key: 'chiso',
    rows: ROWS,
    run(c, out) {
      const { formula, rows } = c;
      for (let i = 0; i < rows.length; i++) out[i] = formula.evaluate(rows[i]);
    },
  },
  {
    // One crossing into WebAssembly for the whole table: JSON text in, JSON text out (the
    // stringify and parse are timed too).
    name: 'chiso (wasm): all rows in one call (`evaluateJson`)',
    key: 'chisoBatch',
    rows: ROWS,
    run(c, out) {
      const values = JSON.parse(c.formula.evaluateJson(JSON.stringify(c.rows)));
      for (let i = 0; i < values.length; i++) out[i] = values[i];
    },
  },
  {
    name: 'mathjs BigNumber (precision 64): scope built per row from the strings',
    key: 'mathjs',
    rows: ROWS,
    run(c, out) {
      const { mathjs, inputs, rows } = c;
      for (let i = 0; i < rows.length; i++) out[i] = mathjs.evaluate(scopeOf(inputs, rows[i]));
    },
  },
  {
    name: 'mathjs BigNumber (precision 64): scopes pre-built (evaluate only)',
    key: 'mathjsPrebuilt',
    rows: ROWS,
    run(c, out) {
      const { mathjs, bigScopes } = c;
      for (let i = 0; i < bigScopes.length; i++) out[i] = mathjs.evaluate(bigScopes[i]);
    },
  },
  {
    // No pre-built variant: building the map per row is lost in the noise of DHIS2's evaluation.
    name: 'DHIS2 expression-parser (doubles): data built per row from the strings',
    key: 'dhis2',
    rows: DHIS2_ROWS,
    run(c, out) {
      const { dhis2, dhis2Items, dhis2Slots, rows } = c;
      for (let i = 0; i < DHIS2_ROWS; i++) {
        out[i] = dhis2.evaluate(unsupported, dhis2DataOf(dhis2Items, dhis2Slots, rows[i]));
      }
    },
  },
];

const results = Object.fromEntries(
  ENGINES.map((e) => [e.key, cases.map(() => new Array(e.rows))]),
);

// ns per evaluation of one pass of `engine` over all its rows of every case.
function runAll(engine) {
  const out = results[engine.key];
  const start = process.hrtime.bigint();
  for (let j = 0; j < cases.length; j++) engine.run(cases[j], out[j]);
  return Number(process.hrtime.bigint() - start) / (engine.rows * cases.length);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// --- timing ----------------------------------------------------------------------------------

// Warm-up: one full pass per engine, so every engine is measured with its hot code optimised.
for (const engine of ENGINES) runAll(engine);

// The repetitions interleave the engines, so that noise on this shared machine falls on all
// of them rather than on whichever ran during it.
const times = Object.fromEntries(ENGINES.map((e) => [e.key, []]));
for (let r = 0; r < REPETITIONS; r++) {
  for (const engine of ENGINES) times[engine.key].push(runAll(engine));
}
const nsPerEvaluation = Object.fromEntries(ENGINES.map((e) => [e.key, median(times[e.key])]));

// Compiling once per expression, timed the same way (each engine's own "parse and check").
const COMPILE_ROUNDS = quick ? 5 : 200;
const COMPILERS = [
  {
    name: 'chiso: `Formula.compile` (parse, check against NQ57, compile)',
    key: 'chiso',
    compile: (c) => chiso.Formula.compile(c.expression, nq57).free(),
  },
  {
    name: 'mathjs: `math.compile`',
    key: 'mathjs',
    compile: (c) => math.compile(c.expression),
  },
  {
    name: 'DHIS2: `new ExpressionJs` + `collectDataItems`',
    key: 'dhis2',
    compile: (c) =>
      new ExpressionJs(c.dhis2Expression, ExpressionMode.INDICATOR_EXPRESSION).collectDataItems(),
  },
];
const compileTimes = Object.fromEntries(COMPILERS.map((c) => [c.key, []]));
for (const compiler of COMPILERS) for (const c of cases) compiler.compile(c); // warm-up
for (let r = 0; r < REPETITIONS; r++) {
  for (const compiler of COMPILERS) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < COMPILE_ROUNDS; k++) for (const c of cases) compiler.compile(c);
    const ns = Number(process.hrtime.bigint() - start);
    compileTimes[compiler.key].push(ns / (COMPILE_ROUNDS * cases.length));
  }
}

// --- equality: the results of the last timed repetition --------------------------------------

let compared = 0;
function mismatch(what, c, i, expected, got) {
  console.error(`MISMATCH (${what}) in ${c.label}: ${c.expression}`);
  console.error(`  row ${i}: ${c.inputs.map((name, k) => `${name}=${c.rows[i][k]}`).join(', ')}`);
  console.error(`  chiso: ${expected}`);
  console.error(`  peer:  ${got}`);
  process.exit(1);
}

for (let j = 0; j < cases.length; j++) {
  const c = cases[j];
  for (let i = 0; i < ROWS; i++) {
    const value = results.chiso[j][i];
    if (typeof value?.number !== 'string') mismatch('chiso gave no number', c, i, JSON.stringify(value), '-');
    // The batch call gives the per-row call's exact decimals, digit for digit.
    if (results.chisoBatch[j][i]?.number !== value.number) {
      mismatch('chiso batch', c, i, value.number, JSON.stringify(results.chisoBatch[j][i]));
    }
    compared++;
    // Both exact-decimal engines, rounded to 10 places by the same decimal routine.
    const exact = math.bignumber(value.number);
    const expected = exact.toFixed(10);
    for (const key of ['mathjs', 'mathjsPrebuilt']) {
      const got = results[key][j][i];
      if (!math.isBigNumber(got) || got.toFixed(10) !== expected) {
        mismatch(`${key}, 10 decimal places`, c, i, value.number, String(got));
      }
      compared++;
    }
    // Doubles against the exact value: relative 1e-9 (absolute 1e-9 for results below 1).
    if (i < DHIS2_ROWS) {
      const reference = exact.toNumber();
      const got = results.dhis2[j][i];
      const tolerance = 1e-9 * Math.max(1, Math.abs(reference));
      if (typeof got !== 'number' || !(Math.abs(got - reference) <= tolerance)) {
        mismatch('DHIS2, relative 1e-9', c, i, value.number, String(got));
      }
      compared++;
    }
  }
}

// --- report ----------------------------------------------------------------------------------

const versionOf = (name) =>
  JSON.parse(readFileSync(join(dirname(require.resolve(name)), 'package.json'), 'utf8')).version;
const chisoVersion = JSON.parse(readFileSync(packageJson, 'utf8')).version;
const fmt = (x, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (x, base) => `${fmt(x / base, x / base < 10 ? 2 : 1)}×`;

console.log(`node ${process.version} (${os.platform()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'})`);
console.log(
  `chiso ${chisoVersion} (wasm, catalogue ${nq57.id} ${nq57.version}), ` +
    `mathjs ${math.version}, @dhis2/expression-parser ${versionOf('@dhis2/expression-parser')}`,
);
console.log(
  `${cases.length} expressions × ${fmt(ROWS)} rows (DHIS2: the first ${fmt(DHIS2_ROWS)} of each), ` +
    `median of ${REPETITIONS} repetition${REPETITIONS > 1 ? 's' : ''}${quick ? ' (--quick)' : ''}`,
);
console.log('');
console.log('| expression | formula |');
console.log('|---|---|');
for (const c of cases) console.log(`| ${c.label} | \`${c.expression}\` |`);
console.log('');
console.log('| engine | ns per evaluation | ratio vs chiso |');
console.log('|---|---:|---:|');
for (const engine of ENGINES) {
  const ns = nsPerEvaluation[engine.key];
  console.log(`| ${engine.name} | ${fmt(ns)} | ${ratio(ns, nsPerEvaluation.chiso)} |`);
}
console.log('');
console.log('| compile once (per expression) | µs per compile | ratio vs chiso |');
console.log('|---|---:|---:|');
const compileMedian = Object.fromEntries(COMPILERS.map((c) => [c.key, median(compileTimes[c.key])]));
for (const compiler of COMPILERS) {
  const ns = compileMedian[compiler.key];
  console.log(`| ${compiler.name} | ${fmt(ns / 1000, 1)} | ${ratio(ns, compileMedian.chiso)} |`);
}
console.log('');
console.log(
  `equal: ${fmt(compared)} results checked against chiso's exact decimals ` +
    '(mathjs to 10 decimal places, DHIS2 doubles within a relative 1e-9)',
);
