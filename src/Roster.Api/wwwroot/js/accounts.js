// Accounts (administrators): the accounts of my units, create one (its one-time password shown once), change its grants,
// reset its password (shown once), deactivate or reactivate it.
import { all, api, post } from './api.js';
import { clear, h, section, toast } from './dom.js';
import { act, describe, field, form } from './forms.js';
import { t } from './i18n.js';

export function render(root, { me }) {
  const state = { alive: true, units: [], accounts: [] };
  const list = h('div.scroll', { testid: 'accounts-list' });
  const secret = h('div', { testid: 'one-time-holder' });
  const editor = h('div', { testid: 'grants-holder' });
  const creator = h('div');
  clear(root, section(t('acc.title'), 'accounts', secret, list, editor), creator);

  (async () => {
    try {
      state.units = await all('/units');
      state.administered = subtree(state.units, me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
      state.supervised = subtree(state.units, me.grants.filter((g) => g.role === 'supervisor').map((g) => g.unitId));
      drawCreator();
      await refresh();
    } catch (e) { clear(list, h('p.inline-error', { text: describe(e) })); }
  })();

  const unitName = (id) => state.units.find((u) => u.id === id)?.name ?? id;
  const roleName = (role) => t(`acc.role.${role}`);

  async function refresh() {
    state.accounts = await all('/accounts');
    if (!state.alive) return;
    clear(list, h('table.grid', h('thead', h('tr', [t('acc.username'), t('acc.displayName'), t('acc.grants'), t('acc.status'), ''].map((c) => h('th', { text: c })))),
      h('tbody', state.accounts.map(row))));
  }

  function row(account) {
    const status = !account.active ? t('acc.inactive') : account.passwordChangeRequired ? t('acc.mustChange') : t('acc.active');
    const grants = h('button', { type: 'button', testid: 'edit-grants', text: t('acc.editGrants') });
    grants.addEventListener('click', () => drawEditor(account));
    const reset = h('button', { type: 'button', testid: 'reset-password', text: t('acc.reset') });
    // Two steps: a reset ends the account's sessions at once.
    reset.addEventListener('click', () => {
      const confirm = h('button.primary', { type: 'button', testid: 'confirm-reset', text: t('acc.confirmReset') });
      confirm.addEventListener('click', () => act(confirm, async () => {
        const result = await post(`/accounts/${account.id}:reset-password`, {});
        showOnce(account.username, result.oneTimePassword);
        await refresh();
      }));
      reset.replaceWith(confirm);
    });
    const toggle = h('button', { type: 'button', testid: account.active ? 'deactivate' : 'activate', text: account.active ? t('acc.deactivate') : t('acc.activate') });
    toggle.addEventListener('click', () => act(toggle, async () => {
      await api('PUT', `/accounts/${account.id}`, { displayName: account.displayName, personId: account.personId, active: !account.active }, { ifMatch: `"${account.version}"` });
      toast(account.active ? t('acc.deactivated') : t('acc.activated'));
      await refresh();
    }));
    return h('tr', { testid: 'account', 'data-username': account.username },
      h('td', { text: account.username }), h('td', { text: account.displayName }),
      h('td', { testid: 'account-grants', text: account.grants.map((g) => `${unitName(g.unitId)} · ${roleName(g.role)}`).join('；') }),
      h('td', { testid: 'account-status', text: status }),
      h('td.actions', grants, reset, account.id === me.id ? null : toggle));
  }

  /** A one-time password, shown once, with whom it is for. */
  function showOnce(username, password) {
    clear(secret, h('div.panel', { testid: 'one-time' },
      h('strong', { text: t('acc.oneTime', { name: username }) }),
      h('code', { testid: 'one-time-password', text: password }),
      h('p.muted', { text: t('acc.oneTimeHint') })));
  }

  function grantChoices() {
    const roles = (unitId) => ['staff', 'admin', ...(state.supervised.has(unitId) ? ['supervisor'] : [])];
    const units = state.units.filter((u) => state.administered.has(u.id));
    return { units, roles };
  }

  function drawCreator() {
    const { units } = grantChoices();
    const create = form('account-form', [
      field('username', t('acc.username'), { required: true, testid: 'new-username' }),
      field('displayName', t('acc.displayName'), { required: true, testid: 'new-display-name' }),
      field('unitId', t('common.unit'), { options: units.map((u) => [u.id, u.name]), testid: 'new-unit' }),
      field('role', t('acc.role'), { options: ['staff', 'admin', 'supervisor'].map((r) => [r, roleName(r)]), value: 'staff', testid: 'new-role' }),
    ], t('acc.create'), (v) => post('/accounts', {
      username: v.username, displayName: v.displayName, grants: [{ unitId: v.unitId, role: v.role }],
    }), { onDone: async (result) => { showOnce(result.account.username, result.oneTimePassword); await refresh(); } });
    clear(creator, section(t('acc.new'), 'account-create', create));
  }

  function drawEditor(account) {
    const { units, roles } = grantChoices();
    const chosen = account.grants.map((g) => ({ ...g }));
    const rows = h('ul.list', { testid: 'grant-rows' });
    const draw = () => clear(rows, chosen.map((g, i) => {
      const remove = h('button', { type: 'button', testid: 'remove-grant', text: t('acc.remove') });
      remove.addEventListener('click', () => { chosen.splice(i, 1); draw(); });
      return h('li', { testid: 'grant-row' }, h('span', { text: `${unitName(g.unitId)} · ${roleName(g.role)}` }), remove);
    }));
    draw();
    const unit = h('select', { testid: 'grant-unit', 'aria-label': t('common.unit') }, units.map((u) => h('option', { value: u.id, text: u.name })));
    const role = h('select', { testid: 'grant-role', 'aria-label': t('acc.role') });
    const roleOptions = () => clear(role, roles(unit.value).map((r) => h('option', { value: r, text: roleName(r) })));
    unit.addEventListener('change', roleOptions);
    roleOptions();
    const add = h('button', { type: 'button', testid: 'add-grant', text: t('acc.addGrant') });
    add.addEventListener('click', () => {
      if (!chosen.some((g) => g.unitId === unit.value && g.role === role.value)) chosen.push({ unitId: unit.value, role: role.value });
      draw();
    });
    const save = h('button.primary', { type: 'button', testid: 'save-grants', text: t('common.save') });
    save.addEventListener('click', () => act(save, async () => {
      await api('PUT', `/accounts/${account.id}/grants`, chosen.map((g) => ({ unitId: g.unitId, role: g.role })), { ifMatch: `"${account.version}"` });
      toast(t('acc.grantsSaved'));
      clear(editor);
      await refresh();
    }));
    const close = h('button', { type: 'button', text: t('common.close') });
    close.addEventListener('click', () => clear(editor));
    clear(editor, h('div.panel', { testid: 'grants-editor' }, h('h3', { text: t('acc.grantsOf', { name: account.username }) }), rows,
      h('div.toolbar', unit, role, add), h('div.actions', save, close)));
  }

  return () => { state.alive = false; };
}

/** The units in the subtrees of the given units. */
function subtree(units, tops) {
  const inside = new Set(tops);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (!inside.has(u.id) && inside.has(u.parentId)) { inside.add(u.id); grew = true; }
    }
  }
  return inside;
}
