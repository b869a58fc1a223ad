// Leave requests and accepted swaps to approve, and the audit trail of the unit.
import { get, post } from './api.js';
import { clear, fmtTime, h, section, toast } from './dom.js';
import { act, describe } from './forms.js';
import { t, term } from './i18n.js';

export async function requestsSection(holder, state, refresh) {
  const names = new Map(state.people.map((p) => [p.id, p.name]));
  const leaves = state.leaves.filter((l) => l.status === 'requested');
  const leaveList = h('ul.list', { testid: 'leave-requests' }, leaves.length === 0 ? h('li.muted', { text: t('common.none') }) : leaves.map((l) =>
    h('li', { testid: 'leave-request', 'data-leave': l.id },
      h('span', { text: `${names.get(l.personId) ?? ''} · ${l.firstDay} – ${l.lastDay} · ${term('leave', l.kind)}${l.reason ? ` · ${l.reason}` : ''}` }),
      decide(`/leaves/${l.id}`, 'approve-leave', 'reject-leave', (result) => {
        const affected = result?.affected ?? [];
        if (affected.length) toast(`${t('admin.affected')}: ${affected.length}`);
        return refresh();
      }))));
  let swapList;
  try {
    const swaps = await get(`/periods/${state.period.id}/units/${state.unit.id}/swaps?status=accepted`);
    swapList = h('ul.list', { testid: 'swap-requests' }, swaps.length === 0 ? h('li.muted', { text: t('common.none') }) : swaps.map((s) =>
      h('li', { testid: 'swap-request' },
        h('span', { text: `${t(`swap.${s.kind}`)} · ${s.slotKey} · ${names.get(s.fromPersonId) ?? ''} → ${names.get(s.toPersonId) ?? ''}${s.note ? ` · ${s.note}` : ''}` }),
        decide(`/swaps/${s.id}`, 'approve-swap', 'reject-swap', refresh))));
  } catch (e) { swapList = h('p.inline-error', { text: describe(e) }); }
  clear(holder, section(t('admin.requests'), 'requests', h('h3', { text: t('admin.leaves') }), leaveList,
    h('h3', { text: t('admin.swapsToApprove') }), swapList));
}

/** Approve and reject buttons for an action resource (POST {url}:approve / :reject with an empty JSON body). */
function decide(url, approveId, rejectId, after) {
  const approve = h('button.primary', { type: 'button', testid: approveId, text: t('common.approve') });
  const reject = h('button', { type: 'button', testid: rejectId, text: t('common.reject') });
  approve.addEventListener('click', () => act(approve, async () => after(await post(`${url}:approve`, {}))));
  reject.addEventListener('click', () => act(reject, async () => after(await post(`${url}:reject`, {}))));
  return h('span.actions', approve, reject);
}

export async function auditSection(holder, state) {
  const list = h('ul.list', { testid: 'audit' });
  clear(holder, section(t('admin.audit'), 'audit-trail', list));
  try {
    const page = await get(`/audit?unit=${state.unit.id}&limit=15`);
    clear(list, page.items.map((a) => h('li', h('span.muted', { text: fmtTime(a.at, state.unit.timeZone) }),
      h('span', { text: ` ${a.entity} · ${a.action}` }))));
  } catch (e) { clear(list, h('li.inline-error', { text: describe(e) })); }
}
