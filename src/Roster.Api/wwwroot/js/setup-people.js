// People of a unit: the list, and an edit form per person (name, employment type, duty roles, phone, email, deactivate).
import { all, api } from './api.js';
import { h, toast } from './dom.js';
import { field } from './forms.js';
import { e } from './edit-text.js';
import { t } from './i18n.js';
import { checkbox, checked, checks, editForm, val } from './edit-fields.js';

const ROLES = ['leader', 'staff'];
const EMPLOYMENT = ['formal', 'contract', 'temporary'];

/** units: [id, label][] the account administers. */
export function peoplePanel(units) {
  const unit = h('select', { testid: 'people-unit' }, units.map(([id, label]) => h('option', { value: id, text: label })));
  const list = h('div.scroll', { testid: 'people-list' });
  const editor = h('div', { testid: 'person-editor' });

  let latest = 0;
  const load = async () => {
    // Only the latest choice draws: a slow earlier load must not replace the list of the unit chosen since.
    const seq = ++latest;
    const unitId = unit.value;
    editor.replaceChildren();
    const people = await all(`/units/${unitId}/people`);
    if (seq !== latest) return;
    list.replaceChildren(people.length ? h('table.grid', h('thead', h('tr',
      [e('people.staffNumber'), e('people.name'), e('people.employmentType'), e('people.roles'), e('people.phone'), ''].map((c) => h('th', { text: c })))),
    h('tbody', people.map((p) => h('tr', { testid: `person-${p.staffNumber ?? p.id}`, class: p.active ? '' : 'muted' },
      h('td', { text: p.staffNumber ?? '' }), h('td', { text: p.active ? p.name : `${p.name} · ${e('people.inactive')}` }),
      h('td', { text: e(`emp.${p.employmentType}`) }), h('td', { text: p.roles.map((r) => e(`role.${r}`)).join('、') }),
      h('td', { text: p.phone ?? '' }),
      h('td', h('button.link', { type: 'button', testid: 'edit-person', text: e('people.edit'), onclick: () => edit(p) }))))))
      : h('p.muted', { text: e('people.none') }));
    list.dataset.unit = unitId;
  };

  function edit(p) {
    const f = editForm('person-form', [h('div.row',
      field('name', e('people.name'), { value: p.name, testid: 'person-name' }),
      field('employmentType', e('people.employmentType'), { options: EMPLOYMENT.map((x) => [x, e(`emp.${x}`)]), value: p.employmentType, testid: 'person-employment' }),
      field('phone', e('people.phone'), { value: p.phone ?? '', testid: 'person-phone' }),
      field('email', e('people.email'), { value: p.email ?? '', testid: 'person-email' })),
    checks('roles', e('people.roles'), ROLES.map((r) => [r, e(`role.${r}`)]), p.roles, 'person-roles'),
    checkbox('active', e('people.active'), p.active, 'person-active'),
    ], t('common.save'), (form) => api('PUT', `/people/${p.id}`, {
      name: val(form, 'name'), employmentType: form.elements.employmentType.value, roles: checked(form, 'roles'), tags: p.tags,
      phone: val(form, 'phone') ?? null, email: val(form, 'email') ?? null, active: form.elements.active.checked,
    }, { ifMatch: `"${p.version}"` }), async () => { toast(e('people.saved')); await load(); });
    editor.replaceChildren(h('div.panel', h('h4', { text: `${p.name} ${p.staffNumber ?? ''}` }), f));
  }

  unit.addEventListener('change', () => load().catch((x) => toast(String(x.message))));
  if (units.length) load().catch((x) => toast(String(x.message)));
  return h('section.card', { testid: 'people-panel' }, h('h3', { text: e('people.title') }),
    h('label', e('people.unit'), unit), list, editor);
}
