// Start-up: sign-in, the tabs the account's grants allow, the language switch, and a hash router (#admin, #staff,
// #supervisor, #on-duty, #statistics, #accounts, #setup, #wizard).
import { ApiError, get, post, session, whenSignedOut } from './api.js';
import { clear, h } from './dom.js';
import { field, form } from './forms.js';
import { lang, setLang, t } from './i18n.js';

const pages = {
  admin: () => import('./admin.js'),
  accounts: () => import('./accounts.js'),
  staff: () => import('./staff.js'),
  supervisor: () => import('./supervisor.js'),
  setup: () => import('./setup.js'),
  'on-duty': () => import('./on-duty.js'),
  statistics: () => import('./statistics.js'),
  wizard: () => import('./wizard.js'),
};
const main = document.getElementById('app');
let me = null;
let dispose = () => {};

function chrome() {
  document.documentElement.lang = lang();
  document.title = `${t('app.title')} · Roster`;
  document.getElementById('app-title').textContent = t('app.title');
  document.getElementById('lang').textContent = t('lang.other');
  const out = document.getElementById('sign-out');
  out.textContent = t('signOut');
  out.hidden = !me;
  document.getElementById('who').textContent = me ? me.displayName || me.username : '';
  const tabs = document.getElementById('tabs');
  clear(tabs, me && !me.passwordChangeRequired ? roles().map((role) => h('a', {
    href: `#${role}`, text: t(`tab.${role}`), testid: `tab-${role}`, class: role === current() ? 'active' : '',
  })) : []);
}

/** The kinds of page this account may see, from its grants (a person on duty also sees their own duties). */
function roles() {
  const granted = new Set(me.grants.map((g) => g.role));
  if (me.personId) granted.add('staff');
  if (granted.has('admin')) { granted.add('accounts'); granted.add('setup'); granted.add('wizard'); }
  if (granted.has('admin') || granted.has('supervisor')) granted.add('on-duty');
  if (granted.has('admin') || granted.has('supervisor')) granted.add('statistics');
  return ['admin', 'accounts', 'supervisor', 'on-duty', 'statistics', 'staff', 'setup', 'wizard'].filter((r) => granted.has(r));
}

function current() {
  const wanted = location.hash.replace(/^#\/?/, '').split('/')[0];
  const allowed = roles();
  return allowed.includes(wanted) ? wanted : allowed[0];
}

let renders = 0;

async function render() {
  const seq = ++renders;
  dispose();
  dispose = () => {};
  chrome();
  if (!me) return signIn();
  if (me.passwordChangeRequired) return changePassword();
  // An admin whose units have no critical period yet is offered the first-run wizard.
  if (!location.hash && await (await pages.wizard()).shouldOffer(me)) { if (seq === renders) location.hash = '#wizard'; return; }
  // A tab chosen while the wizard check ran has drawn its page already: this render must not clear it.
  if (seq !== renders) return;
  const role = current();
  if (!role) { clear(main, h('p', { text: t('error.403') })); return; }
  clear(main, h('p.muted', { text: t('common.loading') }));
  const page = await pages[role]();
  // A later render (a tab chosen while this page's script loaded) wins: never draw a page nobody asked for any more.
  if (seq !== renders) return;
  const container = h('div.page', { testid: `page-${role}` });
  clear(main, container);
  dispose = page.render(container, { me }) ?? (() => {});
}

function signIn() {
  const login = form('sign-in', [
    field('username', t('signIn.username'), { required: true, testid: 'username' }),
    field('password', t('signIn.password'), { type: 'password', required: true, testid: 'password' }),
  ], t('signIn.submit'), async (v) => {
    const token = await post('/auth/token', { username: v.username, password: v.password });
    session.start(token.accessToken);
    me = await get('/me');
  }, { keep: true, onDone: render });
  clear(main, h('section.card.narrow', h('h2', { text: t('signIn.title') }), login));
  login.querySelector('input')?.focus();
}

/** A one-time password must be changed before anything else opens (the token allows nothing else). */
function changePassword() {
  const change = form('change-password', [
    field('currentPassword', t('pw.current'), { type: 'password', required: true, testid: 'current-password' }),
    field('newPassword', t('pw.new'), { type: 'password', required: true, testid: 'new-password' }),
    field('confirm', t('pw.confirm'), { type: 'password', required: true, testid: 'confirm-password' }),
  ], t('pw.submit'), async (v) => {
    if (v.newPassword !== v.confirm) {
      throw new ApiError(400, { title: t('pw.mismatch'), errors: { confirm: [t('pw.mismatch')] } });
    }
    const token = await post('/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
    session.start(token.accessToken);
    me = await get('/me');
  }, { keep: true, onDone: render });
  clear(main, h('section.card.narrow', { testid: 'password-change' }, h('h2', { text: t('pw.title') }),
    h('p.muted', { text: t('pw.hint') }), change));
  change.querySelector('input')?.focus();
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'zh-CN' : 'en');
  render();
});
document.getElementById('sign-out').addEventListener('click', () => {
  session.end();
  me = null;
  location.hash = '';
  render();
});
window.addEventListener('hashchange', render);
whenSignedOut(() => { session.end(); me = null; render(); });

(async () => {
  if (session.token) {
    try { me = await get('/me'); } catch { session.end(); }
  }
  render();
})();
