// Supervisor: live coverage heat map of the subtree and the open gaps, open incidents to acknowledge, the submission
// board of a critical period (approve or return with comments), inspection progress, hazards and oversight flags, and
// spot checks with outcomes.
import { all, get, post, serverNow } from './api.js';
import { addDays, clear, dateIn, fmtDay, fmtTime, h, section, toast } from './dom.js';
import { act, describe, field, form } from './forms.js';
import { t, term } from './i18n.js';
import { loadCoverage, loadGaps, topUnits } from './coverage.js';
import { watchChanges } from './events.js';
import { boardSection, inspectionSection } from './supervisor-oversight.js';

// While the event stream is up the page reloads on pushed changes and refreshes only each minute; while it is down, it polls.
const POLL_MS = 5000;
const IDLE_MS = 60_000;

export function render(root, { me }) {
  let alive = true;
  let timer;
  const heat = h('div.scroll', { testid: 'heatmap' }, h('p.muted', { text: t('common.loading') }));
  const updated = h('span.muted', { testid: 'heatmap-updated' });
  const gaps = h('ul.list', { testid: 'gaps' });
  const incidents = h('ul.list', { testid: 'incidents' });
  const oversight = h('div');
  const spot = h('div');
  clear(root,
    section(t('sup.heatmap'), 'coverage', h('div.legend', h('span', { text: t('sup.legend') }), updated), heat),
    h('div.page.two',
      h('div.page', section(t('sup.gapList'), 'open-gaps', gaps), section(t('sup.incidents'), 'open-incidents', incidents)),
      spot),
    oversight);

  const ctx = { me, units: [], names: new Map() };
  let streaming = false;
  let stopWatching = () => {};
  const poll = async () => {
    if (!alive) return;
    clearTimeout(timer);
    await Promise.all([drawHeat(ctx, heat, updated), drawGaps(ctx, gaps), drawIncidents(incidents)]).catch((e) => toast(describe(e)));
    updated.dataset.live = String(streaming);
    updated.textContent += ` · ${t(streaming ? 'sup.live' : 'sup.polling')}`;
    if (alive) timer = setTimeout(poll, streaming ? IDLE_MS : POLL_MS);
  };
  poll().then(async () => {
    const roots = topUnits(me, await all('/units'));
    if (alive) stopWatching = watchChanges(roots, poll, (up) => { streaming = up; });
  }).catch((e) => toast(describe(e)));
  spotCheck(spot);
  oversightSections(me, oversight, () => alive);
  return () => { alive = false; clearTimeout(timer); stopWatching(); };
}

async function drawHeat(ctx, holder, updated) {
  const today = dateIn(serverNow());
  const { units, days, cells } = await loadCoverage(ctx.me, today, addDays(today, 13));
  ctx.units = units;
  ctx.names = new Map(units.map((u) => [u.id, u]));
  const table = h('table.heat', h('thead', h('tr', h('th'), days.map((d) => h('th', { text: fmtDay(d) })))),
    h('tbody', units.map((u) => h('tr', { 'data-unit': u.id },
      h('th', { text: `${'　'.repeat(u.depth)}${u.name}` }),
      days.map((d) => {
        const c = cells.get(`${u.id}|${d}`);
        const state = !c || c.required === 0 ? 'none' : c.openGaps > 0 || c.filled < c.required ? 'gap' : 'full';
        return h('td', {
          class: state, testid: 'heat-cell', 'data-unit': u.id, 'data-date': d, 'data-state': state,
          title: c ? `${t('sup.required')} ${c.required} · ${t('sup.filled')} ${c.filled} · ${t('sup.gaps')} ${c.openGaps}` : '',
          text: !c || c.required === 0 ? '' : state === 'gap' ? `!${Math.max(c.openGaps, c.required - c.filled)}` : `${c.filled}/${c.required}`,
        });
      })))));
  clear(holder, table);
  updated.textContent = `${t('sup.updated')} ${new Date().toLocaleTimeString()}`;
}

