// The reporting form: a unit's officer types the period's figures and sees, before anything is
// sent, which entries are wrong, which lack evidence or an explanation, and what the unit's
// score and rank will be. Everything is computed in the page by chiso (WebAssembly); nothing is
// sent anywhere: the result is a filing (JSON) the officer downloads.
import init, {
  Catalogue, Ledger, Reporting, deadline, describePeriodJson, timeliness, vocabulary, writeNumber,
  writeDate, writeOutOf100,
} from '../../bindings-wasm/pkg/web/chiso_wasm.js';
import { codes, formatBytes, t, useVocabulary, word } from './i18n.js';

const SAMPLE = '../data/sample/';
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const DEFAULT_UNIT = 'DN';
const DEFAULT_PERIOD = '2026-Q4';
const NUMERIC = new Set(['number', 'percent', 'ratio', 'rank', 'count']);
const PREVIEW_DELAY_MS = 250;

// --- state --------------------------------------------------------------------------------

const setup = { nq57: null, reporting: null, ledger: null, calendar: '', units: [] };
const state = {
  lang: 'vi',
  fixedNow: null,
  unit: DEFAULT_UNIT,
  period: DEFAULT_PERIOD,
  form: null,
  previous: new Map(), // item → value in force for the previous period
  fields: new Map(), // item → { field, indicators: [code], input, msg, check }
  evidence: new Map(), // indicator code → [entry]
  preview: null,
  previewError: null,
  previewTimer: 0,
};
let evidenceSeq = 0;
/** Text nodes that follow the language: [element, (lang) => string, attribute?]. */
let bound = [];

const $ = (id) => document.getElementById(id);

// --- small helpers ------------------------------------------------------------------------

/** Sets `el`'s text (or `attr`) from `fn(lang)` now and at every language switch. */
function bind(el, fn, attr) {
  const apply = () => (attr ? el.setAttribute(attr, fn(state.lang)) : (el.textContent = fn(state.lang)));
  apply();
  bound.push([el, fn, attr]);
  return el;
}
const L = (key, vars) => (lang) => t(lang, key, vars);
/** A value's label from the core's vocabulary, in whichever language is shown. */
const W = (name, code) => (lang) => word(lang, name, code);
/** A label as it reads within a sentence: its first letter in lower case. */
const inSentence = (label) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
const B = (text) => (lang) => text?.[lang] ?? '';

/** A DOM element: `h('p', {class: 'x', text: L('key')}, child, ...)`. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'data') Object.assign(el.dataset, value);
    else if (key === 'text') typeof value === 'function' ? bind(el, value) : (el.textContent = value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'hidden') el.hidden = true;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

/** A decimal string for people, in the current language (`1234.5` → `1.234,5`), rounded half
 * up to `places` when given: the core writes it, as every renderer's numbers. */
function num(decimal, lang = state.lang, places = undefined) {
  if (decimal == null) return '—';
  try {
    return writeNumber(String(decimal), lang, places);
  } catch {
    return String(decimal);
  }
}

