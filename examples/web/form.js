// The reporting form: a unit's officer types the period's figures and sees, before anything is
// sent, which entries are wrong, which lack evidence or an explanation, and what the unit's
// score and rank will be. Everything is computed in the page by chiso (WebAssembly); nothing is
// sent anywhere: the result is a filing (JSON) the officer downloads.
//
// This file starts the page and builds the form; its parts are modules of their own: the state
// (state.js), DOM helpers (dom.js), fields (fields.js), evidence (evidence.js), explanations
// (explanation.js), the filing (filing.js) and the preview (preview.js).
import init, {
  Catalogue, Ledger, Reporting, describePeriodJson, timeliness, vocabulary, writeDate,
} from '../../bindings-wasm/pkg/web/chiso_wasm.js';
import { $, B, L, W, bind, h, inSentence, rebind, unbind } from './dom.js';
import { buildEvidence } from './evidence.js';
import { buildExplanation } from './explanation.js';
import { buildField, renderField } from './fields.js';
import { download } from './filing.js';
import { codes, t, useVocabulary, word } from './i18n.js';
import { renderPreview, runPreview } from './preview.js';
import {
  DEFAULT_PERIOD, DEFAULT_UNIT, PERIODS, errorText, fetchText, now, setup, state,
} from './state.js';

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

function buildForm() {
  clearTimeout(state.previewTimer);
  const rebound = [$('cards'), $('form-head'), document.querySelector('title'), $('as-of')];
  unbind((el) => rebound.some((root) => root.contains(el)));
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
  rebind(lang);
  const button = $('lang');
  button.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
  button.setAttribute('aria-label', t(lang, 'langSwitchLabel'));
  button.dataset.lang = lang;
}

main();
