// The preview: the unit's data quality, projected score and place among its peers, worked out
// by the core on the filing as it stands, and shown beside the fields as they are typed.
import { timeliness, writeOutOf100 } from '../../bindings-wasm/pkg/web/chiso_wasm.js';
import { $, h, inSentence } from './dom.js';
import { explanationOf } from './explanation.js';
import { buildFiling } from './filing.js';
import { t, word } from './i18n.js';
import { PREVIEW_DELAY_MS, errorText, now, num, setup, state } from './state.js';

export function schedulePreview() {
  $('summary').dataset.state = 'pending';
  $('summary-state').textContent = t(state.lang, 'summaryPending');
  updateDownloadCount();
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(runPreview, PREVIEW_DELAY_MS);
}

export function runPreview() {
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

export function renderPreview() {
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

export function updateDownloadCount() {
  if (!state.form) return;
  const filing = buildFiling();
  const button = $('download');
  button.dataset.values = String(filing.submissions.length);
  button.dataset.explanations = String(filing.explanations.length);
  $('download-count').textContent = t(state.lang, 'downloadCount', {
    values: filing.submissions.length, explanations: filing.explanations.length,
  });
}
