// Pieces the edit pages share: check boxes, a unit's path, and field errors whose key is deeper than any field on the form.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { showProblem } from './forms.js';
import { fieldWords } from './field-words.js';
import { lang } from './i18n.js';

/** A labelled check box; its value is read with form.elements[name].checked. */
export const checkbox = (name, label, checked, testid) => h('div.field.check', { 'data-field': name },
  h('label', h('input', { type: 'checkbox', name, checked: Boolean(checked), testid }), ` ${label}`));

/** A group of check boxes sharing one name (options: [value, label][]). */
export const checks = (name, label, options, chosen, testid) => h('div.field', { 'data-field': name, testid },
  h('label', { text: label }),
  h('div.actions', options.map(([value, text]) => h('label', h('input', { type: 'checkbox', name, value, checked: chosen.includes(value), testid: `${testid}-${value}` }), ` ${text}`))));

export const checked = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

/** Every unit with its code path from the top of what the account sees, sorted by path. */
export function withPaths(units) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path = (u) => (u.parentId && byId.has(u.parentId) ? `${path(byId.get(u.parentId))}/${u.code}` : u.code);
  return units.map((u) => ({ ...u, path: path(u) })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The units in the subtrees of the given units. */
export function subtreeOf(units, tops) {
  const inside = new Set(tops);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units) if (!inside.has(u.id) && inside.has(u.parentId)) { inside.add(u.id); grew = true; }
  }
  return inside;
}

/**
 * Shows a problem on a form; an error for "holidays[2].from" or "headcount.staff" lands on the nearest field that exists
 * ("holidays", "headcount"), so no message is left away from its field.
 */
export function showAtFields(form, error) {
  if (error instanceof ApiError && error.problem.errors) {
    const names = [...form.querySelectorAll('[data-field]')].map((f) => f.dataset.field.toLowerCase());
    const moved = {};
    for (const [key, messages] of Object.entries(error.problem.errors)) {
      let name = key.replace(/^\$\.?/, '');
      while (name && !names.includes(name.toLowerCase())) {
        const shorter = name.replace(/(\[\d+\]|\.[^.[\]]*)$/, '');
        name = shorter === name ? '' : shorter;
      }
      const target = name || key;
      const prefix = target === key ? '' : `${key.slice(target.length).replace(/^\./, '')}: `;
      moved[target] = [...(moved[target] ?? []), ...[].concat(messages).map((m) => prefix + fieldWords(m))];
    }
    const count = Object.values(moved).flat().length;
    const detail = lang() === 'en' ? error.problem.detail : `请改正标出的 ${count} 处错误。`;
    error = new ApiError(error.status, { ...error.problem, detail, errors: moved });
  }
  showProblem(form, error);
}

/** A form like forms.js's, but errors are placed with showAtFields and the submit reads the form element itself. */
export function editForm(testid, children, submitLabel, submit, onDone) {
  const el = h('form.form', { testid, novalidate: true }, h('div.form-error', { hidden: true }), children,
    h('div.actions', h('button.primary', { type: 'submit', text: submitLabel, testid: `${testid}-submit` })));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = el.querySelector('button[type=submit]');
    button.disabled = true;
    el.querySelectorAll('.field-error').forEach((x) => x.remove());
    el.querySelectorAll('.invalid').forEach((x) => x.classList.remove('invalid'));
    const box = el.querySelector('.form-error');
    box.hidden = true;
    try {
      const result = await submit(el);
      await onDone?.(result);
    } catch (error) {
      showAtFields(el, error);
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

/** The value of a named control, or undefined when empty. */
export const val = (form, name) => {
  const v = form.elements[name]?.value?.trim();
  return v === '' || v === undefined ? undefined : v;
};
