// A unit's own duty rules for a period: one small form per rule, not raw JSON; the API's errors appear at their field.
import { ApiError, all, get, session } from './api.js';
import { h, toast } from './dom.js';
import { describe } from './forms.js';
import { s } from './setup-text.js';
import { fieldWords } from './field-words.js';

const TYPES = {
  workload: [['maxShifts', 'number']],
  consecutiveDutyDays: [['max', 'number']],
  minRest: [['rest', 'text']],
  maxWeekends: [['max', 'number']],
  employmentType: [['role', 'text'], ['allowed', 'text']],
};

function ruleEditor(rule, index, onRemove) {
  const type = h('select', { name: 'type', testid: `rule-${index}-type` },
    Object.keys(TYPES).map((k) => h('option', { value: k, text: s(`type.${k}`), selected: k === rule.type })));
  const params = h('div.row');
  const drawParams = () => params.replaceChildren(...TYPES[type.value].map(([name, kind]) => {
    const raw = rule[name];
    const input = h('input', { name, type: kind, testid: `rule-${index}-${name}`, value: Array.isArray(raw) ? raw.join(',') : raw ?? '' });
    return h('div.field', { 'data-field': `rules[${index}].${name}` }, h('label', { text: s(name) }), input);
  }));
  type.addEventListener('change', drawParams);
  drawParams();
  const el = h('fieldset.rule', { 'data-field': `rules[${index}]`, testid: `rule-${index}` },
    h('div.field', { 'data-field': `rules[${index}].type` }, h('label', { text: s('ruleType') }), type), params,
    h('button.link', { type: 'button', text: s('remove'), onclick: onRemove }));
  el.read = () => {
    const out = { type: type.value };
    for (const [name, kind] of TYPES[type.value]) {
      const value = el.querySelector(`[name="${name}"]`).value.trim();
      if (value === '') continue;
      out[name] = kind === 'number' ? Number(value) : name === 'allowed' ? value.split(/[,，\s]+/).filter(Boolean) : value;
    }
    return out;
  };
  return el;
}

export function rulesPanel(units) {
  const unit = h('select', { testid: 'rules-unit' }, units.map(([id, label]) => h('option', { value: id, text: label })));
  const period = h('select', { testid: 'rules-period' });
  const body = h('div');
  let etag = null;
  let editors = [];

  // A unit chosen while the previous one loads: only the latest load draws, so one form shows, never two.
  let latest = 0;
  const draw = async () => {
    const seq = ++latest;
    body.replaceChildren();
    if (!period.value) return;
    const response = await fetch(`/api/v1/periods/${period.value}/units/${unit.value}/rules`, { headers: { Authorization: `Bearer ${session.token}` } });
    const data = await response.json();
    if (seq !== latest) return;
    etag = response.headers.get('ETag');
    const list = h('div');
    const redraw = (rules) => {
      editors = rules.map((r, i) => ruleEditor(r, i, () => redraw(editors.map((e) => e.read()).filter((_, j) => j !== i))));
      list.replaceChildren(...editors);
    };
    redraw(data.rules ?? []);
    const error = h('div.form-error', { hidden: true });
    const save = async () => {
      error.hidden = true;
      body.querySelectorAll('.field-error').forEach((e) => e.remove());
      body.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
      const response2 = await fetch(`/api/v1/periods/${period.value}/units/${unit.value}/rules`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) },
        body: JSON.stringify({ rules: editors.map((e) => e.read()) }),
      });
      const answer = await response2.json().catch(() => ({}));
      if (response2.ok) { etag = response2.headers.get('ETag'); toast(s('saved')); return; }
      const problem = new ApiError(response2.status, answer);
      error.replaceChildren(h('strong', { text: describe(problem) }));
      error.hidden = false;
      for (const [key, messages] of Object.entries(answer.errors ?? {})) {
        const holder = body.querySelector(`[data-field="${key}"]`) ?? body.querySelector(`[data-field="${key.replace(/\.[^.]*$/, '')}"]`);
        holder?.classList.add('invalid');
        holder?.append(h('div.field-error', { role: 'alert', testid: `error-${key}`, text: [].concat(messages).map(fieldWords).join('；') }));
      }
    };
    body.append(
      h('p.muted', { text: `${s('inherited')}: ${(data.periodRules ?? []).map((r) => (s(`type.${r.type}`) === `type.${r.type}` ? r.type : s(`type.${r.type}`))).join('、') || s('none')}` }),
      error, list,
      h('div.actions',
        h('button', { type: 'button', testid: 'rules-add', text: s('addRule'), onclick: () => redraw([...editors.map((e) => e.read()), { type: 'workload' }]) }),
        h('button', { type: 'button', testid: 'rules-save', text: s('save'), onclick: save })));
  };

  const loadPeriods = async () => {
    // The previous unit's form goes at once, so nothing is typed into it while the new one loads.
    body.replaceChildren();
    const seq = ++latest;
    const periods = await all(`/periods?unit=${unit.value}`);
    if (seq !== latest) return;
    period.replaceChildren(...periods.map((p) => h('option', { value: p.id, text: `${p.name} ${p.firstDay}–${p.lastDay}` })));
    await draw();
  };
  unit.addEventListener('change', loadPeriods);
  period.addEventListener('change', draw);
  loadPeriods().catch((e) => toast(describe(e)));
  return h('section.card', { testid: 'unit-rules' }, h('h3', { text: s('rules') }),
    h('div.row', h('label', s('unit'), unit), h('label', s('period'), period)), body);
}

export async function warningsPanel() {
  const periods = await all('/periods');
  const warnings = periods.flatMap((p) => (p.warnings ?? []).map((w) => ({ p, w })));
  return h('section.card', { testid: 'setup-warnings' }, h('h3', { text: s('warnings') }),
    warnings.length
      ? h('ul', warnings.map(({ p, w }) => h('li.warning', { testid: `warning-${w.code}-${w.year}` }, `${p.name}: ${document.documentElement.lang === 'en' ? w.messageEn : w.message}`)))
      : h('p.muted', { text: s('noWarnings') }));
}

export { get };
