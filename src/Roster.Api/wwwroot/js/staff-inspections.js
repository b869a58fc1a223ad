// Duty staff: the special inspections and patrols (专项检查 / 巡查) given to me, recorded item by item (ok or hazard, with
// a note). Tasks come from GET /periods/{p}/units/{u}/inspection-tasks (the unit's; mine are those with my personId),
// their checklists from the period's inspection requirements.
import { get, post } from './api.js';
import { clear, fmtDay, fmtTime, h, section, toast } from './dom.js';
import { describe, field, form } from './forms.js';
import { t } from './i18n.js';

/** The section of my inspections, open ones first; null when none was ever given to me. */
export async function inspectionsSection(me, contexts, reload) {
  if (!me.personId) return null;
  const list = h('ul.duties', { testid: 'my-inspections' });
  const holder = section(t('staff.inspections'), 'inspections', list);
  try {
    const pairs = await withOwnUnitPeriods(me, contexts);
    const found = await Promise.all(pairs.map(async (c) => {
      const tasks = (await get(`/periods/${c.periodId}/units/${c.unitId}/inspection-tasks`).catch(() => []))
        .filter((task) => task.personId === me.personId);
      if (tasks.length === 0) return [];
      const requirements = await get(`/periods/${c.periodId}/inspection-requirements?unit=${c.unitId}`).catch(() => []);
      const byId = new Map(requirements.map((r) => [r.id, r]));
      return tasks.map((task) => ({ task, requirement: byId.get(task.requirementId), timeZone: c.timeZone }));
    }));
    const all = found.flat().sort((a, b) => (a.task.state === b.task.state ? a.task.start.localeCompare(b.task.start) : a.task.state === 'open' ? -1 : 1));
    // Nothing given to me: no section, so that the phone shows the duties and what follows them first.
    if (all.length === 0) return null;
    clear(list, all.map((x) => taskCard(x, reload)));
  } catch (e) { clear(list, h('li.inline-error', { text: describe(e) })); }
  return holder;
}

/** The (period, unit) pairs of my duties, plus every period of my own unit. */
async function withOwnUnitPeriods(me, contexts) {
  const seen = new Map(contexts.map((c) => [`${c.periodId}/${c.unitId}`, c]));
  try {
    const person = await get(`/people/${me.personId}`);
    const periods = await get(`/periods?unit=${person.unitId}`);
    for (const p of periods.items) {
      const key = `${p.id}/${person.unitId}`;
      if (!seen.has(key)) seen.set(key, { periodId: p.id, unitId: person.unitId });
    }
  } catch { /* no person or no periods: the duties' contexts only */ }
  return [...seen.values()];
}

function taskCard({ task, requirement, timeZone }, reload) {
  const tz = timeZone ?? 'Asia/Shanghai';
  const title = requirement ? requirement.title : task.requirementId;
  const card = h('li.duty.inspection', { testid: 'inspection-task', 'data-task': task.id, 'data-state': task.state },
    h('div.duty-head', h('strong', { text: title }), h('span.muted', { text: `${fmtDay(task.date)} · ${fmtTime(task.start, tz)} – ${fmtTime(task.end, tz)}` })));
  if (task.state === 'done') {
    card.append(h('p.ok', { testid: 'inspection-done', text: `${t('common.done')} · ${t('insp.doneAt')} ${fmtTime(task.doneAt, tz)}` }),
      h('ul', task.results.map((r) => h('li', { class: r.outcome === 'hazard' ? 'bad' : '', text: `${r.item}: ${t(`insp.${r.outcome}`)}${r.note ? ` · ${r.note}` : ''}` }))));
    return card;
  }
  const checklist = requirement?.checklist ?? [];
  const items = checklist.map((item, i) => h('fieldset.check-item', { 'data-item': item },
    h('legend', { text: item }),
    h('div.row',
      field(`results[${i}].outcome`, t('sup.outcome'), { options: [['ok', t('insp.ok')], ['hazard', t('insp.hazard')]], testid: 'item-outcome' }),
      field(`results[${i}].note`, t('common.note'), { testid: 'item-note' }))));
  card.append(form('inspection-form', [field('results', '', { type: 'hidden' }), items], t('insp.record'), (v) => post(`/inspection-tasks/${task.id}:record`, {
    results: checklist.map((item, i) => ({ item, outcome: v[`results[${i}].outcome`], note: v[`results[${i}].note`] })),
  }), {
    keep: true,
    onDone: async (result) => {
      toast(result.hazards.length ? `${t('insp.recorded')} · ${t('insp.foundHazards', { n: result.hazards.length })}` : t('insp.recorded'));
      await reload();
    },
  }));
  return card;
}
