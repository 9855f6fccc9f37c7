// A field: one data element typed as text, checked by the core at every keystroke, shown beside
// the value in force for the previous period.
import { B, L, h } from './dom.js';
import { t } from './i18n.js';
import { schedulePreview } from './preview.js';
import { NUMERIC, setup, state, valueText } from './state.js';

export function buildField(indicator, field) {
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

export function renderField(entry) {
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
