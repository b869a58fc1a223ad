// First-run wizard (首次设置向导): a stepper over the setup pages, from the bureau to a published roster. It remembers the
// step, the period it set up and the generation job per root unit in localStorage, so it resumes where it was left.
import { all, api, get } from './api.js';
import { h, toast } from './dom.js';
import { describe, field } from './forms.js';
import { t } from './i18n.js';
import { e } from './edit-text.js';
import { editForm, subtreeOf, val, withPaths } from './edit-fields.js';
import { importPanel, saveBase64 } from './setup-import.js';
import { rulesPanel } from './setup-rules.js';
import { unitsPanel } from './setup-units.js';
import { dutySettingsPanel, periodForm } from './setup-periods.js';
import { shiftsEditor } from './setup-shifts.js';
import { calendarsPanel, loadCalendars } from './setup-calendars.js';
import { generateStep, publishStep, reviewStep } from './wizard-run.js';

const STEPS = ['bureau', 'schools', 'people', 'accounts', 'period', 'shifts', 'rules', 'generate', 'review', 'publish'];
const key = (rootId) => `roster.wizard.${rootId}`;
let slips = null; // The last import's account slips: kept in memory only, never stored.

export function render(container, { me }) {
  let alive = true;
  const ctx = {};
  const save = () => localStorage.setItem(key(ctx.state.rootId), JSON.stringify(ctx.state));
  const go = (step) => { ctx.state.step = Math.max(0, Math.min(STEPS.length - 1, step)); save(); draw(); };

  async function load() {
    ctx.units = withPaths(await all('/units'));
    const admin = me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId);
    ctx.administered = subtreeOf(ctx.units, admin);
    ctx.root = ctx.units.find((u) => admin.includes(u.id) && !admin.some((a) => ctx.units.find((x) => x.id === a && u.path.startsWith(`${x.path}/`))));
    ctx.choices = ctx.units.filter((u) => ctx.administered.has(u.id)).map((u) => [u.id, `${u.path} · ${u.name}`]);
    ctx.state ??= { rootId: ctx.root.id, step: 0, ...JSON.parse(localStorage.getItem(key(ctx.root.id)) ?? '{}') };
    ctx.period = ctx.state.periodId ? await get(`/periods/${ctx.state.periodId}`).catch(() => null) : null;
  }
  const unitName = (id) => ctx.units.find((u) => u.id === id)?.name ?? id;
  const reload = async () => { await load(); draw(); };

  function bureauStep() {
    const r = ctx.root;
    return editForm('wizard-bureau-form', [h('div.row',
      field('name', e('unit.name'), { value: r.name, testid: 'bureau-name' }),
      field('nameEn', e('unit.nameEn'), { value: r.nameEn ?? '', testid: 'bureau-name-en' }),
      field('timeZone', e('unit.timeZone'), { value: r.timeZone, testid: 'bureau-time-zone' }))],
    t('common.save'), (form) => api('PUT', `/units/${r.id}`, { code: r.code, name: val(form, 'name'), nameEn: val(form, 'nameEn') ?? null, timeZone: val(form, 'timeZone') }, { ifMatch: `"${r.version}"` }),
    async () => { toast(e('unit.saved')); await load(); go(ctx.state.step + 1); });
  }

  function accountsStep() {
    const holder = h('div', { testid: 'wizard-accounts' });
    all('/accounts').then((accounts) => holder.replaceChildren(
      slips ? h('button.primary', { type: 'button', testid: 'wizard-slips', text: e('wiz.slips', { n: slips.count }), onclick: () => saveBase64(slips.xlsx, slips.name) })
        : h('p.muted', { text: e('wiz.accounts.none') }),
      h('p', { testid: 'wizard-account-count', text: e('wiz.accounts.count', { n: accounts.length }) }),
      h('ul', accounts.slice(0, 20).map((a) => h('li', { text: `${a.username} · ${a.displayName}${a.passwordChangeRequired ? ` · ${t('acc.mustChange')}` : ''}` }))),
      h('p.muted', e('wiz.accounts.more'), ' ', h('a', { href: '#accounts', text: t('tab.accounts') })))).catch((x) => toast(describe(x)));
    return holder;
  }

  async function periodStep() {
    const calendars = await loadCalendars();
    const warnings = (ctx.period?.warnings ?? []).map((w) => h('li.warning', { testid: `period-warning-${w.code}` }, document.documentElement.lang === 'en' ? w.messageEn : w.message));
    // A period reaching a year without holiday data stays on this step, with the form to load that year's dates.
    return h('div', warnings.length ? [h('ul', warnings), calendarsPanel(calendars)] : null, periodForm(ctx.root, ctx.units, calendars, ctx.period, async (saved) => {
      ctx.state.periodId = saved.id;
      ctx.state.jobId = undefined;
      save();
      await load();
      if (ctx.period?.warnings?.length) draw(); else go(ctx.state.step + 1);
    }));
  }

  const needPeriod = (make) => (ctx.period ? make() : h('p.warning', { testid: 'wizard-need-period', text: e('wiz.needPeriod') }));

  async function body(step) {
    switch (step) {
      case 'bureau': return bureauStep();
      case 'schools': return h('div', h('p', { testid: 'wizard-children', text: e('wiz.children', { n: ctx.units.filter((u) => u.parentId === ctx.root.id).length }) }),
        unitsPanel(ctx.units, ctx.administered, reload, { parentId: ctx.root.id }), importPanel('units', [[ctx.root.id, `${ctx.root.path} · ${ctx.root.name}`]], ({ dryRun, status }) => { if (!dryRun && status === 200) reload(); }));
      case 'people': return importPanel('people', ctx.choices, ({ dryRun, body: answer }) => {
        if (!dryRun && answer.accounts?.slipsXlsx) slips = { xlsx: answer.accounts.slipsXlsx, name: answer.accounts.slipsFileName ?? 'account-slips.xlsx', count: answer.accounts.created };
      });
      case 'accounts': return accountsStep();
      case 'period': return periodStep();
      case 'shifts': return needPeriod(() => h('div', shiftsEditor(ctx.period.id), dutySettingsPanel(ctx.choices)));
      case 'rules': return needPeriod(() => rulesPanel(ctx.choices));
      case 'generate': return needPeriod(() => generateStep(ctx.state, save, unitName, () => alive));
      case 'review': return needPeriod(() => reviewStep(ctx.state, unitName));
      default: return needPeriod(() => publishStep(ctx.state, unitName, ctx.period));
    }
  }

  async function draw() {
    if (!alive) return;
    const n = ctx.state.step;
    const step = STEPS[n];
    const nav = h('ol.stepper', { testid: 'wizard-steps' }, STEPS.map((s, i) => h('li', { class: i === n ? 'current' : i < n ? 'done' : '' },
      h('button.link', { type: 'button', testid: `wizard-step-${s}`, text: `${i + 1}. ${e(`wiz.s.${s}`)}`, onclick: () => go(i) }))));
    const content = await body(step);
    if (!alive) return;
    container.replaceChildren(h('h2', { text: e('wiz.title') }), nav,
      h('section.card', { testid: `wizard-panel-${step}` },
        h('h3', { testid: 'wizard-heading', text: `${e('wiz.step', { n: n + 1, of: STEPS.length })} · ${e(`wiz.s.${step}`)}` }),
        h('p.muted', { text: e(`wiz.${step}.hint`) }), content),
      h('div.actions', { testid: 'wizard-nav' },
        n > 0 ? h('button', { type: 'button', testid: 'wizard-back', text: e('wiz.back'), onclick: () => go(n - 1) }) : null,
        n < STEPS.length - 1 ? h('button.primary', { type: 'button', testid: 'wizard-next', text: e('wiz.next'), onclick: () => go(n + 1) }) : null));
  }

  load().then(draw).catch((x) => container.replaceChildren(h('p.form-error', { role: 'alert', text: describe(x) })));
  return () => { alive = false; };
}

/** Whether to open the wizard on sign-in: an admin whose units have no critical period yet. Asked once per page load. */
let offered = null;
export async function shouldOffer(me) {
  if (offered !== null || !me.grants.some((g) => g.role === 'admin')) return false;
  offered = (await get('/periods?limit=1')).items.length === 0;
  return offered;
}
