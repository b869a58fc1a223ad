// Duty staff: my next shifts, check in / out with handover, swaps, leave, duty log and incidents, calendar feed.
import { ApiError, get, post, serverNow } from './api.js';
import { clear, fmtTime, h, section, toast } from './dom.js';
import { act, describe, field, form } from './forms.js';
import { t, term } from './i18n.js';
import { swapSection } from './staff-swaps.js';
import { inspectionsSection } from './staff-inspections.js';

export function render(root, { me }) {
  let alive = true;
  const reload = async () => {
    if (!alive) return;
    const duties = await get('/me/duties').catch((e) => { toast(describe(e)); return []; });
    if (!alive) return;
    const contexts = await contextsOf(me, duties);
    clear(root,
      dutiesSection(duties, reload),
      await inspectionsSection(me, contexts, reload),
      await swapSection(me, duties, contexts, reload),
      leaveSection(me, reload),
      logSection(duties, contexts),
      feedSection(me));
    const leaves = root.querySelector('[data-testid=my-leaves]');
    if (leaves && me.personId) fillLeaves(leaves, me.personId);
  };
  reload();
  return () => { alive = false; };
}

/** The (period, unit) pairs this person works in: from their duties, else their own unit's periods. */
async function contextsOf(me, duties) {
  const seen = new Map();
  for (const d of duties) seen.set(`${d.periodId}/${d.unitId}`, { periodId: d.periodId, unitId: d.unitId, unitName: d.unitName });
  if (seen.size === 0 && me.personId) {
    try {
      const person = await get(`/people/${me.personId}`);
      const periods = await get(`/periods?unit=${person.unitId}`);
      for (const p of periods.items) seen.set(`${p.id}/${person.unitId}`, { periodId: p.id, unitId: person.unitId, unitName: '' });
    } catch { /* no person or no periods: nothing to show */ }
  }
  return [...seen.values()];
}

export const dutyLabel = (d) => `${term('shift', d.shiftCode)} · ${term('role', d.role)}`;

function dutiesSection(duties, reload) {
  const now = serverNow().getTime();
  const upcoming = duties.filter((d) => new Date(d.end).getTime() > now || (d.checkIn && !d.checkIn.checkedOutAt));
  return section(t('staff.duties'), 'duties', upcoming.length === 0 ? h('p.muted', { text: t('staff.noDuties') }) : null,
    h('ul.duties', upcoming.map((d) => dutyCard(d, now, reload))));
}

function dutyCard(d, now, reload) {
  const tz = d.timeZone;
  const open = new Date(d.checkInOpens).getTime() <= now && now <= new Date(d.checkInCloses).getTime();
  const card = h('li.duty', { 'data-slot': d.slotKey, testid: 'duty' },
    h('div.duty-head', h('strong', { text: `${fmtTime(d.start, tz)} – ${fmtTime(d.end, tz)}` }),
      h('span', { class: `chip shift-${d.shiftCode}`, text: dutyLabel(d) }), h('span.muted', { text: d.unitName })));
  if (d.previousHandoverNote) card.append(h('p.handover', { text: `${t('staff.previousHandover')}: ${d.previousHandoverNote}` }));
  if (d.checkIn?.checkedOutAt) {
    card.append(h('p.ok', { text: `${t('staff.checkedOut')} ${fmtTime(d.checkIn.checkedOutAt, tz)}` }));
  } else if (d.checkIn) {
    card.append(h('p.ok', { testid: 'checked-in', text: `${t('staff.checkedIn')} ${fmtTime(d.checkIn.checkedInAt, tz)}${d.checkIn.late ? ` (${t('staff.late')})` : ''}` }));
    card.append(form('check-out', [field('handoverNote', t('staff.handover'), { type: 'textarea', testid: 'handover' })],
      t('staff.checkOut'), (v) => post(`/check-ins/${d.checkIn.id}:check-out`, { handoverNote: v.handoverNote }), { onDone: reload }));
  } else if (open) {
    const button = h('button.primary', { type: 'button', testid: 'check-in', text: t('staff.checkIn') });
    button.addEventListener('click', () => act(button, async () => {
      await post(`/periods/${d.periodId}/units/${d.unitId}/check-ins`, { slotKey: d.slotKey });
      toast(t('staff.checkedIn'));
      await reload();
    }));
    card.append(h('div.actions', button));
  } else {
    card.append(h('p.muted', { text: `${t('staff.checkInWindow')}: ${fmtTime(d.checkInOpens, tz)} – ${fmtTime(d.checkInCloses, tz)}` }));
  }
  const offer = h('details.offer', h('summary', { text: t('staff.offer'), testid: 'offer-toggle' }),
    form('offer', [
      field('kind', t('staff.kind'), { options: [['giveaway', t('swap.giveaway')], ['swap', t('swap.swap')]] }),
      field('note', t('common.note'), { testid: 'offer-note' }),
    ], t('staff.offer'), (v) => post(`/periods/${d.periodId}/units/${d.unitId}/swaps`, { slotKey: d.slotKey, kind: v.kind, note: v.note }),
    { onDone: () => { toast(t('status.offered')); return reload(); } }));
  card.append(offer);
  return card;
}