/** The moment the form works at: `?now=` when given (for reproducible runs), else the clock. */
function now() {
  if (state.fixedNow) return state.fixedNow;
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** An error thrown by chiso in the current language. */
function errorText(error, lang = state.lang) {
  const message = (lang === 'vi' ? error?.messageVi : error?.messageEn) ?? error?.message ?? String(error);
  return error?.code ? `${message} (${error.code})` : message;
}

function valueText(value, measure, lang = state.lang) {
  if (!value) return '—';
  if ('number' in value) return `${num(value.number, lang)}${measure ? ` ${measure}` : ''}`;
  if ('bool' in value) return lang === 'vi' ? (value.bool ? 'Có' : 'Không') : (value.bool ? 'Yes' : 'No');
  if ('text' in value) return value.text;
  return '—';
}

async function fetchText(name) {
  const response = await fetch(SAMPLE + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}

// --- start --------------------------------------------------------------------------------

async function main() {
  const params = new URLSearchParams(location.search);
  if (params.get('lang') === 'en') state.lang = 'en';
  const fixed = params.get('now') ?? '';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(fixed)) state.fixedNow = fixed;

  $('lang').addEventListener('click', () => switchLanguage(state.lang === 'vi' ? 'en' : 'vi'));
  $('filing').addEventListener('submit', (event) => event.preventDefault());
  relabel();

  try {
    const [, org, assignments, calendar, ledgerText] = await Promise.all([
      init(), fetchText('org.json'), fetchText('assignments.json'), fetchText('calendar.json'),
      fetchText('ledger.jsonl'),
    ]);
    useVocabulary(vocabulary());
    setup.nq57 = Catalogue.nq57();
    setup.calendar = calendar;
    setup.reporting = new Reporting(setup.nq57, org, assignments, calendar);
    setup.ledger = Ledger.fromJsonl(ledgerText);
    const assigned = new Set(JSON.parse(assignments).map((a) => a.unit));
    setup.units = JSON.parse(org).units.filter((u) => assigned.has(u.id));
  } catch (error) {
    const status = $('status');
    bind(status, (lang) => t(lang, 'loadFailed', { message: errorText(error, lang) }));
    status.dataset.state = 'failed';
    document.body.dataset.ready = 'failed';
    return;
  }

  const wantedUnit = params.get('unit');
  state.unit = setup.units.some((u) => u.id === wantedUnit) ? wantedUnit
    : setup.units.some((u) => u.id === DEFAULT_UNIT) ? DEFAULT_UNIT : setup.units[0]?.id;
  state.period = PERIODS.includes(params.get('period')) ? params.get('period') : DEFAULT_PERIOD;

  buildSelects();
  $('entered-by').addEventListener('input', () => {
    $('entered-by-msg').textContent = '';
    $('entered-by').removeAttribute('aria-invalid');
  });
  $('download').addEventListener('click', download);
  $('status').hidden = true;
  $('status').dataset.state = 'done';
  buildForm();
  document.body.dataset.ready = 'true';
}

function buildSelects() {
  const unitSelect = $('unit');
  const byKind = new Map();
  const kinds = codes('unit_kind');
  for (const unit of setup.units) {
    const kind = kinds.includes(unit.kind) ? unit.kind : 'other';
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(unit);
  }
  for (const kind of kinds) {
    const units = byKind.get(kind);
    if (!units) continue;
    const group = h('optgroup');
    bind(group, W('unit_kind', kind), 'label');
    for (const unit of units) {
      group.append(h('option', { value: unit.id, text: (lang) => `${unit.name[lang]} (${unit.id})` }));
    }
    unitSelect.append(group);
  }
  unitSelect.value = state.unit;
  unitSelect.addEventListener('change', () => {
    state.unit = unitSelect.value;
    buildForm();
  });

  const periodSelect = $('period');
  for (const period of PERIODS) {
    const label = JSON.parse(describePeriodJson(period, setup.calendar)).label;
    periodSelect.append(h('option', { value: period, text: B(label) }));
  }
  periodSelect.value = state.period;
  periodSelect.addEventListener('change', () => {
    state.period = periodSelect.value;
    buildForm();
  });
}

// --- the form -----------------------------------------------------------------------------

function buildForm() {
  clearTimeout(state.previewTimer);
  const rebound = [$('cards'), $('form-head'), document.querySelector('title'), $('as-of')];
  bound = bound.filter(([el]) => el.isConnected && !rebound.some((root) => root.contains(el)));
  state.fields = new Map();
  state.evidence = new Map();
  state.preview = null;
  state.previewError = null;

  const { reporting, ledger, calendar } = setup;
  const form = reporting.form(state.unit, state.period);
  state.form = form;

  // The values in force for the previous period, shown beside each field for comparison.
  const previousPeriod = JSON.parse(describePeriodJson(state.period, calendar)).previous;
  state.previousPeriod = previousPeriod;
  state.previous = new Map();
  state.current = new Map();
  for (const row of JSON.parse(ledger.snapshotJson(state.period, now()))) {
    if (row.unit === state.unit) state.current.set(row.item, row.value);
  }
  if (previousPeriod) {
    for (const row of JSON.parse(ledger.snapshotJson(previousPeriod, now()))) {
      if (row.unit === state.unit) state.previous.set(row.item, row.value);
    }
  }

  const periodLabel = JSON.parse(describePeriodJson(state.period, calendar)).label;
  const head = $('form-head');
  head.replaceChildren(
    h('h2', { id: 'form-title', text: (lang) => `${form.unit_name[lang]} — ${periodLabel[lang]}` }),
    h('p', {
      id: 'deadline',
      class: 'deadline',
      data: { deadline: form.deadline },
      text: (lang) => t(lang, 'deadlineLine', {
        date: writeDate(form.deadline, lang),
        status: inSentence(word(lang, 'timeliness', timeliness(state.period, undefined, now(), calendar))),
      }),
    }),
    // The letters tie every assigned indicator to the unit's head: the form names them.
    ...(form.head
      ? [h('p', { id: 'unit-head', class: 'unit-head', text: (lang) => t(lang, 'headLine', { name: form.head.name }) })]
      : []),
  );

  const cards = $('cards');
  cards.replaceChildren();
  if (form.indicators.length === 0) {
    cards.append(h('p', { class: 'empty', text: L('noIndicators') }));
  }
  for (const indicator of form.indicators) cards.append(buildCard(indicator));

  bind(document.querySelector('title'), (lang) => t(lang, 'documentTitle', {
    unit: form.unit_name[lang], period: periodLabel[lang],
  }));
  $('as-of').dateTime = now();
  bind($('as-of'), (lang) => writeDate(now(), lang));

  runPreview();
}

function buildCard(indicator) {
  const { code } = indicator;
  const titleId = `ind-${code}-title`;
  const fields = indicator.fields.map((field) => buildField(indicator, field));
  const card = h('article', {
    class: `indicator layer-${indicator.layer}`, id: `ind-${code}`,
    data: { indicator: code, layer: indicator.layer }, 'aria-labelledby': titleId,
  },
  h('header', { class: 'indicator-head' },
    h('p', { class: 'indicator-tags' },
      h('span', { class: 'code' }, code),
      h('span', { class: 'layer', text: L('layer', { layer: indicator.layer.toUpperCase() }) }),
      h('span', { class: 'badge', id: `ind-${code}-badge`, hidden: true })),
    h('h3', { id: titleId, tabindex: '-1', text: B(indicator.name) })),
  h('dl', { class: 'meta' },
    h('div', {}, h('dt', { text: L('measure') }), h('dd', { data: { measure: code }, text: B(indicator.measure) })),
    h('div', { class: 'targets' }, h('dt', { text: L('targets') }),
      h('dd', {}, h('ul', {}, indicator.targets.map((target) => h('li', { text: B(target) }))))),
    h('div', {}, h('dt', { text: L('deadline') }),
      h('dd', { text: (lang) => writeDate(state.form.deadline, lang) })),
    h('div', {}, h('dt', { text: L('focal') }), h('dd', {}, indicator.focal_officer))),
  h('details', { class: 'method' },
    h('summary', { text: L('method') }),
    h('p', { text: B(indicator.method) })),
  h('fieldset', { class: 'fields' },
    h('legend', { class: 'visually-hidden', text: (lang) => `${t(lang, 'fieldsLegend')} — ${code}` }),
    fields),
  h('div', { class: 'projection', id: `proj-${code}`, data: { projection: code } }),
  buildEvidence(indicator),
  indicator.explanation === 'none' ? null : buildExplanation(indicator),
  h('ul', { class: 'card-findings', id: `ind-${code}-findings`, 'aria-live': 'polite' }));
  return card;
}

function buildField(indicator, field) {
  const { item } = field;
  const existing = state.fields.get(item);
  if (existing) {
    existing.indicators.push(indicator.code);
    return h('p', { class: 'field shared', data: { sharedItem: item } },
      h('span', { class: 'field-name', text: B(field.name) }), ' — ',
      h('a', { href: `#f-${item}`, text: L('sharedField', { code: existing.indicators[0] }) }));
  }
  const id = `f-${item}`;
  const numeric = NUMERIC.has(field.value_type);
  const input = h('input', {
    id, name: item, type: 'text', autocomplete: 'off', spellcheck: 'false',
    inputmode: numeric ? 'decimal' : null,
    'aria-describedby': `m-${item} h-${item} p-${item}${state.current.has(item) ? ` c-${item}` : ''}`,
    data: { item, valueType: field.value_type },
  });
  const msg = h('p', { id: `m-${item}`, class: 'msg', role: 'status', 'aria-live': 'polite', data: { state: 'blank' } });
  const entry = { field, indicators: [indicator.code], input, msg, check: null };
  state.fields.set(item, entry);
  input.addEventListener('input', () => {
    entry.check = setup.nq57.checkField(item, input.value);
    renderField(entry);
    schedulePreview();
  });
  const previous = state.previous.get(item);
  const current = state.current.get(item);
  return h('div', { class: 'field', data: { field: item } },
    h('label', { for: id },
      h('span', { class: 'field-name', text: B(field.name) }),
      h('span', { class: 'field-code' }, item)),
    h('div', { class: 'input-row' },
      input,
      h('span', { class: 'suffix', 'aria-hidden': 'true', text: B(field.measure) })),
    h('p', { id: `h-${item}`, class: 'hint', text: L(`hint_${field.value_type}`) }),
    h('p', {
      id: `p-${item}`, class: 'previous',
      text: (lang) => (state.previousPeriod == null ? ''
        : previous ? t(lang, 'previous', { period: state.previousPeriod, value: valueText(previous, field.measure[lang], lang) })
          : t(lang, 'previousNone', { period: state.previousPeriod })),
    }),
    current ? h('p', {
      id: `c-${item}`, class: 'current',
      text: (lang) => t(lang, 'current', { value: valueText(current, field.measure[lang], lang) }),
    }) : null,
    msg);
}

function renderField(entry) {
  const { input, msg, check, field } = entry;
  const lang = state.lang;
  msg.replaceChildren();
  if (!check || check.blank) {
    input.removeAttribute('aria-invalid');
    delete input.dataset.value;
    msg.dataset.state = 'blank';
    return;
  }
  const problems = check.findings.map((finding) => h('span', { class: `finding ${finding.severity}`, data: { code: finding.code } },
    h('strong', {}, `${t(lang, finding.severity === 'error' ? 'error' : 'warning')}: `),
    lang === 'vi' ? finding.message_vi : finding.message_en, ' ',
    h('code', {}, finding.code)));
  if (!check.valid) {
    input.setAttribute('aria-invalid', 'true');
    delete input.dataset.value;
    msg.dataset.state = 'error';
    msg.append(h('span', { class: 'icon', 'aria-hidden': 'true' }, '✕'), ...problems);
    return;
  }
  input.removeAttribute('aria-invalid');
  input.dataset.value = check.value && 'number' in check.value ? check.value.number : JSON.stringify(check.value);
  msg.dataset.state = problems.length ? 'warning' : 'ok';
  const shown = check.display?.[lang] ?? '';
  const measure = field.measure[lang] && field.value_type !== 'yes_no' ? ` ${field.measure[lang]}` : '';
  msg.append(h('span', { class: 'icon', 'aria-hidden': 'true' }, '✓'),
    h('span', { class: 'reads' }, `${t(lang, 'valueReads')} `),
    h('output', { class: 'display', for: input.id }, `= ${shown}${measure}`),
    ...problems);
}

// --- evidence -----------------------------------------------------------------------------

function buildEvidence(indicator) {
  const { code } = indicator;
  state.evidence.set(code, []);
  const inputId = `e-${code}`;
  const picker = h('input', { type: 'file', id: inputId, class: 'file-input', multiple: true, 'aria-describedby': `e-${code}-docs` });
  const list = h('ul', { class: 'files', id: `e-${code}-files` });
  const empty = h('p', { class: 'files-empty', id: `e-${code}-empty`, text: L('evidenceNone') });
  picker.addEventListener('change', async () => {
    const files = [...picker.files];
    picker.value = '';
    for (const file of files) await addEvidence(code, file, list, empty);
  });
  const required = indicator.evidence.required;
  return h('section', { class: 'evidence', data: { evidence: code }, 'aria-labelledby': `e-${code}-title` },
    h('h4', { id: `e-${code}-title` },
      h('span', { text: L('evidence') }), ' ',
      h('span', { class: required ? 'req' : 'opt', text: (lang) => `(${t(lang, required ? 'evidenceRequired' : 'evidenceOptional')})` })),
    h('p', { class: 'docs', id: `e-${code}-docs`, text: (lang) => indicator.evidence.documents?.[lang] ?? t(lang, 'evidenceAttached', { code }) }),
    h('div', { class: 'picker' },
      picker,
      h('label', { for: inputId, class: 'file-button' },
        h('span', { 'aria-hidden': 'true' }, '+ '), h('span', { text: L('evidenceChoose') }))),
    empty,
    list);
}

async function addEvidence(code, file, list, empty) {
  const key = ++evidenceSeq;
  const entry = {
    key, file_name: file.name, size: file.size, media_type: file.type || 'application/octet-stream',
    sha256: null, document_number: '', document_date: '', summary: '',
  };
  state.evidence.get(code).push(entry);
  const hash = h('code', { class: 'sha', data: { sha256: '' }, text: L('evidenceHashing') });
  const docInput = (what, type, label) => {
    const id = `doc-${what}-${key}`;
    const input = h('input', { id, type, data: { doc: what }, autocomplete: 'off' });
    input.addEventListener('input', () => {
      entry[{ number: 'document_number', date: 'document_date', summary: 'summary' }[what]] = input.value.trim();
      schedulePreview();
    });
    return h('div', { class: `doc doc-${what}` }, h('label', { for: id, text: L(label) }), input);
  };
  const remove = h('button', { type: 'button', class: 'link-button', text: L('evidenceRemoveShort') });
  bind(remove, (lang) => t(lang, 'evidenceRemove', { name: file.name }), 'aria-label');
  const li = h('li', { class: 'file', data: { key: String(key) } },
    h('div', { class: 'file-head' },
      h('span', { class: 'file-type', 'aria-hidden': 'true' }, (file.name.split('.').pop() || '?').slice(0, 4).toUpperCase()),
      h('strong', { class: 'file-name' }, file.name),
      h('span', { class: 'file-size', text: (lang) => formatBytes(file.size, lang) }),
      remove),
    h('p', { class: 'file-hash' }, h('span', { text: (lang) => `${t(lang, 'evidenceHash')}: ` }), hash),
    h('div', { class: 'doc-grid' },
      docInput('number', 'text', 'docNumber'),
      docInput('date', 'date', 'docDate'),
      docInput('summary', 'text', 'docSummary')));
  remove.addEventListener('click', () => {
    const entries = state.evidence.get(code);
    entries.splice(entries.indexOf(entry), 1);
    li.remove();
    empty.hidden = entries.length > 0;
    $(`e-${code}`).focus();
    schedulePreview();
  });
  list.append(li);
  empty.hidden = true;
  try {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    entry.sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    bound = bound.filter(([el]) => el !== hash);
    hash.textContent = entry.sha256;
    hash.dataset.sha256 = entry.sha256;
  } catch (error) {
    hash.textContent = String(error);
  }
  schedulePreview();
}

// --- explanation --------------------------------------------------------------------------

function buildExplanation(indicator) {
  const { code } = indicator;
  const area = (what, label, optional) => {
    const id = `x-${code}-${what}`;
    const textarea = h('textarea', { id, rows: '3', data: { x: what }, required: optional ? null : true });
    textarea.addEventListener('input', schedulePreview);
    return h('div', { class: 'x-field' }, h('label', { for: id, text: L(label) }), textarea);
  };
  const boxes = codes('bottleneck').map((bottleneck) => {
    const id = `x-${code}-bn-${bottleneck}`;
    const box = h('input', { type: 'checkbox', id, value: bottleneck, data: { bottleneck } });
    box.addEventListener('change', schedulePreview);
    return h('div', { class: 'check' }, box, h('label', { for: id, text: W('bottleneck', bottleneck) }));
  });
  return h('section', {
    class: 'explain', data: { explain: code }, hidden: true, 'aria-labelledby': `x-${code}-title`,
  },
  h('h4', { id: `x-${code}-title`, text: L('explainRequired') }),
  h('p', { class: 'why', id: `x-${code}-why` }),
  area('causes', 'causes'),
  h('fieldset', { class: 'bottlenecks' }, h('legend', { text: L('bottlenecks') }), h('div', { class: 'checks' }, boxes)),
  area('solutions', 'solutions'),
  area('support', 'support', true));
}

function explanationOf(code) {
  const section = document.querySelector(`[data-explain="${code}"]`);
  if (!section) return null;
  const text = (what) => section.querySelector(`[data-x="${what}"]`).value.trim();
  const bottlenecks = [...section.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
  const causes = text('causes');
  const solutions = text('solutions');
  const support = text('support');
  if (!causes && !solutions && !support && bottlenecks.length === 0) return null;
  return { causes, bottlenecks, solutions, support };
}

// --- the filing ---------------------------------------------------------------------------

/** The filing as it stands: only entries that are filled in and valid, with their evidence. */
function buildFiling(at = now()) {
  const by = $('entered-by').value.trim();
  const { unit, period } = state;
  const submissions = [];
  for (const [item, entry] of state.fields) {
    const check = entry.check;
    if (!check || check.blank || !check.valid || !check.value) continue;
    const submission = { unit, item, period, value: check.value };
    if (entry.field.measure.vi) submission.measure = entry.field.measure.vi;
    submission.source = { kind: 'form' };
    const seen = new Set();
    const evidence = [];
    for (const code of entry.indicators) {
      for (const doc of state.evidence.get(code) ?? []) {
        if (!doc.sha256 || seen.has(doc.sha256)) continue;
        seen.add(doc.sha256);
        const record = { file_name: doc.file_name, sha256: doc.sha256, size: doc.size, media_type: doc.media_type };
        if (doc.document_number) record.document_number = doc.document_number;
        if (doc.document_date) record.document_date = doc.document_date;
        if (doc.summary) record.summary = doc.summary;
        evidence.push(record);
      }
    }
    if (evidence.length) submission.evidence = evidence;
    submission.submitted_by = by;
    submission.submitted_at = at;
    submissions.push(submission);
  }
  const explanations = [];
  for (const indicator of state.form.indicators) {
    const written = explanationOf(indicator.code);
    if (!written) continue;
    const explanation = {
      unit, indicator: indicator.code, period,
      causes: written.causes, bottlenecks: written.bottlenecks, solutions: written.solutions,
    };
    if (written.support) explanation.support_requested = written.support;
    explanation.submitted_by = by;
    explanation.submitted_at = at;
    explanations.push(explanation);
  }
  return { submissions, explanations };
}

function download() {
  const enteredBy = $('entered-by');
  const msg = $('download-msg');
  if (!enteredBy.value.trim()) {
    const text = h('span', { text: L('enteredByMissing') });
    $('entered-by-msg').replaceChildren(text);
    enteredBy.setAttribute('aria-invalid', 'true');
    msg.replaceChildren(h('span', { class: 'error-text', text: L('enteredByMissing') }));
    enteredBy.focus();
    return;
  }
  const filing = buildFiling();
  const name = `filing-${state.unit}-${state.period}.json`;
  const blob = new Blob([`${JSON.stringify(filing, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  msg.replaceChildren(h('span', { text: L('downloaded', { name }) }));
}

// --- preview ------------------------------------------------------------------------------

function schedulePreview() {
  $('summary').dataset.state = 'pending';
  $('summary-state').textContent = t(state.lang, 'summaryPending');
  updateDownloadCount();
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(runPreview, PREVIEW_DELAY_MS);
}

function runPreview() {
  clearTimeout(state.previewTimer);
  const filing = buildFiling();
  try {
    state.preview = setup.reporting.preview(setup.ledger, JSON.stringify(filing), state.unit, state.period, now());
    state.previewError = null;
  } catch (error) {
    state.previewError = error;
  }
  renderPreview();
  $('summary').dataset.state = state.previewError ? 'error' : 'done';
  $('summary-state').textContent = '';
}

function itemLabel(item, lang) {
  const entry = state.fields.get(item);
  if (entry) return `${entry.indicators[0]} › ${entry.field.name[lang]}`;
  const indicator = state.form.indicators.find((i) => i.code === item);
  return indicator ? `${indicator.code} · ${indicator.name[lang]}` : item;
}

function focusItem(item) {
  const field = state.fields.get(item);
  if (field) {
    field.input.focus();
    field.input.scrollIntoView({ block: 'center' });
    return;
  }
  const section = document.querySelector(`[data-explain="${item}"]`);
  const target = section && !section.hidden ? section.querySelector('textarea') : $(`ind-${item}-title`);
  if (target) {
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
}

function findingItem(finding, lang) {
  return h('li', { class: `finding ${finding.severity}`, data: { code: finding.code, item: finding.item ?? '' } },
    h('span', { class: 'sev', 'aria-hidden': 'true' }, finding.severity === 'error' ? '✕' : '!'),
    h('span', { class: 'finding-body' },
      finding.item
        ? h('a', {
          href: `#f-${finding.item}`,
          onclick: (event) => { event.preventDefault(); focusItem(finding.item); },
        }, itemLabel(finding.item, lang))
        : null,
      finding.item ? ': ' : '',
      lang === 'vi' ? finding.message_vi : finding.message_en, ' ',
      h('code', {}, finding.code)));
}

