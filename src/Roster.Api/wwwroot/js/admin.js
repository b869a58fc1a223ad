// Administrator: choose unit and period, generate (job with progress), the roster grid, publish with the diff, exports,
// leave and swaps to approve, the audit trail.
import { all, download, get, post, serverNow } from './api.js';
import { addDays, clear, dateIn, h, section, toast } from './dom.js';
import { act, describe } from './forms.js';
import { t } from './i18n.js';
import { rosterGrid } from './admin-grid.js';
import { auditSection, requestsSection } from './admin-requests.js';
import { submissionSection } from './admin-submission.js';

export function render(root, { me }) {
  const state = { alive: true, unit: null, period: null, from: null, roster: null, units: [], periods: [] };
  const toolbar = h('div.toolbar');
  const status = h('div.actions', { testid: 'roster-status' });
  const grid = h('div.scroll', { testid: 'grid-holder' });
  const panel = h('div', { testid: 'slot-panel-holder' });
  const comments = h('div', { testid: 'return-comments-holder' });
  const requests = h('div');
  const audit = h('div');
  const submission = h('div');
  clear(root, section(t('tab.admin'), 'roster', toolbar, status, h('div.grid-with-comments', grid, comments), panel),
    h('div.page.two', requests, h('div.page', submission, audit)));

  const adminUnits = new Set(me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
  const draw = async () => {
    if (!state.alive || !state.unit || !state.period) return;
    await rosterGrid(state, { grid, panel, status, refresh, actions: statusActions });
    await submissionSection(submission, state, { grid, comments, refresh });
    requestsSection(requests, state, refresh);
    auditSection(audit, state);
  };
  // Refreshes run one after another, each drawing the state as it is when it starts: the first page load's refresh,
  // if slow, cannot overwrite the period chosen since (a UI test once found the chosen period's roster missing).
  let drawing = Promise.resolve();
  const refresh = () => {
    const next = drawing.then(draw, draw);
    drawing = next.catch(() => {});
    return next;
  };

  function statusActions() {
    const generate = h('button.primary', { type: 'button', testid: 'generate', text: state.roster ? t('admin.regenerate') : t('admin.generate') });
    generate.addEventListener('click', () => act(generate, () => runGeneration(status, state, refresh)));
    // When the period requires approval, the unit above publishes by approving: the button submits instead (报备).
    const approval = state.period.requiresApproval;
    const publish = h('button', {
      type: 'button', testid: approval ? 'submit-roster' : 'publish', text: approval ? t('sub.submit') : t('admin.publish'),
      disabled: state.roster?.status !== 'draft',
    });
    publish.addEventListener('click', () => act(publish, async () => {
      if (!approval) return showDiff(panel, state, refresh);
      state.submitForm?.scrollIntoView({ block: 'center' });
      return state.submitForm?.requestSubmit();
    }));
    const xlsx = h('button', { type: 'button', testid: 'export', text: t('admin.export') });
    xlsx.addEventListener('click', () => act(xlsx, () => download(
      `/periods/${state.period.id}/units/${state.unit.id}/duty-table.xlsx`, `duty-table-${state.period.firstDay}.xlsx`)));
    return [generate, publish, xlsx];
  }

  (async () => {
    try {
      state.units = (await all('/units')).filter((u) => adminUnits.has(u.id) || adminUnits.has(u.parentId));
      // #admin/{unitId}/{periodId} (e.g. from the supervisor's gap list) opens that unit's roster in that period.
      const [, wantedUnit, wantedPeriod] = location.hash.replace(/^#\/?/, '').split('/');
      state.unit = state.units.find((u) => u.id === wantedUnit) ?? state.units.find((u) => adminUnits.has(u.id)) ?? state.units[0];
      await choosePeriods();
      const wanted = state.periods.find((p) => p.id === wantedPeriod);
      if (wanted) { state.period = wanted; state.from = wanted.firstDay; }
      drawToolbar();
      await refresh();
    } catch (e) { clear(grid, h('p.inline-error', { text: describe(e) })); }
  })();

  async function choosePeriods() {
    state.periods = (await get(`/periods?unit=${state.unit.id}`)).items;
    const today = dateIn(serverNow(), state.unit.timeZone);
    state.period = state.periods.find((p) => p.firstDay <= today && today <= p.lastDay) ?? state.periods[0] ?? null;
    state.from = state.period ? (today >= state.period.firstDay && today <= state.period.lastDay ? today : state.period.firstDay) : null;
  }

  function drawToolbar() {
    const unitSelect = h('select', { testid: 'unit-select', 'aria-label': t('admin.unit') },
      state.units.map((u) => h('option', { value: u.id, text: u.name, selected: u.id === state.unit.id })));
    unitSelect.addEventListener('change', async () => {
      state.unit = state.units.find((u) => u.id === unitSelect.value);
      await choosePeriods();
      drawToolbar();
      await refresh();
    });
    const periodSelect = h('select', { testid: 'period-select', 'aria-label': t('admin.period') },
      state.periods.map((p) => h('option', { value: p.id, text: `${p.name} (${p.firstDay} – ${p.lastDay})`, selected: p.id === state.period?.id })));
    periodSelect.addEventListener('change', async () => {
      state.period = state.periods.find((p) => p.id === periodSelect.value);
      state.from = state.period.firstDay;
      await refresh();
    });
    const move = (days, label, testid) => {
      const b = h('button', { type: 'button', text: label, testid });
      b.addEventListener('click', () => { state.from = addDays(state.from, days); refresh(); });
      return b;
    };
    clear(toolbar, h('div.field', h('label', { text: t('admin.unit') }), unitSelect),
      h('div.field', h('label', { text: t('admin.period') }), periodSelect),
      move(-7, t('admin.prev'), 'prev-week'), move(7, t('admin.next'), 'next-week'));
  }

  return () => { state.alive = false; };
}

/** Starts a generation and polls its job until it ends, showing progress. */
async function runGeneration(status, state, refresh) {
  const started = await post(`/periods/${state.period.id}/units/${state.unit.id}/roster:generate`, { seconds: 2 });
  const bar = h('div');
  const label = h('span', { testid: 'generation-progress', text: t('admin.generating') });
  status.append(h('div.progress', bar), label);
  let job = started.jobs[0];
  while (state.alive && !['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    bar.style.width = `${Math.round((job.progress ?? 0) * 100)}%`;
    await new Promise((resolve) => { setTimeout(resolve, 400); });
    job = await get(`/roster-jobs/${job.id}`);
  }
  if (job.status !== 'succeeded') throw new Error(job.error ?? job.status);
  toast(`${t('admin.draft')} ✓`);
  await refresh();
}

/** The changes since the last published version, then publish on confirmation. */
async function showDiff(panel, state, refresh) {
  const base = `/periods/${state.period.id}/units/${state.unit.id}/roster`;
  const diff = await get(`${base}/diff`);
  const names = new Map(state.people.map((p) => [p.id, p.name]));
  const who = (id) => (id ? names.get(id) ?? id : '—');
  const lines = [
    ...diff.added.map((c) => h('li.added', { text: `${t('admin.added')} ${c.slotKey}: ${who(c.toPersonId)}` })),
    ...diff.removed.map((c) => h('li.removed', { text: `${t('admin.removed')} ${c.slotKey}: ${who(c.fromPersonId)}` })),
    ...diff.changed.map((c) => h('li.changed', { text: `${t('admin.changed')} ${c.slotKey}: ${who(c.fromPersonId)} → ${who(c.toPersonId)}` })),
  ];
  const confirm = h('button.primary', { type: 'button', testid: 'confirm-publish', text: t('admin.confirmPublish') });
  confirm.addEventListener('click', () => act(confirm, async () => {
    const result = await post(`${base}:publish`, {});
    toast(`${t('admin.published')} · ${t('admin.version')} ${result.version.number}`);
    clear(panel);
    await refresh();
  }));
  clear(panel, h('div.panel.diff', { testid: 'diff' },
    h('h3', { text: `${t('admin.diff')} (${diff.fromNumber ?? '—'} → ${diff.toNumber})` }),
    h('p', { testid: 'diff-summary', text: `${t('admin.added')} ${diff.added.length} · ${t('admin.removed')} ${diff.removed.length} · ${t('admin.changed')} ${diff.changed.length}` }),
    lines.length ? h('details', h('summary', { text: `${lines.length}` }), h('ul', lines.slice(0, 200))) : h('p.muted', { text: t('admin.noDiff') }),
    h('div.actions', confirm)));
}
