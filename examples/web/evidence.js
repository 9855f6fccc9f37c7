// Evidence: the documents attached to an indicator, each hashed (SHA-256) in the page so that
// the filing names exactly the file that was chosen.
import { $, L, bind, h, unbind } from './dom.js';
import { formatBytes, t } from './i18n.js';
import { schedulePreview } from './preview.js';
import { state } from './state.js';

let evidenceSeq = 0;

export function buildEvidence(indicator) {
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
    unbind((el) => el === hash);
    hash.textContent = entry.sha256;
    hash.dataset.sha256 = entry.sha256;
  } catch (error) {
    hash.textContent = String(error);
  }
  schedulePreview();
}