/** Open gaps of the next two weeks, each with where to act: the unit's roster, or the incidents. */
async function drawGaps(ctx, list) {
  const now = serverNow();
  const from = new Date(now.getTime() - 86_400_000).toISOString();
  const to = new Date(now.getTime() + 14 * 86_400_000).toISOString();
  const items = await loadGaps(from, to);
  const adminOf = new Set(ctx.me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
  const administers = (unitId) => {
    for (let id = unitId; id; id = ctx.names.get(id)?.parentId) if (adminOf.has(id)) return true;
    return false;
  };
  // Keep the list while a roster day is open in it, so that polling does not close it.
  if (list.querySelector('details[open]')) return;
  clear(list, items.length === 0 ? h('li.muted', { text: t('sup.noGaps') }) : items.slice(0, 100).map((g) => {
    const unit = ctx.names.get(g.unitId);
    const tz = unit?.timeZone;
    let link;
    if (g.kind === 'missed_check_in' || g.kind === 'late_report') {
      link = h('a', { href: '#supervisor', testid: 'gap-act', text: t('gap.openIncidents') });
      link.addEventListener('click', (e) => { e.preventDefault(); document.querySelector('[data-testid=open-incidents]')?.scrollIntoView(); });
    } else if (administers(g.unitId) && g.periodId) {
      link = h('a', { href: `#admin/${g.unitId}/${g.periodId}`, testid: 'gap-act', text: t('gap.openRoster') });
    } else if (g.periodId) {
      // Not this unit's administrator: open that day of its published roster here, to see (and call) who is on duty.
      link = h('details.gap-roster', h('summary', { testid: 'gap-act', text: t('gap.openRoster') }));
      link.addEventListener('toggle', () => { if (link.open) rosterDay(link, g, tz); });
    } else {
      link = h('span.muted', { text: t('gap.tellAdmin') });
    }
    return h('li', { testid: 'gap', 'data-kind': g.kind, 'data-unit': g.unitId, 'data-gap': g.id },
      h('strong.bad', { text: t(`gap.${g.kind}`) }),
      h('span', { text: `${unit?.name ?? ''} · ${fmtTime(g.startsAt, tz)} – ${fmtTime(g.endsAt, tz)}` }),
      h('span.muted', { text: g.detail }), link);
  }));
}

/** The published roster of the gap's unit on the gap's day, read-only, the gap's slot marked. */
async function rosterDay(holder, gap, tz) {
  holder.querySelector('.roster-day')?.remove();
  const list = h('ul.roster-day', { testid: 'gap-roster' }, h('li.muted', { text: t('common.loading') }));
  holder.append(list);
  try {
    const day = dateIn(gap.startsAt, tz);
    const roster = await get(`/periods/${gap.periodId}/units/${gap.unitId}/roster?version=published&from=${day}&to=${day}`);
    const slots = [...roster.assignments, ...roster.unfilled.map((u) => ({ ...u, personName: null }))]
      .sort((a, b) => a.slotKey.localeCompare(b.slotKey));
    clear(list, slots.map((s) => h('li', { class: s.slotKey === gap.slotKey ? 'bad' : '', 'data-slot': s.slotKey },
      `${term('shift', s.shiftCode)} · ${term('role', s.role)} · ${fmtTime(s.start, tz)} – ${fmtTime(s.end, tz)}: ${s.personName ?? t('admin.unfilled')}`)));
  } catch (e) { clear(list, h('li.inline-error', { text: describe(e) })); }
}

/** The critical periods of the top unit, a choice of one, and the board and inspections of the chosen period. */
async function oversightSections(me, holder, alive) {
  const board = h('div');
  const inspections = h('div');
  try {
    const units = await all('/units');
    const root = topUnits(me, units)[0];
    const periods = root ? (await get(`/periods?unit=${root}`)).items : [];
    if (periods.length === 0) { clear(holder, section(t('sup.board'), 'submission-board', h('p.muted', { text: t('sup.noPeriods') }))); return; }
    const today = dateIn(serverNow());
    let period = periods.find((p) => p.requiresApproval && p.lastDay >= today)
      ?? periods.find((p) => p.firstDay <= today && today <= p.lastDay) ?? periods[0];
    const select = h('select', { testid: 'sup-period-select', 'aria-label': t('common.period') },
      periods.map((p) => h('option', { value: p.id, text: `${p.name} (${p.firstDay} – ${p.lastDay})`, selected: p.id === period.id })));
    // Only the latest choice draws: an answer for a period chosen before is dropped.
    let generation = 0;
    const draw = () => {
      const mine = ++generation;
      const current = () => alive() && mine === generation;
      return Promise.all([boardSection(board, period, units, current), inspectionSection(inspections, period, units, current)]);
    };
    select.addEventListener('change', () => {
      if (select.value === period.id) return;
      period = periods.find((p) => p.id === select.value);
      draw();
    });
    clear(holder, h('div.toolbar', h('div.field', h('label', { text: t('common.period') }), select)), h('div.page.two', board, inspections));
    await draw();
  } catch (e) { clear(holder, h('p.inline-error', { text: describe(e) })); }
}

async function drawIncidents(list) {
  const open = await get('/incidents?status=open');
  const items = Array.isArray(open) ? open : open.items ?? [];
  // Keep the list while a row is open (an acknowledgement being typed, a roster day being read): polling must not close it.
  if (list.querySelector('details[open]')) return;
  clear(list, items.length === 0 ? h('li.muted', { text: t('sup.noIncidents') }) : items.map(incidentRow));
}

function incidentRow(i) {
  const ack = form('ack-form', [field('note', t('common.note'), { testid: 'ack-note' })], t('sup.ack'),
    (v) => post(`/incidents/${i.id}:acknowledge`, { note: v.note }),
    { onDone: () => { toast(t('sup.acked')); li.remove(); } });
  const timeline = h('ul');
  const details = h('details', h('summary', { text: t('sup.act'), testid: 'act' }), timeline, ack);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      const full = await get(`/incidents/${i.id}`);
      clear(timeline, full.timeline.map((e) => h('li', { text: `${fmtTime(e.createdAt)} ${e.body}` })));
    } catch (e) { clear(timeline, h('li.inline-error', { text: describe(e) })); }
  });
  const li = h('li', { testid: 'incident', 'data-incident': i.id },
    h('span', { class: `severity-${i.severity}`, text: `[${t(`sev.${i.severity}`)}] ${i.category ?? ''}` }),
    h('span', { text: i.body }),
    h('span.muted', { text: `${fmtTime(i.createdAt)} · ${t('sup.ackDue')} ${i.ackDueAt ? fmtTime(i.ackDueAt) : '—'}` }),
    details);
  return li;
}

