// Supervisor oversight of one critical period: the submission board (报备审批看板) with approve and return-with-comments,
// and the special inspections (专项检查): progress per unit, open hazards (隐患) and oversight flags (督办提醒).
import { get, post } from './api.js';
import { clear, daysBetween, fmtDay, fmtTime, h, section, toast } from './dom.js';
import { act, describe, field, form } from './forms.js';
import { t } from './i18n.js';

const when = (instant) => (instant ? fmtTime(instant) : '—');

export async function boardSection(holder, period, units, alive) {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const redraw = () => (alive() ? boardSection(holder, period, units, alive) : undefined);
  let board;
  try {
    board = await get(`/periods/${period.id}/submission-board`);
    if (!alive()) return;
  } catch (e) {
    clear(holder, section(t('sup.board'), 'submission-board', h('p.inline-error', { text: describe(e) })));
    return;
  }
  const head = h('p.muted', { text: board.requiresApproval
    ? `${t('sub.needsApproval')}${board.submissionDue ? ` ${t('sup.due')}: ${fmtTime(board.submissionDue)}` : ''}`
    : t('sub.noApproval') });
  const rows = board.units.map((u) => {
    const li = h('li.board-row', { testid: 'board-row', 'data-unit': u.unitId, 'data-state': u.state },
      h('strong', { text: u.unitName || names.get(u.unitId) || u.unitId }),
      h('span', { class: `chip state-${u.state}`, testid: 'board-state', text: t(`sub.state.${u.state}`) }),
      u.overdueSince ? h('span.chip.state-overdue', { text: `${t('sup.overdue')} ${when(u.overdueSince)}` }) : null,
      h('span.muted', { text: `${t('sup.submittedAt')} ${when(u.submittedAt)} · ${t('sup.decidedAt')} ${when(u.decidedAt)} · ${t('sup.publishedAt')} ${when(u.publishedAt)}` }));
    if (u.state === 'submitted' && u.submissionId) li.append(decision(u, period, redraw));
    return li;
  });
  clear(holder, section(t('sup.board'), 'submission-board', head,
    h('ul.list', { testid: 'board' }, rows.length ? rows : h('li.muted', { text: t('common.none') }))));
}

/** Approve (publishes the roster) or return with a note and comments per day or slot. */
function decision(entry, period, redraw) {
  const approve = h('button.primary', { type: 'button', testid: 'approve-submission', text: t('common.approve') });
  approve.addEventListener('click', () => act(approve, async () => {
    await post(`/submissions/${entry.submissionId}:approve`, {});
    toast(t('sup.approvedToast'));
    await redraw();
  }));
  const days = daysBetween(period.firstDay, period.lastDay);
  const comments = h('div.comments');
  const addComment = () => {
    const i = comments.children.length;
    comments.append(h('div.row.comment', { 'data-comment': i },
      field(`comments[${i}].date`, t('sup.commentDate'), { options: [['', '—'], ...days.map((d) => [d, fmtDay(d)])], testid: 'comment-date' }),
      field(`comments[${i}].slotKey`, t('sup.commentSlot'), { testid: 'comment-slot' }),
      field(`comments[${i}].text`, t('sup.commentText'), { testid: 'comment-text' })));
  };
  addComment();
  const more = h('button', { type: 'button', testid: 'add-comment', text: t('sup.addComment') });
  more.addEventListener('click', addComment);
  const ret = form('return-form', [field('note', t('sup.returnNote'), { type: 'textarea', testid: 'return-note' }), comments, more],
    t('sup.return'), (v) => {
      // Rows keep their position (so that an error on comments[i] lands on row i); trailing empty rows are left out.
      const list = [...comments.children].map((_, i) =>
        ({ date: v[`comments[${i}].date`], slotKey: v[`comments[${i}].slotKey`], text: v[`comments[${i}].text`] }));
      while (list.length && !list.at(-1).date && !list.at(-1).slotKey && !list.at(-1).text) list.pop();
      return post(`/submissions/${entry.submissionId}:return`, { note: v.note, comments: list });
    }, { keep: true, onDone: async () => { toast(t('sup.returnedToast')); await redraw(); } });
  return h('div.decision', h('div.actions', approve),
    h('details.return', h('summary', { text: t('sup.return'), testid: 'return-toggle' }), ret));
}

export async function inspectionSection(holder, period, units, alive) {
  const names = new Map(units.map((u) => [u.id, u.name]));
  if (!alive()) return;
  const [progressItems, hazardItems, flagItems] = await Promise.all([
    get(`/periods/${period.id}/inspection-progress`).catch((e) => e),
    get(`/hazards?period=${period.id}`).catch((e) => e),
    get(`/oversight-flags?period=${period.id}`).catch((e) => e),
  ]);
  if (!alive()) return;
  const progress = h('ul.list', { testid: 'inspection-progress' });
  const hazards = h('ul.list', { testid: 'hazards' });
  const flags = h('ul.list', { testid: 'oversight-flags' });
  clear(holder, section(t('sup.inspections'), 'inspections', h('h3', { text: t('insp.progress') }), progress,
    h('h3', { text: t('insp.hazards') }), hazards, h('h3', { text: t('insp.flags') }), flags));
  const fill = (list, items, row, empty) => {
    if (items instanceof Error) clear(list, h('li.inline-error', { text: describe(items) }));
    else clear(list, items.length === 0 ? h('li.muted', { text: empty }) : items.map(row));
  };
  fill(progress, progressItems, (p) => h('li', {
      testid: 'progress-row', 'data-unit': p.unitId, 'data-requirement': p.requirementId, 'data-behind': String(p.behind),
    },
    h('strong', { text: p.unitName }), h('span', { text: `${p.title} (${p.windowFirst} – ${p.windowLast})` }),
    h('span', { testid: 'progress-count', text: `${t('insp.done')} ${p.done} / ${t('insp.required')} ${p.required}` }),
    h('span.muted', { text: `${t('insp.scheduled')} ${p.scheduled}` }),
    p.openHazards ? h('span.chip.state-returned', { text: `${t('insp.hazards')} ${p.openHazards}` }) : null,
    h('span', { class: `chip ${p.behind ? 'state-overdue' : 'state-approved'}`, text: p.behind ? t('insp.behind') : t('insp.onTrack') })),
    t('insp.noRequirements'));
  fill(hazards, hazardItems, (z) => h('li', { testid: 'hazard', 'data-hazard': z.id },
      h('strong', { text: names.get(z.unitId) ?? '' }), h('strong.bad', { text: z.item }), z.note ? h('span', { text: z.note }) : null,
      h('span.muted', { text: `${fmtTime(z.foundAt)}${z.owner ? ` · ${t('insp.owner')} ${z.owner}` : ''}${z.dueAt ? ` · ${t('insp.dueAt')} ${fmtTime(z.dueAt)}` : ''}` }),
      z.overdue ? h('span.chip.state-overdue', { text: t('insp.overdue') }) : null), t('common.none'));
  fill(flags, flagItems, (f) => h('li', { testid: 'flag', 'data-kind': f.kind },
      h('strong', { text: names.get(f.unitId) ?? '' }), h('strong.bad', { text: t(`flag.${f.kind}`) }), h('span.muted', { text: `${fmtTime(f.openedAt)}${f.detail ? ` · ${f.detail}` : ''}` })),
    t('common.none'));
}
