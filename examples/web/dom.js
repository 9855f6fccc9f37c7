// The page's DOM helpers: elements built in one call, and texts that follow the language.
import { t, word } from './i18n.js';
import { state } from './state.js';

/** Text nodes that follow the language: [element, (lang) => string, attribute?]. */
let bound = [];

export const $ = (id) => document.getElementById(id);

/** Sets `el`'s text (or `attr`) from `fn(lang)` now and at every language switch. */
export function bind(el, fn, attr) {
  const apply = () => (attr ? el.setAttribute(attr, fn(state.lang)) : (el.textContent = fn(state.lang)));
  apply();
  bound.push([el, fn, attr]);
  return el;
}

/** Stops following the language for the elements `drop` picks (and for any no longer shown). */
export function unbind(drop) {
  bound = bound.filter(([el]) => el.isConnected && !drop(el));
}

/** Writes every followed text again in `lang`. */
export function rebind(lang) {
  unbind(() => false);
  for (const [el, fn, attr] of bound) {
    if (attr) el.setAttribute(attr, fn(lang));
    else el.textContent = fn(lang);
  }
}

export const L = (key, vars) => (lang) => t(lang, key, vars);
/** A value's label from the core's vocabulary, in whichever language is shown. */
export const W = (name, code) => (lang) => word(lang, name, code);
/** A label as it reads within a sentence: its first letter in lower case. */
export const inSentence = (label) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
export const B = (text) => (lang) => text?.[lang] ?? '';

/** A DOM element: `h('p', {class: 'x', text: L('key')}, child, ...)`. */
export function h(tag, props = {}, ...children) {
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