async function spotCheck(holder) {
  let units = [];
  try { units = await all('/units'); } catch (e) { toast(describe(e)); }
  const results = h('ul.list', { testid: 'spot-items' });
  const draw = form('spot-form', [h('div.row',
    field('unitId', t('common.unit'), { options: units.map((u) => [u.id, u.name]) }),
    field('count', t('sup.count'), { type: 'number', value: '3', testid: 'spot-count' }))],
  t('sup.draw'), (v) => post('/spot-checks', { unitId: v.unitId, count: v.count === undefined ? undefined : Number(v.count) }),
  { keep: true, onDone: (check) => clear(results, check.items.length === 0 ? h('li.muted', { text: t('common.none') }) : check.items.map(spotItem)) });
  clear(holder, section(t('sup.spotCheck'), 'spot-check', draw, results));
}

function spotItem(item) {
  const record = form('record-form', [h('div.row',
    field('outcome', t('sup.outcome'), { options: ['on_post', 'elsewhere', 'not_reached'].map((o) => [o, t(`out.${o}`)]) }),
    field('note', t('common.note')))], t('sup.record'),
  (v) => post(`/spot-check-items/${item.id}:record`, v), { keep: true, onDone: () => toast(t('common.done')) });
  return h('li', { testid: 'spot-item' }, h('strong', { text: item.personName }),
    h('span', { text: `${item.unitName} · ${item.phone ?? ''} · ${item.slotKey}` }), record);
}
