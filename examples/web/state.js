// The form's state: what was loaded once (the catalogue, the organisation, the ledger) and what
// the officer is doing now (unit, period, entries, evidence, the last preview), with the few
// helpers that read it.
import { writeNumber, writeValue } from '../../bindings-wasm/pkg/web/chiso_wasm.js';

export const SAMPLE = '../data/sample/';
export const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
export const DEFAULT_UNIT = 'DN';
export const DEFAULT_PERIOD = '2026-Q4';
export const NUMERIC = new Set(['number', 'percent', 'ratio', 'rank', 'count']);
export const PREVIEW_DELAY_MS = 250;

export const setup = { nq57: null, reporting: null, ledger: null, calendar: '', units: [] };
export const state = {
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

/** A decimal string for people, in the current language (`1234.5` → `1.234,5`), rounded half
 * up to `places` when given: the core writes it, as every renderer's numbers. */
export function num(decimal, lang = state.lang, places = undefined) {
  if (decimal == null) return '—';
  try {
    return writeNumber(String(decimal), lang, places);
  } catch {
    return String(decimal);
  }
}

/** The moment the form works at: `?now=` when given (for reproducible runs), else the clock. */
export function now() {
  if (state.fixedNow) return state.fixedNow;
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** An error thrown by chiso in the current language. */
export function errorText(error, lang = state.lang) {
  const message = (lang === 'vi' ? error?.messageVi : error?.messageEn) ?? error?.message ?? String(error);
  return error?.code ? `${message} (${error.code})` : message;
}

/** A value as the core writes it for people (`12,5 trạm`, `có`), with its measure after a number. */
export function valueText(value, measure, lang = state.lang) {
  if (!value) return '—';
  if ('number' in value) return `${num(value.number, lang)}${measure ? ` ${measure}` : ''}`;
  return writeValue(JSON.stringify(value), lang);
}

export async function fetchText(name) {
  const response = await fetch(SAMPLE + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response.text();
}