function leaveSection(me, reload) {
  if (!me.personId) return null;
  const kind = field('kind', t('staff.leaveKind'), {
    options: [['leave', t('leave.leave')], ['day_off', t('leave.day_off')], ['compensatory', t('leave.compensatory')]], testid: 'leave-kind',
  });
  // Compensatory leave (补休) spends the person's balance: shown before asking, and a refusal shows it at the hours field.
  const balance = h('p.muted', { testid: 'comp-balance' });
  const compensatory = h('div.compensatory-only', field('hours', t('leave.hours'), { type: 'number', testid: 'leave-hours' }), balance);
  const showBalance = async () => {
    try {
      const b = await get(`/people/${me.personId}/compensatory-balance`);
      balance.textContent = t('leave.balance', { available: num(b.available), earned: num(b.earned), taken: num(b.taken) });
    } catch (e) { balance.textContent = describe(e); }
  };
  const sync = () => {
    compensatory.hidden = kind.querySelector('select').value !== 'compensatory';
    if (!compensatory.hidden) showBalance();
  };
  kind.querySelector('select').addEventListener('change', sync);
  sync();
  const leave = form('leave-form', [
    h('div.row', field('firstDay', t('staff.firstDay'), { type: 'date', testid: 'first-day' }),
      field('lastDay', t('staff.lastDay'), { type: 'date', testid: 'last-day' })),
    kind, compensatory,
    field('reason', t('staff.reason'), { testid: 'reason' }),
  ], t('staff.requestLeave'), async (v) => {
    const body = { ...v, hours: v.kind === 'compensatory' && v.hours !== undefined ? Number(v.hours) : undefined };
    try {
      return await post(`/people/${me.personId}/leaves`, body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.problem.balance !== undefined) {
        const { balance: left, earned, taken } = e.problem;
        const text = t('leave.overBalance', { balance: num(left), earned: num(earned), taken: num(taken) });
        e.problem.errors = { hours: [text] };
        e.problem.detail = text;
        showBalance();
      }
      throw e;
    }
  }, { onDone: reload });
  leave.addEventListener('reset', () => setTimeout(sync));
  return section(t('staff.leave'), 'leave', leave, h('h3', { text: t('staff.myLeaves') }), h('ul.list', { testid: 'my-leaves' }));
}

const num = (value) => String(Math.round(Number(value) * 100) / 100);

async function fillLeaves(list, personId) {
  try {
    const page = await get(`/people/${personId}/leaves?limit=50`);
    clear(list, page.items.length === 0 ? h('li.muted', { text: t('common.none') }) : page.items.map((l) =>
      h('li', { text: `${l.firstDay} – ${l.lastDay} · ${term('leave', l.kind)}${l.hours ? ` ${num(l.hours)} h` : ''} · ${t(`status.${l.status}`)}${l.reason ? ` · ${l.reason}` : ''}` })));
  } catch (e) { clear(list, h('li.inline-error', { text: describe(e) })); }
}

function logSection(duties, contexts) {
  if (contexts.length === 0) return null;
  const now = serverNow().getTime();
  const onDuty = duties.find((d) => new Date(d.start).getTime() <= now && now < new Date(d.end).getTime());
  const where = onDuty ? contexts.findIndex((c) => c.periodId === onDuty.periodId && c.unitId === onDuty.unitId) : 0;
  const kind = field('kind', t('log.kind'), { options: [['entry', t('log.entry')], ['incident', t('log.incident')]], testid: 'log-kind' });
  const incidentOnly = h('div.row.incident-only',
    field('category', t('log.category'), { testid: 'log-category' }),
    field('severity', t('log.severity'), { options: [['', '—'], ...['low', 'medium', 'high', 'critical'].map((s) => [s, t(`sev.${s}`)])], testid: 'log-severity' }));
  const sync = () => { incidentOnly.hidden = kind.querySelector('select').value !== 'incident'; };
  kind.querySelector('select').addEventListener('change', sync);
  sync();
  const contextField = contexts.length > 1
    ? field('context', t('common.unit'), { options: contexts.map((c, i) => [String(i), c.unitName || c.unitId]), value: String(Math.max(where, 0)) })
    : null;
  const log = form('log-form', [contextField, kind, incidentOnly,
    field('body', t('log.body'), { type: 'textarea', rows: 3, testid: 'log-body' }),
    field('actionsTaken', t('log.actions'), { type: 'textarea', testid: 'log-actions' })],
  t('log.submit'), (v) => {
    const c = contexts[Number(v.context ?? Math.max(where, 0))];
    const body = { kind: v.kind, body: v.body, actionsTaken: v.actionsTaken, slotKey: onDuty?.slotKey };
    if (v.kind === 'incident') Object.assign(body, { category: v.category, severity: v.severity });
    return post(`/periods/${c.periodId}/units/${c.unitId}/duty-log`, body);
  }, { onDone: () => { toast(t('log.saved')); sync(); } });
  log.addEventListener('reset', () => setTimeout(sync));
  return section(t('staff.log'), 'duty-log', log);
}

function feedSection(me) {
  if (!me.personId) return null;
  const out = h('div.feed');
  const button = h('button', { type: 'button', testid: 'feed-create', text: t('staff.feedCreate') });
  button.addEventListener('click', () => act(button, async () => {
    const token = await post(`/people/${me.personId}/calendar-tokens`, { label: 'web' });
    const url = new URL(token.url, location.origin).href;
    const input = h('input', { readonly: true, value: url, testid: 'feed-url' });
    const copy = h('button', { type: 'button', text: t('staff.copy') });
    copy.addEventListener('click', async () => {
      input.select();
      try { await navigator.clipboard.writeText(url); } catch { document.execCommand?.('copy'); }
      toast(t('staff.copied'));
    });
    clear(out, h('div.copy-row', input, copy));
  }));
  return section(t('staff.feed'), 'feed', h('p.muted', { text: t('staff.feedHint') }), button, out);
}
