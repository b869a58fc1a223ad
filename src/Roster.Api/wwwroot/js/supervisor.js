// Supervisor: live coverage heat map of the subtree, open incidents to acknowledge, spot checks with outcomes.
import { all, get, post, serverNow } from './api.js';
import { addDays, clear, dateIn, fmtDay, fmtTime, h, section, toast } from './dom.js';
import { act, describe, field, form } from './forms.js';
import { t } from './i18n.js';
import { loadCoverage } from './coverage.js';

const POLL_MS = 5000;

export function render(root) {
  let alive = true;
  let timer;
  const heat = h('div.scroll', { testid: 'heatmap' }, h('p.muted', { text: t('common.loading') }));
  const updated = h('span.muted', { testid: 'heatmap-updated' });
  const incidents = h('ul.list', { testid: 'incidents' });
  const spot = h('div');
  clear(root,
    section(t('sup.heatmap'), 'coverage', h('div.legend', h('span', { text: t('sup.legend') }), updated), heat),
    h('div.page.two',
      section(t('sup.incidents'), 'open-incidents', incidents),
      h('div', spot,
        // PLACEHOLDER(submissions-api): the roster submission board (报备审批看板) comes from another branch.
        section(t('sup.board'), 'board-placeholder', h('p.muted.placeholder', { text: t('placeholder.pending') })),
        // PLACEHOLDER(inspections-api): inspection progress (专项检查进度) comes from another branch.
        section(t('sup.inspections'), 'inspections-placeholder', h('p.muted.placeholder', { text: t('placeholder.pending') })))));

  const poll = async () => {
    if (!alive) return;
    await Promise.all([drawHeat(heat, updated), drawIncidents(incidents)]).catch((e) => toast(describe(e)));
    if (alive) timer = setTimeout(poll, POLL_MS);
  };
  poll();
  spotCheck(spot);
  return () => { alive = false; clearTimeout(timer); };
}

async function drawHeat(holder, updated) {
  const today = dateIn(serverNow());
  const { units, days, cells } = await loadCoverage(today, addDays(today, 13));
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

async function drawIncidents(list) {
  const open = await get('/incidents?status=open');
  const items = Array.isArray(open) ? open : open.items ?? [];
  // Keep a row whose acknowledgement form is open, so that polling never eats what the supervisor is typing.
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
