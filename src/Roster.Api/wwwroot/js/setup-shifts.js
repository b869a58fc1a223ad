// Shifts of a period by day type: people on duty and on standby (备班) per role, presence, start and length.
import { all, del, post, api } from './api.js';
import { h, toast } from './dom.js';
import { act, field } from './forms.js';
import { e } from './edit-text.js';
import { checked, checks, editForm, val } from './edit-fields.js';

const ROLES = ['leader', 'staff'];
const DAYS = ['workday', 'weekend', 'holiday'];
const hours = (iso) => { const m = /^PT(?:(\d+)H)?(?:(\d+)M)?/.exec(iso ?? ''); return m ? Number(m[1] ?? 0) + Number(m[2] ?? 0) / 60 : ''; };

/** Hours typed, sent as the ISO length; named "hours" (a form's elements.length is its size), errors for "length" land here. */
function lengthField(shift) {
  const el = field('hours', e('shift.hours'), { type: 'number', value: shift ? hours(shift.length) : 24, testid: 'shift-hours' });
  el.dataset.field = 'length';
  return el;
}

function shiftForm(periodId, shift, onSaved) {
  const perRole = (name, label, source, testid) => h('div.row', h('strong', { text: label }), ROLES.map((r) =>
    field(`${name}.${r}`, e(`role.${r}`), { type: 'number', value: source?.[r] ?? 0, testid: `${testid}-${r}` })));
  const f = editForm('shift-form', [
    h('div.row',
      field('code', e('shift.code'), { value: shift?.code ?? '', testid: 'shift-code' }),
      field('name', e('shift.name'), { value: shift?.name ?? '', testid: 'shift-name' }),
      field('nameEn', e('shift.nameEn'), { value: shift?.nameEn ?? '', testid: 'shift-name-en' }),
      field('startsAt', e('shift.startsAt'), { type: 'time', value: (shift?.startsAt ?? '08:00:00').slice(0, 5), testid: 'shift-starts-at' }),
      lengthField(shift)),
    checks('dayTypes', e('shift.dayTypes'), DAYS.map((d) => [d, e(`day.${d}`)]), shift?.dayTypes ?? DAYS, 'shift-days'),
    h('div.field', { 'data-field': 'headcount' }, perRole('headcount', e('shift.headcount'), shift?.headcount, 'shift-headcount')),
    h('div.field', { 'data-field': 'standby' }, perRole('standby', e('shift.standby'), shift?.standby, 'shift-standby')),
    h('div.row', { 'data-field': 'presence' }, h('strong', { text: e('shift.presence') }), ROLES.map((r) =>
      field(`presence.${r}`, e(`role.${r}`), { options: ['on_site', 'reachable'].map((p) => [p, e(`presence.${p}`)]), value: shift?.presence?.[r] ?? 'on_site', testid: `shift-presence-${r}` }))),
  ], e('shift.save'), (form) => {
    const count = (name) => Object.fromEntries(ROLES.map((r) => [r, Number(form.elements[`${name}.${r}`].value || 0)]));
    const headcount = Object.fromEntries(Object.entries(count('headcount')).filter(([, n]) => n > 0));
    const standby = Object.fromEntries(Object.entries(count('standby')).filter(([, n]) => n > 0));
    const length = Number(val(form, 'hours'));
    const body = {
      code: val(form, 'code'), name: val(form, 'name'), nameEn: val(form, 'nameEn'), dayTypes: checked(form, 'dayTypes'),
      startsAt: val(form, 'startsAt') ? `${val(form, 'startsAt')}:00` : undefined,
      length: Number.isFinite(length) && length > 0 ? `PT${Math.round(length * 60)}M` : 'PT0S',
      headcount, standby, presence: Object.fromEntries(Object.keys(headcount).map((r) => [r, form.elements[`presence.${r}`].value])),
    };
    return shift ? api('PUT', `/periods/${periodId}/shifts/${shift.id}`, body, { ifMatch: `"${shift.version}"` }) : post(`/periods/${periodId}/shifts`, body);
  }, async () => { toast(e('shift.saved')); await onSaved(); });
  return f;
}

/** The shifts of one period, each editable, and a form for a new one. */
export function shiftsEditor(periodId) {
  const root = h('div', { testid: 'shifts-editor' });
  const draw = async () => {
    const shifts = await all(`/periods/${periodId}/shifts`);
    const editor = h('div');
    const table = shifts.length ? h('table.grid', { testid: 'shift-list' }, h('thead', h('tr',
      [e('shift.code'), e('shift.name'), e('shift.dayTypes'), e('shift.startsAt'), e('shift.hours'), e('shift.headcount'), e('shift.standby'), ''].map((c) => h('th', { text: c })))),
    h('tbody', shifts.map((s) => {
      const remove = h('button.link', { type: 'button', text: e('shift.delete') });
      remove.addEventListener('click', () => act(remove, async () => { await del(`/periods/${periodId}/shifts/${s.id}`, `"${s.version}"`); await draw(); }));
      const roles = (map) => Object.entries(map ?? {}).map(([r, n]) => `${e(`role.${r}`) === `role.${r}` ? r : e(`role.${r}`)} ${n}`).join('、');
      return h('tr', { testid: `shift-${s.code}` }, h('td', { text: s.code }), h('td', { text: s.name }),
        h('td', { text: s.dayTypes.map((d) => e(`day.${d}`)).join('、') }), h('td', { text: s.startsAt.slice(0, 5) }), h('td', { text: String(hours(s.length)) }),
        h('td', { text: roles(s.headcount) }), h('td', { testid: `shift-${s.code}-standby`, text: roles(s.standby) }),
        h('td.actions', h('button.link', { type: 'button', text: e('people.edit'), onclick: () => editor.replaceChildren(h('h4', { text: `${e('shift.edit')}: ${s.code}` }), shiftForm(periodId, s, draw)) }), remove));
    }))) : h('p.muted', { text: e('shift.none') });
    root.replaceChildren(table, editor, h('h4', { text: e('shift.new') }), shiftForm(periodId, null, draw));
  };
  draw().catch((x) => toast(String(x.message)));
  return root;
}

/** The shifts panel of the setup page: choose a period (periods: [id, label][]), then edit its shifts. */
export function shiftsPanel(periods) {
  const pick = h('select', { testid: 'shifts-period' }, periods.map(([id, label]) => h('option', { value: id, text: label })));
  const holder = h('div');
  const draw = () => holder.replaceChildren(pick.value ? shiftsEditor(pick.value) : h('p.muted', { text: e('period.none') }));
  pick.addEventListener('change', draw);
  draw();
  return h('section.card', { testid: 'shifts-panel' }, h('h3', { text: e('shift.title') }), h('label', e('period.pick'), pick), holder);
}
