// Forms: problem details (RFC 9457) shown next to the field at fault, in the user's language; what was typed stays.
import { ApiError } from './api.js';
import { h, toast } from './dom.js';
import { t } from './i18n.js';

/** A labelled field: input, select (options: [value, label][]) or textarea. */
export function field(name, label, { type = 'text', options, value, required, rows, testid } = {}) {
  let control;
  if (options) {
    control = h('select', { name, id: `f-${name}` }, options.map(([v, text]) => h('option', { value: v, text, selected: v === value })));
  } else if (type === 'textarea') {
    control = h('textarea', { name, id: `f-${name}`, rows: rows ?? 2 });
    if (value) control.value = value;
  } else {
    control = h('input', { name, id: `f-${name}`, type, value: value ?? '', autocomplete: type === 'password' ? 'current-password' : 'off' });
  }
  if (required) control.required = true;
  if (testid) control.dataset.testid = testid;
  return h('div.field', { 'data-field': name }, h('label', { for: control.id, text: label }), control);
}

/** The label of an HTTP status in the user's language. */
export function statusLabel(error) {
  if (!(error instanceof ApiError)) return t('error.500');
  if (error.status === 0) return t('error.network');
  return t(`error.${error.status}`) === `error.${error.status}` ? `HTTP ${error.status}` : t(`error.${error.status}`);
}

/** A one-line description of any error: translated label, then the API's own words. */
export function describe(error) {
  const detail = error instanceof ApiError ? (error.problem.detail || error.problem.title || '') : String(error?.message ?? error);
  return detail ? `${statusLabel(error)}: ${detail}` : statusLabel(error);
}

/** Clears earlier messages and shows a problem on the form: each field error under its field, the rest on top. */
export function showProblem(form, error) {
  clearProblem(form);
  const box = form.querySelector('.form-error') ?? form.prepend(h('div.form-error')) ?? form.querySelector('.form-error');
  const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? {}) : {};
  const unplaced = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const name = key.replace(/^\$\.?/, '');
    const holder = [...form.querySelectorAll('[data-field]')].find((f) => f.dataset.field.toLowerCase() === name.toLowerCase());
    const text = `${t('error.field')}: ${[].concat(messages).join('；')}`;
    if (holder) {
      holder.classList.add('invalid');
      holder.append(h('div.field-error', { role: 'alert', testid: `error-${name}`, text }));
    } else {
      unplaced.push(`${name}: ${[].concat(messages).join('；')}`);
    }
  }
  const violations = error instanceof ApiError ? (error.problem.violations ?? []).map((v) => v.message) : [];
  box.replaceChildren(h('strong', { text: statusLabel(error) }),
    h('span', { text: ` ${error instanceof ApiError ? (error.problem.detail || error.problem.title || '') : ''}` }),
    [...unplaced, ...violations].map((line) => h('div', { text: line })));
  box.hidden = false;
  box.setAttribute('role', 'alert');
}

export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const box = form.querySelector('.form-error');
  if (box) { box.hidden = true; box.replaceChildren(); }
}

/** Values of the named controls; empty strings become undefined so the API sees them as absent. */
export function values(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) out[key] = value === '' ? undefined : value;
  return out;
}

/**
 * A form that sends its values with submit(values); on failure the problem is shown and the typed values stay.
 * On success: onDone(result), then the form is reset unless keep is true.
 */
export function form(testid, children, submitLabel, submit, { onDone, keep = false } = {}) {
  const el = h('form.form', { testid, novalidate: true }, h('div.form-error', { hidden: true }), children,
    h('div.actions', h('button', { type: 'submit', text: submitLabel })));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = el.querySelector('button[type=submit]');
    button.disabled = true;
    clearProblem(el);
    try {
      const result = await submit(values(el));
      if (!keep) el.reset();
      await onDone?.(result);
    } catch (error) {
      showProblem(el, error);
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

/** Runs an action from a button; a failure is shown as a toast and inline next to the button. */
export async function act(button, action) {
  button.disabled = true;
  button.parentElement?.querySelector(':scope > .inline-error')?.remove();
  try {
    return await action();
  } catch (error) {
    toast(describe(error));
    button.after(h('span.inline-error', { role: 'alert', text: describe(error) }));
    return undefined;
  } finally {
    button.disabled = false;
  }
}
