// The explanation an off-track indicator asks for: causes, bottlenecks, solutions, support.
import { L, W, h } from './dom.js';
import { codes } from './i18n.js';
import { schedulePreview } from './preview.js';

export function buildExplanation(indicator) {
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

export function explanationOf(code) {
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