/** The findings as list items, the many "not reported yet" ones folded into one. */
function groupMissing(findings, lang) {
  const missing = findings.filter((f) => f.code === 'complete.missing');
  const items = [];
  let folded = false;
  for (const finding of findings) {
    if (finding.code !== 'complete.missing' || missing.length < 3) {
      items.push(findingItem(finding, lang));
      continue;
    }
    if (folded) continue;
    folded = true;
    const first = missing[0];
    items.push(h('li', { class: `finding ${first.severity} group`, data: { code: first.code, count: String(missing.length) } },
      h('span', { class: 'sev', 'aria-hidden': 'true' }, '✕'),
      h('details', { class: 'finding-body' },
        h('summary', {}, h('strong', {}, `${missing.length} × `), lang === 'vi' ? first.message_vi : first.message_en, ' ',
          h('code', {}, first.code)),
        h('ul', {}, missing.map((f) => h('li', { data: { item: f.item } }, h('a', {
          href: `#f-${f.item}`,
          onclick: (event) => { event.preventDefault(); focusItem(f.item); },
        }, itemLabel(f.item, lang))))))));
  }
  return items;
}

function renderPreview() {
  const lang = state.lang;
  const preview = state.preview;
  const error = state.previewError;
  const quality = preview?.quality;

  // Summary figures.
  const completeness = $('sum-completeness');
  completeness.textContent = quality?.completeness != null ? `${num(quality.completeness)} %` : '—';
  completeness.dataset.value = quality?.completeness ?? '';
  $('sum-completeness-detail').textContent = quality
    ? t(lang, 'completenessDetail', { reported: quality.reported, expected: quality.expected }) : '';
  $('sum-completeness-bar').style.width = `${Math.min(100, Number(quality?.completeness ?? 0))}%`;

  const qualityScore = $('sum-quality');
  qualityScore.replaceChildren(quality?.score != null
    ? h('span', {}, num(quality.score), h('small', {}, t(lang, 'outOf100'))) : '—');
  qualityScore.dataset.value = quality?.score ?? '';

  const score = $('sum-score');
  const projected = preview?.projected;
  score.replaceChildren(projected?.score != null
    ? h('span', {}, writeOutOf100(String(projected.score), lang), h('small', {}, t(lang, 'outOf100'))) : '—');
  score.dataset.value = projected?.score ?? '';

  const rank = $('sum-rank');
  const row = preview?.rank;
  if (row) {
    const movement = Number(row.movement ?? 0);
    const move = row.previous_rank == null ? null
      : movement > 0 ? `▲ ${t(lang, 'up', { n: movement })}` : movement < 0 ? `▼ ${t(lang, 'down', { n: -movement })}` : `● ${t(lang, 'same')}`;
    // Early in a period most peers have reported nothing and tie: say so, and do not present
    // the tie as a climb from last period's place.
    const tied = preview.tied ?? 0;
    rank.replaceChildren(
      h('span', { class: 'rank-text', data: { rank: String(row.rank), peers: String(preview.peers), tied: String(tied) } }, `${row.rank} / ${preview.peers}`),
      h('span', { class: 'sub' },
        row.band ? `${row.band.label[lang]}` : '',
        tied > 0 ? ` · ${t(lang, 'tied', { n: tied })}` : '',
        row.previous_rank != null ? ` · ${t(lang, 'rankDetail', { previous: row.previous_rank })}` : '',
        move && tied === 0 ? ` (${move})` : ''));
  } else {
    rank.replaceChildren(h('span', { class: 'rank-text' }, '—'), h('span', { class: 'sub' }, preview ? t(lang, 'rankNone') : ''));
  }

  $('sum-timeliness').textContent = t(lang, 'timelinessNow', {
    status: inSentence(word(lang, 'timeliness', timeliness(state.period, now(), now(), setup.calendar))),
  });

  // Findings.
  const findings = quality?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity !== 'error');
  const invalid = [...state.fields.values()].filter((e) => e.check && !e.check.blank && !e.check.valid);
  $('sum-errors').replaceChildren(h('strong', {}, String(errors.length)), ` ${t(lang, 'errors')}`);
  $('sum-errors').dataset.count = String(errors.length);
  $('sum-warnings').replaceChildren(h('strong', {}, String(warnings.length)), ` ${t(lang, 'warnings')}`);
  $('sum-warnings').dataset.count = String(warnings.length);
  $('sum-invalid').replaceChildren(h('strong', {}, String(invalid.length)), ` ${t(lang, 'invalidEntries')}`);
  $('sum-invalid').dataset.count = String(invalid.length);
  $('sum-invalid').hidden = invalid.length === 0;
  const list = $('sum-findings');
  list.replaceChildren(...groupMissing([...errors, ...warnings], lang));
  if (findings.length === 0 && quality) list.append(h('li', { class: 'none' }, t(lang, 'findingsNone')));
  const problem = $('preview-error');
  problem.hidden = !error;
  problem.textContent = error ? t(lang, 'previewFailed', { message: errorText(error, lang) }) : '';

  // Each indicator: its projected value, whether it is off track, its explanation.
  for (const indicator of state.form.indicators) renderIndicator(indicator, findings);
  updateDownloadCount();
}

