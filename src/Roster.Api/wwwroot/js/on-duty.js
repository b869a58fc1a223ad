// Who is on duty now (当前在岗): a call board for the bureau office. One card per unit that keeps a roster, with the
// duty office's phone, the leader and staff on duty and who stands by (备班), each number one tap to call; searchable
// and printable.
// Reloads on pushed changes (events.js), polls while the stream is down, and moves on by itself each minute.
import { all, get, serverNow } from './api.js';
import { clear, fmtTime, h, toast } from './dom.js';
import { describe } from './forms.js';
import { t, term } from './i18n.js';
import { topUnits } from './coverage.js';
import { watchChanges } from './events.js';

const POLL_MS = 5000;
const IDLE_MS = 60_000;

export function render(root, { me }) {
  let alive = true;
  let timer;
  let streaming = false;
  let stopWatching = () => {};
  let watching = false;
  let board = [];
  const search = h('input', { type: 'search', placeholder: t('duty.search'), testid: 'on-duty-search', 'aria-label': t('duty.search') });
  const when = h('span.muted', { testid: 'on-duty-at' });
  const cards = h('div.callboard', { testid: 'on-duty-board' }, h('p.muted', { text: t('common.loading') }));
  const print = h('button', { type: 'button', text: t('duty.print'), testid: 'on-duty-print', onclick: () => window.print() });
  clear(root, h('section.card', { testid: 'on-duty' },
    h('div.toolbar.no-print', h('h2', { text: t('duty.title') }), search, print),
    h('h2.print-only', { text: t('duty.title') }), when, cards));

  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const match = (u) => !q || [u.name, u.nameEn, u.code, u.dutyPhone, ...[...u.onDuty, ...(u.standby ?? [])].flatMap((p) => [p.name, p.phone])]
      .some((v) => v && v.toLowerCase().includes(q));
    const shown = board.filter(match);
    clear(cards, shown.length === 0 ? h('p.muted', { text: t('common.none') }) : shown.map(card));
  };
  search.addEventListener('input', draw);

  const load = async () => {
    if (!alive) return;
    clearTimeout(timer);
    try {
      const roots = topUnits(me, await all('/units'));
      const answers = await Promise.all(roots.map((u) => get(`/on-duty?unit=${u}`)));
      board = answers.flatMap((a) => a.units);
      when.textContent = `${t('duty.at')} ${fmtTime(answers[0]?.at ?? serverNow().toISOString())}`;
      draw();
      if (!watching && roots.length > 0) {
        watching = true;
        stopWatching = watchChanges(roots, load, (up) => { streaming = up; });
      }
    } catch (e) {
      toast(describe(e));
    }
    if (alive) timer = setTimeout(load, streaming ? IDLE_MS : POLL_MS);
  };
  load();
  return () => { alive = false; clearTimeout(timer); stopWatching(); };
}

function card(unit) {
  return h('article.duty-card', { testid: 'on-duty-unit', 'data-unit': unit.unitId },
    h('header', h('h3', { text: unit.name }),
      unit.dutyPhone
        ? h('a.tel', { href: `tel:${unit.dutyPhone}`, text: `${t('duty.office')} ${unit.dutyPhone}`, testid: 'duty-office-phone' })
        : h('span.muted', { text: `${t('duty.office')} —` })),
    unit.onDuty.length === 0
      ? h('p.warn', { text: t('duty.nobody'), testid: 'on-duty-nobody' })
      : h('ul.list', unit.onDuty.map((p) => h('li', { testid: 'on-duty-person', 'data-person': p.personId },
        h('strong', { text: `${term('role', p.role)} ${p.name}` }),
        p.phone ? h('a.tel', { href: `tel:${p.phone}`, text: p.phone }) : h('span.muted', { text: t('duty.noPhone') }),
        h('span.badge', { text: t(`presence.${p.presence}`) }),
        p.presence === 'on_site'
          ? h(`span.badge.${p.checkedIn ? 'ok' : 'warn'}`, { text: p.checkedIn ? (p.late ? t('staff.late') : t('staff.checkedIn')) : t('duty.notCheckedIn') })
          : null,
        h('span.muted', { text: `${term('shift', p.shiftCode)} ${fmtTime(p.startsAt)}–${fmtTime(p.endsAt)}` })))),
    (unit.standby ?? []).length === 0 ? null : h('div', { testid: 'on-duty-standby' },
      h('h4', { text: t('onDuty.standby') }),
      h('ul.list', unit.standby.map((p) => h('li', { testid: 'standby-person', 'data-person': p.personId },
        h('strong', { text: `${term('role', p.role)} ${p.name}` }),
        p.phone ? h('a.tel', { href: `tel:${p.phone}`, text: p.phone }) : h('span.muted', { text: t('duty.noPhone') }),
        h('span.muted', { text: `${term('shift', p.shiftCode)} ${fmtTime(p.startsAt)}–${fmtTime(p.endsAt)}` }))))));
}
