// The roster grid (shifts and roles × days), coloured by shift and role, holidays and make-up workdays marked, unfilled
// slots and duties of people on approved leave in red; a slot opens its explanations and the ranked candidates (the slot's
// standby first). Standby (备班) slots show in a row of their own under each shift and role that asks for them; a standby
// slot opens a panel to set or clear its person by hand (into the draft, with the roster's ETag as If-Match).
import { ApiError, all, api, del, get, getVersioned, put } from './api.js';
import { addDays, clear, daysBetween, fmtDay, fmtTime, h } from './dom.js';
import { act, describe } from './forms.js';
import { lang, t, term } from './i18n.js';

const roleRank = (r) => (r === 'leader' ? 0 : 1);

export async function rosterGrid(state, { grid, panel, status, refresh, actions }) {
  const { period, unit } = state;
  const base = `/periods/${period.id}/units/${unit.id}/roster`;
  const first = state.from < period.firstDay ? period.firstDay : state.from;
  const last = addDays(first, 6) > period.lastDay ? period.lastDay : addDays(first, 6);
  const [roster, days, people, standbySlots] = await Promise.all([
    // Its ETag goes back as If-Match with each edit: a change someone made meanwhile answers 412 instead of being lost.
    getVersioned(`${base}?from=${first}&to=${last}`).then((r) => { state.rosterETag = r.etag; return r.body; })
      .catch((e) => { if (e instanceof ApiError && e.status === 404) return null; throw e; }),
    get(`/calendars/${period.calendarId}/days?from=${first}&to=${last}`).catch(() => []),
    all(`/units/${unit.id}/people`),
    get(`${base}/standby-slots?from=${first}&to=${last}`).catch(() => null),
  ]);
  state.roster = roster;
  state.people = people;
  state.leaves = (await Promise.all(people.map((p) => all(`/people/${p.id}/leaves`).catch(() => [])))).flat();
  const onLeave = (personId, date) => state.leaves.some((l) =>
    l.personId === personId && l.status === 'approved' && l.firstDay <= date && date <= l.lastDay);

  const dayTypes = new Map((Array.isArray(days) ? days : days.items ?? []).map((d) => [d.date, d]));
  const slots = roster ? [
    ...roster.assignments.map((a) => ({ ...a, gap: onLeave(a.personId, a.date) ? 'on-leave' : null })),
    ...roster.unfilled.map((u) => ({ ...u, gap: 'unfilled' })),
  ] : [];
  // Every standby slot the shifts ask for, held or open; without that list (an older answer), the standbys held.
  const standby = standbySlots ?? (roster?.standby ?? []).map((s) => ({ ...s, steppedInSlot: s.steppedInSlot ?? null }));
  const duty = [...new Set(slots.map((s) => `${s.shiftCode}|${s.role}`))]
    .sort((a, b) => roleRank(a.split('|')[1]) - roleRank(b.split('|')[1]) || a.localeCompare(b));
  const standbyOnly = [...new Set(standby.map((s) => `${s.shiftCode}|${s.role}`))].filter((row) => !duty.includes(row));
  const rows = [...duty, ...standbyOnly].flatMap((row) => {
    const has = standby.some((s) => `${s.shiftCode}|${s.role}` === row);
    if (!has) return [row];
    return duty.includes(row) ? [row, `${row}|standby`] : [`${row}|standby`];
  });
  const dates = daysBetween(first, last);

  const gaps = slots.filter((s) => s.gap);
  clear(status,
    roster ? h('strong', { testid: 'version', text: `${roster.status === 'draft' ? t('admin.draft') : t('admin.published')} · ${t('admin.version')} ${roster.number}` }) : h('span.muted', { text: t('admin.noRoster') }),
    gaps.length ? h('span.inline-error', { testid: 'gap-count', text: t('admin.unfilledCount', { n: gaps.length }) }) : null,
    actions());

  if (!roster) { clear(grid); clear(panel); return; }
  const headCell = (date) => {
    const d = dayTypes.get(date);
    const type = d?.dayType ?? '';
    const mark = type === 'Holiday' || type === 'MakeUpWorkday'
      ? h('span.day-mark', { text: `${term('day', type)}${d.holiday ? ` ${lang() === 'en' ? d.holidayEn ?? d.holiday : d.holiday}` : ''}` }) : null;
    return h('th', { class: `day-${type}`, 'data-date': date }, fmtDay(date), mark);
  };
  const table = h('table.grid', { testid: 'roster-grid' },
    h('thead', h('tr', h('th', { text: t('admin.slot') }), dates.map(headCell))),
    h('tbody', rows.map((row) => {
      const [shiftCode, role, kind] = row.split('|');
      if (kind === 'standby') {
        return h('tr.standby-row', { testid: 'standby-row' }, h('th', { text: `${term('shift', shiftCode)} · ${term('role', role)} · ${t('admin.standby')}` }),
          dates.map((date) => h('td', { class: `day-${dayTypes.get(date)?.dayType ?? ''}` },
            standby.filter((s) => s.date === date && s.shiftCode === shiftCode && s.role === role)
              .sort((a, b) => a.slotKey.localeCompare(b.slotKey))
              .map((s) => standbyButton(s)))));
      }
      return h('tr', h('th', { text: `${term('shift', shiftCode)} · ${term('role', role)}` }), dates.map((date) => h('td',
        { class: `day-${dayTypes.get(date)?.dayType ?? ''}` },
        slots.filter((s) => s.date === date && s.shiftCode === shiftCode && s.role === role)
          .sort((a, b) => a.slotKey.localeCompare(b.slotKey))
          .map((s) => slotButton(s, () => openSlot(s))))));
    })));
  clear(grid, table);

  function slotButton(s, onClick) {
    const label = s.gap === 'unfilled' ? t('admin.unfilled') : `${s.personName}${s.gap === 'on-leave' ? ` (${t('admin.onLeave')})` : ''}`;
    const b = h('button.slot', {
      type: 'button', testid: 'slot', 'data-slot': s.slotKey, 'data-gap': s.gap ?? '', text: label,
      class: `shift-${s.shiftCode} role-${s.role}${s.gap ? ` ${s.gap}` : ''}${s.pinned ? ' pinned' : ''}`,
      title: `${fmtTime(s.start, unit.timeZone)} – ${fmtTime(s.end, unit.timeZone)}`,
    });
    b.addEventListener('click', onClick);
    return b;
  }

  function standbyButton(s) {
    const b = h('button.slot.standby', {
      type: 'button', testid: 'standby', 'data-slot': s.slotKey, 'data-person': s.personId ?? '',
      class: `role-${s.role}${s.steppedInSlot ? ' stepped-in' : ''}${s.personId ? '' : ' open'}`,
      text: s.personId ? `${s.personName}${s.steppedInSlot ? ` (${t('admin.steppedIn')})` : ''}` : t('standby.open'),
      title: `${t('admin.standby')} ${fmtTime(s.start, unit.timeZone)} – ${fmtTime(s.end, unit.timeZone)}`,
    });
    b.addEventListener('click', () => openStandby(s));
    return b;
  }

  function openStandby(s) {
    grid.querySelectorAll('.slot.selected').forEach((e) => e.classList.remove('selected'));
    grid.querySelector(`[data-testid=standby][data-slot="${CSS.escape(s.slotKey)}"]`)?.classList.add('selected');
    const who = h('select', { testid: 'standby-person', 'aria-label': t('standby.person') },
      state.people.filter((p) => p.active && p.roles.includes(s.role))
        .map((p) => h('option', { value: p.id, text: `${p.name}${p.employmentType === 'formal' ? '' : ` (${p.employmentType})`}`, selected: p.id === s.personId })));
    const refusal = h('div', { testid: 'standby-error' });
    const set = h('button.primary', { type: 'button', testid: 'standby-set', text: t('standby.set') });
    set.addEventListener('click', () => act(set, async () => {
      clear(refusal);
      try {
        await put(`${base}/standby`, { slotKey: s.slotKey, personId: who.value }, state.rosterETag);
      } catch (e) {
        // A hard rule refuses the person: name the rule next to the choice and keep the panel open.
        if (e instanceof ApiError && e.status === 422 && e.problem.rule) {
          clear(refusal, h('p.inline-error', {
            role: 'alert', testid: 'standby-refused', 'data-rule': e.problem.rule,
            text: `${t('standby.refused', { rule: term('rule', e.problem.rule) })} — ${(e.problem.errors?.personId ?? []).join('；')}`,
          }));
          return;
        }
        throw e;
      }
      clear(panel);
      await refresh();
    }));
    const unset = s.personId ? h('button', { type: 'button', testid: 'standby-clear', text: t('standby.clear') }) : null;
    unset?.addEventListener('click', () => act(unset, async () => {
      await del(`${base}/standby?slot=${encodeURIComponent(s.slotKey)}`, state.rosterETag);
      clear(panel);
      await refresh();
    }));
    clear(panel, h('div.panel', { testid: 'standby-panel' },
      h('h3', { text: `${fmtDay(s.date)} · ${term('shift', s.shiftCode)} · ${term('role', s.role)} · ${t('standby.slot')} · ${fmtTime(s.start, unit.timeZone)} – ${fmtTime(s.end, unit.timeZone)}` }),
      h('p', { text: `${t('standby.person')}: ${s.personId ? s.personName : t('standby.open')}` }),
      roster.status === 'draft' ? null : h('p.muted', { text: t('standby.draftHint') }),
      h('div.field', h('label', { text: t('standby.person') }), who), refusal, h('div.actions', set, unset)));
  }

  async function openSlot(s) {
    grid.querySelectorAll('.slot.selected').forEach((e) => e.classList.remove('selected'));
    grid.querySelector(`[data-slot="${CSS.escape(s.slotKey)}"]`)?.classList.add('selected');
    const body = h('div.panel', { testid: 'slot-panel' },
      h('h3', { text: `${fmtDay(s.date)} · ${term('shift', s.shiftCode)} · ${term('role', s.role)} · ${fmtTime(s.start, unit.timeZone)} – ${fmtTime(s.end, unit.timeZone)}` }),
      s.personName ? h('p', { text: `${t('admin.assigned')}: ${s.personName}${s.gap === 'on-leave' ? ` (${t('admin.onLeave')})` : ''}` }) : null);
    if (s.gap === 'unfilled' && s.candidates?.length) {
      body.append(h('h3', { text: t('admin.why') }),
        h('ul', { testid: 'explanations' }, s.candidates.map((c) => h('li', { text: `${c.personName}: ${c.message}` }))));
    }
    if (s.personName && roster.status === 'draft') {
      const pin = h('button', { type: 'button', testid: 'pin', text: s.pinned ? t('admin.unpin') : t('admin.pin') });
      pin.addEventListener('click', () => act(pin, async () => {
        await api('POST', `${base}/pins`, { slotKey: s.slotKey, pinned: !s.pinned }, { ifMatch: state.rosterETag });
        await refresh();
      }));
      body.append(h('div.actions', pin));
    }
    const list = h('ol.list', { testid: 'candidates' }, h('li.muted', { text: t('common.loading') }));
    body.append(h('h3', { text: t('admin.candidates') }), list);
    clear(panel, body);
    try {
      const candidates = await get(`${base}/candidates?slot=${encodeURIComponent(s.slotKey)}`);
      clear(list, candidates.length === 0 ? h('li.muted', { text: t('admin.noCandidates') }) : candidates.slice(0, 10).map((c) => {
        const assign = h('button.primary', { type: 'button', testid: 'assign', text: t('admin.assign') });
        assign.addEventListener('click', () => act(assign, async () => {
          if (roster.status === 'draft') await put(`${base}/assignments`, { slotKey: s.slotKey, personId: c.personId }, state.rosterETag);
          else await api('POST', `${base}/replacements`, { slotKey: s.slotKey, personId: c.personId }, { ifMatch: state.rosterETag });
          clear(panel);
          await refresh();
        }));
        return h('li', { testid: 'candidate', 'data-standby': c.standby ? 'true' : 'false' },
          h('span', { text: `${c.name}${c.phone ? ` · ${c.phone}` : ''}` }),
          c.standby ? h('span.tag', { testid: 'standby-candidate', text: ` ${t('admin.standby')}` }) : null,
          h('span.muted', { text: ` (${c.score.toFixed(1)})` }), assign);
      }));
    } catch (e) { clear(list, h('li.inline-error', { text: describe(e) })); }
  }
}
