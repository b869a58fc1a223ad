// The wizard's last steps: generate the whole subtree (every job's progress), review each unit's draft, publish them all.
import { get, post } from './api.js';
import { h, toast } from './dom.js';
import { act, describe } from './forms.js';
import { e } from './edit-text.js';

const DONE = ['succeeded', 'failed', 'cancelled'];

function jobTable(job, unitName) {
  const children = job.children?.length ? job.children : [job];
  return h('table.grid', { testid: 'wizard-jobs' }, h('thead', h('tr', [e('wiz.job.unit'), e('wiz.job.status'), e('wiz.job.progress')].map((c) => h('th', { text: c })))),
    h('tbody', children.map((j) => {
      const bar = h('div');
      bar.style.width = `${Math.round((j.status === 'succeeded' ? 1 : j.progress ?? 0) * 100)}%`;
      return h('tr', { testid: `wizard-job-${j.unitId}`, 'data-status': j.status },
        h('td', { text: unitName(j.unitId) }),
        h('td', { testid: 'wizard-job-status', text: e(`wiz.status.${j.status}`) + (j.error ? ` · ${j.error}` : '') }),
        h('td', h('div.progress', bar)));
    })));
}

/** Starts (or, resumed, keeps following) the subtree's generation; state.jobId remembers the parent job. */
export function generateStep(state, save, unitName, alive) {
  const holder = h('div', { testid: 'wizard-generate' });
  const summary = h('p', { testid: 'wizard-generate-summary' });
  const follow = async () => {
    for (;;) {
      const job = await get(`/roster-jobs/${state.jobId}`);
      holder.replaceChildren(jobTable(job, unitName));
      if (DONE.includes(job.status) || !alive()) {
        if (DONE.includes(job.status)) summary.textContent = job.status === 'succeeded' ? e('wiz.generate.done') : e(`wiz.status.${job.status}`);
        return;
      }
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
  };
  const start = h('button.primary', { type: 'button', testid: 'wizard-generate-start', text: e('wiz.generate.start') });
  start.addEventListener('click', () => act(start, async () => {
    summary.textContent = '';
    const started = await post(`/periods/${state.periodId}/units/${state.rootId}/roster:generate`, { subtree: true, seconds: 5 });
    state.jobId = (started.jobs.find((j) => j.kind === 'subtree') ?? started.jobs[0]).id;
    save();
    await follow();
  }));
  if (state.jobId) follow().catch((x) => toast(describe(x)));
  return h('div', h('div.actions', start), summary, holder);
}

/** The units the last generation covered, each with its roster (or null when it has none). */
async function rosters(state) {
  if (!state.jobId) return [];
  const job = await get(`/roster-jobs/${state.jobId}`);
  const units = (job.children?.length ? job.children : [job]).map((j) => j.unitId);
  return Promise.all(units.map(async (unitId) => {
    try { return { unitId, roster: await get(`/periods/${state.periodId}/units/${unitId}/roster`) }; } catch { return { unitId, roster: null }; }
  }));
}

function rosterTable(list, state, unitName) {
  return h('table.grid', { testid: 'wizard-review' }, h('thead', h('tr',
    [e('wiz.job.unit'), e('wiz.review.status'), e('wiz.review.assignments'), e('wiz.review.unfilled'), ''].map((c) => h('th', { text: c })))),
  h('tbody', list.map(({ unitId, roster }) => h('tr', { testid: `wizard-roster-${unitId}` },
    h('td', { text: unitName(unitId) }),
    h('td', { testid: 'wizard-roster-status', text: roster ? e(`wiz.roster.${roster.status}`) : e('wiz.roster.none') }),
    h('td', { text: String(roster?.assignments.length ?? 0) }),
    h('td', { class: roster?.unfilled.length ? 'warning' : '', text: String(roster?.unfilled.length ?? 0) }),
    h('td', h('a', { href: `#admin/${unitId}/${state.periodId}`, text: e('wiz.review.open') }))))));
}

export function reviewStep(state, unitName) {
  const holder = h('div', h('p.muted', { text: '…' }));
  rosters(state).then((list) => holder.replaceChildren(rosterTable(list, state, unitName))).catch((x) => holder.replaceChildren(h('p.inline-error', { text: describe(x) })));
  return holder;
}

export function publishStep(state, unitName, period) {
  const holder = h('div');
  const done = h('p.ok', { testid: 'wizard-finished', hidden: true, text: e('wiz.finished') });
  const draw = async () => holder.replaceChildren(rosterTable(await rosters(state), state, unitName));
  const publish = h('button.primary', { type: 'button', testid: 'wizard-publish-all', text: e('wiz.publish.all') });
  publish.addEventListener('click', () => act(publish, async () => {
    for (const { unitId, roster } of await rosters(state)) {
      if (roster?.status === 'draft') await post(`/periods/${state.periodId}/units/${unitId}/roster:publish`, {});
    }
    await draw();
    publish.hidden = true;
    done.hidden = false;
    toast(e('wiz.published'));
  }));
  draw().catch((x) => toast(describe(x)));
  return h('div', period?.requiresApproval ? h('p.warning', { text: e('wiz.approvalNote') }) : h('div.actions', publish), done, holder);
}
