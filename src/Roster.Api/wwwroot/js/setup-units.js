// Units: the whole subtree an admin reaches, searchable; create a unit, rename, move (new parent) or deactivate one.
import { api, post } from './api.js';
import { h, toast } from './dom.js';
import { field } from './forms.js';
import { e } from './edit-text.js';
import { checkbox, editForm, val } from './edit-fields.js';
import { s } from './setup-text.js';
import { t } from './i18n.js';

/**
 * units: every unit with its path (withPaths); administered: ids the account may change (its admin subtrees).
 * onChange: called after a save, to reload. options.createOnly: only the create form (the wizard's schools step).
 */
export function unitsPanel(units, administered, onChange, { createOnly = false, parentId } = {}) {
  const mine = units.filter((u) => administered.has(u.id));
  const parents = mine.filter((u) => u.active !== false).map((u) => [u.id, `${u.path} · ${u.name}`]);
  const editor = h('div', { testid: 'unit-editor' }, h('p.muted', { text: e('unit.pick') }));
  const search = h('input', { type: 'search', placeholder: s('search'), testid: 'unit-search' });
  const body = h('tbody');
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    body.replaceChildren(...units.filter((u) => !q || u.path.toLowerCase().includes(q) || u.name.toLowerCase().includes(q)).map((u) =>
      h('tr', { testid: `unit-${u.code}` }, h('td', { text: u.path }), h('td', { text: u.name }),
        h('td', { text: u.active === false ? s('inactive') : s('active') }),
        h('td', administered.has(u.id) ? h('button.link', { type: 'button', testid: `edit-unit-${u.code}`, text: e('unit.editBtn'), onclick: () => edit(u) }) : null))));
  };
  search.addEventListener('input', draw);
  draw();

  function edit(u) {
    const others = parents.filter(([id]) => id !== u.id && !units.find((x) => x.id === id)?.path.startsWith(`${u.path}/`));
    const f = editForm('unit-edit-form', [
      h('div.row',
        field('code', e('unit.code'), { value: u.code, testid: 'unit-code' }),
        field('name', e('unit.name'), { value: u.name, testid: 'unit-name' }),
        field('nameEn', e('unit.nameEn'), { value: u.nameEn ?? '', testid: 'unit-name-en' }),
        u.parentId ? field('parentId', e('unit.parent'), { options: others, value: u.parentId, testid: 'unit-parent' }) : null),
      checkbox('active', e('unit.active'), u.active !== false, 'unit-active'),
    ], t('common.save'), (form) => api('PUT', `/units/${u.id}`, {
      code: val(form, 'code'), name: val(form, 'name'), nameEn: val(form, 'nameEn') ?? null,
      parentId: u.parentId ? form.elements.parentId.value : undefined, active: form.elements.active.checked,
    }, { ifMatch: `"${u.version}"` }), async () => { toast(e('unit.saved')); await onChange(); });
    editor.replaceChildren(h('h4', { text: `${e('unit.edit')}: ${u.path}` }), f);
  }

  const create = editForm('unit-create-form', [h('div.row',
    field('parentId', e('unit.parent'), { options: parents, value: parentId, testid: 'new-unit-parent' }),
    field('code', e('unit.code'), { testid: 'new-unit-code' }),
    field('name', e('unit.name'), { testid: 'new-unit-name' }),
    field('nameEn', e('unit.nameEn'), { testid: 'new-unit-name-en' }),
    field('timeZone', e('unit.timeZone'), { value: 'Asia/Shanghai', testid: 'new-unit-time-zone' }))],
  e('unit.create'), (form) => post('/units', {
    parentId: form.elements.parentId.value, code: val(form, 'code'), name: val(form, 'name'), nameEn: val(form, 'nameEn'), timeZone: val(form, 'timeZone'),
  }), async () => { toast(e('unit.saved')); await onChange(); });

  return h('section.card', { testid: 'unit-tree' }, h('h3', { text: e('unit.title') }),
    createOnly ? null : [search, h('table.grid', h('thead', h('tr', h('th', { text: s('code') }), h('th', { text: s('name') }), h('th', { text: s('active') }), h('th'))), body), editor],
    h('h4', { text: e('unit.new') }), create);
}