function renderIndicator(indicator, findings) {
  const lang = state.lang;
  const { code } = indicator;
  const result = state.preview?.projected?.indicators?.find((i) => i.indicator === code);
  const items = new Set([code, ...indicator.fields.map((f) => f.item)]);
  const own = findings.filter((f) => items.has(f.item) && f.code !== 'complete.missing');

  const projection = $(`proj-${code}`);
  projection.replaceChildren();
  if (result) {
    const value = result.value && 'number' in result.value
      ? t(lang, 'projectedValue', { value: `${num(result.value.number)} ${indicator.measure[lang]}` }) : t(lang, 'projectedNone');
    const status = result.progress?.status;
    projection.append(h('span', { class: 'proj-label' }, `${t(lang, 'projection')}:`), ' ',
      h('span', { class: 'proj-value', data: { value: result.value?.number ?? '' } }, value));
    if (result.points != null) {
      projection.append(' · ', h('span', {}, t(lang, 'projectedPoints', {
        points: num(result.points, lang, 2), max: num(result.max_points),
      })));
    }
    if (status && status !== 'cannot_assess') {
      projection.append(' · ', h('span', { class: `progress ${status}`, data: { status } }, word(lang, 'progress_status', status)));
    }
  }
  projection.dataset.offTrack = result?.off_track ? 'true' : 'false';

  const badge = $(`ind-${code}-badge`);
  badge.hidden = !result?.off_track;
  badge.textContent = result?.off_track ? t(lang, 'offTrack', { reason: result.off_track[lang] }) : '';

  const section = document.querySelector(`[data-explain="${code}"]`);
  if (section) {
    const asked = findings.some((f) => f.item === code && f.code.startsWith('complete.explanation'));
    const required = indicator.explanation === 'always' || asked || Boolean(result?.off_track);
    const written = explanationOf(code) != null;
    section.hidden = !(required || written);
    section.dataset.required = String(required);
    const why = $(`x-${code}-why`);
    why.textContent = result?.off_track ? t(lang, 'explainWhy', { reason: result.off_track[lang] })
      : required ? '' : t(lang, 'explainOptional');
  }

  $(`ind-${code}-findings`).replaceChildren(...own.map((f) => findingItem(f, lang)));
}

function updateDownloadCount() {
  if (!state.form) return;
  const filing = buildFiling();
  const button = $('download');
  button.dataset.values = String(filing.submissions.length);
  button.dataset.explanations = String(filing.explanations.length);
  $('download-count').textContent = t(state.lang, 'downloadCount', {
    values: filing.submissions.length, explanations: filing.explanations.length,
  });
}

// --- language -----------------------------------------------------------------------------

function switchLanguage(lang) {
  state.lang = lang;
  relabel();
  if (!state.form) return;
  for (const entry of state.fields.values()) renderField(entry);
  renderPreview();
}

function relabel() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(lang, el.dataset.t);
  bound = bound.filter(([el]) => el.isConnected);
  for (const [el, fn, attr] of bound) {
    if (attr) el.setAttribute(attr, fn(lang));
    else el.textContent = fn(lang);
  }
  const button = $('lang');
  button.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
  button.setAttribute('aria-label', t(lang, 'langSwitchLabel'));
  button.dataset.lang = lang;
}

main();
