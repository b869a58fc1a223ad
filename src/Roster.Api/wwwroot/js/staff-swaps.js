// Swaps and covers for duty staff: offers by colleagues to accept, and my own offers with their state.
import { get, post } from './api.js';
import { fmtTime, h, section, toast } from './dom.js';
import { act, describe } from './forms.js';
import { t, term } from './i18n.js';

export async function swapSection(me, duties, contexts, reload) {
  const rows = [];
  const mine = [];
  for (const c of contexts) {
    try {
      const [swaps, roster] = await Promise.all([
        get(`/periods/${c.periodId}/units/${c.unitId}/swaps`),
        get(`/periods/${c.periodId}/units/${c.unitId}/roster?version=published`).catch(() => ({ assignments: [] })),
      ]);
      const slots = new Map(roster.assignments.map((a) => [a.slotKey, a]));
      for (const s of swaps) {
        const slot = slots.get(s.slotKey);
        if (s.fromPersonId === me.personId) mine.push(myOffer(s, slot, reload));
        else if (s.status === 'offered' && (!s.toPersonId || s.toPersonId === me.personId)) {
          rows.push(offerRow(s, slot, duties.filter((d) => d.periodId === c.periodId && d.unitId === c.unitId), reload));
        }
      }
    } catch (e) {
      rows.push(h('li.inline-error', { text: describe(e) }));
    }
  }
  return section(t('staff.swaps'), 'swaps',
    rows.length === 0 ? h('p.muted', { text: t('staff.noSwaps') }) : h('ul.list', { testid: 'offers' }, rows),
    mine.length ? [h('h3', { text: t('staff.myOffers') }), h('ul.list', { testid: 'my-offers' }, mine)] : null);
}

const slotText = (slot, key) => (slot
  ? `${fmtTime(slot.start)} – ${fmtTime(slot.end)} · ${term('shift', slot.shiftCode)} · ${term('role', slot.role)}`
  : key);

function offerRow(s, slot, myDuties, reload) {
  const li = h('li.offer-row', { testid: 'offer', 'data-swap': s.id },
    h('span', { text: `${t(`swap.${s.kind}`)} · ${slotText(slot, s.slotKey)}` }),
    h('span.muted', { text: ` · ${t('staff.offeredBy')}: ${slot?.personName ?? ''}${s.note ? ` · ${s.note}` : ''}` }));
  let counter = null;
  if (s.kind === 'swap') {
    counter = h('select', { 'aria-label': t('staff.counter') },
      myDuties.map((d) => h('option', { value: d.slotKey, text: `${fmtTime(d.start, d.timeZone)} ${term('shift', d.shiftCode)}` })));
    li.append(h('label.inline', t('staff.counter'), counter));
  }
  const accept = h('button.primary', { type: 'button', testid: 'accept-offer', text: t('staff.accept') });
  accept.addEventListener('click', () => act(accept, async () => {
    const result = await post(`/swaps/${s.id}:accept`, counter ? { counterSlotKey: counter.value } : {});
    toast(t(`status.${result.status}`));
    await reload();
  }));
  li.append(accept);
  return li;
}

function myOffer(s, slot, reload) {
  const li = h('li', { testid: 'my-offer', 'data-swap': s.id },
    h('span', { text: `${t(`swap.${s.kind}`)} · ${slotText(slot, s.slotKey)} · ` }),
    h('span', { class: `status status-${s.status}`, text: t(`status.${s.status}`) }));
  if (s.status === 'offered') {
    const cancel = h('button.link', { type: 'button', text: t('staff.cancelOffer') });
    cancel.addEventListener('click', () => act(cancel, async () => { await post(`/swaps/${s.id}:cancel`, {}); await reload(); }));
    li.append(cancel);
  }
  return li;
}
