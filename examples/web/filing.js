// The filing: what the form sends at once (the valid entries with their evidence, and the
// explanations), and its download as JSON.
import { $, L, h } from './dom.js';
import { explanationOf } from './explanation.js';
import { now, state } from './state.js';

/** The filing as it stands: only entries that are filled in and valid, with their evidence. */
export function buildFiling(at = now()) {
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

export function download() {
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
