// Setup (设置): the unit tree with search, imports of units and of the staff list, a unit's own rules, and warnings.
import { all } from './api.js';
import { h } from './dom.js';
import { describe } from './forms.js';
import { importPanel } from './setup-import.js';
import { rulesPanel, warningsPanel } from './setup-rules.js';
import { s } from './setup-text.js';

/** Every unit the account can see, with its code path from the top of what it sees. */
function withPaths(units) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path = (u) => (u.parentId && byId.has(u.parentId) ? `${path(byId.get(u.parentId))}/${u.code}` : u.code);
  return units.map((u) => ({ ...u, path: path(u) })).sort((a, b) => a.path.localeCompare(b.path));
}

function tree(units) {
  const search = h('input', { type: 'search', placeholder: s('search'), testid: 'unit-search' });
  const body = h('tbody');
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    body.replaceChildren(...units.filter((u) => !q || u.path.toLowerCase().includes(q) || u.name.toLowerCase().includes(q)).map((u) =>
      h('tr', { testid: `unit-${u.code}` }, h('td', { text: u.path }), h('td', { text: u.name }), h('td', { text: u.active === false ? s('inactive') : s('active') }))));
  };
  search.addEventListener('input', draw);
  draw();
  return h('section.card', { testid: 'unit-tree' }, h('h3', { text: s('units') }), search,
    h('table.grid', h('thead', h('tr', h('th', { text: s('code') }), h('th', { text: s('name') }), h('th', { text: s('active') }))), body));
}

export function render(container, { me }) {
  (async () => {
    try {
      const units = withPaths(await all('/units'));
      const administered = new Set(me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
      const below = (u) => administered.has(u.id) || (u.parentId && units.some((p) => p.id === u.parentId && below(p)));
      const choices = units.filter(below).map((u) => [u.id, `${u.path} · ${u.name}`]);
      container.replaceChildren(h('h2', { text: s('title') }), await warningsPanel(), tree(units),
        importPanel('units', choices), importPanel('people', choices), rulesPanel(choices));
    } catch (error) {
      container.replaceChildren(h('p.form-error', { role: 'alert', text: describe(error) }));
    }
  })();
}
