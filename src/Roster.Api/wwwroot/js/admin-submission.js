// Submitting the roster to the unit above for approval (报备), the submissions so far, and the comments of a return
// (退回意见) shown beside the grid: on the commented slot, on the commented day, or for the whole roster.
import { get, post } from './api.js';
import { clear, fmtDay, fmtTime, h, section, toast } from './dom.js';
import { describe, field, form } from './forms.js';
import { t, term } from './i18n.js';

export async function submissionSection(holder, state, { grid, comments, refresh }) {
  const { period, unit } = state;
  const base = `/periods/${period.id}/units/${unit.id}`;
  let submissions = [];
  try {
    submissions = await get(`${base}/submissions`);
  } catch (e) {
    clear(holder, section(t('admin.submission'), 'submission', h('p.inline-error', { text: describe(e) })));
    return;
  }
  submissions = [...submissions].sort((a, b) => b.number - a.number);
  const latest = submissions[0];
  const returned = latest?.state === 'returned' ? latest : null;
  drawComments(comments, grid, returned, state);

  if (!period.requiresApproval) {
    state.submitForm = null;
    clear(holder, section(t('admin.submission'), 'submission', h('p.muted', { text: t('sub.noApproval') }), history(submissions)));
    return;
  }
  // What was typed in the note survives a redraw after a failed submit: the form is kept, only re-attached.
  const submit = state.submitForm?.dataset.base === base ? state.submitForm : form('submit-form', [field('note', t('sub.note'), { type: 'textarea', testid: 'submit-note' })],
    t('sub.submit'), (v) => post(`${base}/roster:submit`, { note: v.note }),
    { onDone: async () => { toast(t('sub.submitted')); await refresh(); } });
  submit.dataset.base = base;
  state.submitForm = submit;
  submit.querySelector('button[type=submit]').disabled = state.roster?.status !== 'draft';
  clear(holder, section(t('admin.submission'), 'submission',
    h('p.muted', { text: t('sub.needsApproval') }),
    latest ? h('p', { testid: 'submission-state', 'data-state': latest.state, text: `${t('sub.number', { n: latest.number })} · ${t(`sub.state.${latest.state}`)}` }) : null,
    submit, history(submissions)));
}

function history(submissions) {
  if (submissions.length === 0) return h('p.muted', { text: t('sub.noSubmissions') });
  return h('details', h('summary', { text: `${t('sub.history')} (${submissions.length})` }),
    h('ul.list', { testid: 'submissions' }, submissions.map((s) => h('li', { testid: 'submission', 'data-state': s.state },
      h('strong', { text: t('sub.number', { n: s.number }) }),
      h('span', { class: `chip state-${s.state}`, text: t(`sub.state.${s.state}`) }),
      h('span.muted', { text: `${fmtTime(s.submittedAt)}${s.decidedAt ? ` → ${fmtTime(s.decidedAt)}` : ''}` }),
      s.note ? h('span', { text: s.note }) : null,
      s.decisionNote ? h('span', { text: `${t('sub.decisionNote')}: ${s.decisionNote}` }) : null,
      s.changesSinceReturn ? h('span', { testid: 'changes-since-return', text: changes(s.changesSinceReturn) }) : null))));
}

const changes = (c) => `${t('sub.changes')} (${c.fromSubmission} → ${c.toSubmission}): ${t('admin.added')} ${c.added.length} · `
  + `${t('admin.removed')} ${c.removed.length} · ${t('admin.changed')} ${c.changed.length}`;

/** The comments of a returned submission in a panel beside the grid, and a mark on each commented slot and day. */
function drawComments(holder, grid, returned, state) {
  if (!returned || (returned.comments.length === 0 && !returned.decisionNote)) { clear(holder); return; }
  const slotLabel = (key) => {
    const a = state.roster?.assignments.find((x) => x.slotKey === key) ?? state.roster?.unfilled.find((x) => x.slotKey === key);
    return a ? `${fmtDay(a.date)} · ${term('shift', a.shiftCode)} · ${term('role', a.role)}` : key;
  };
  const where = (c) => (c.slotKey ? slotLabel(c.slotKey) : c.date ? fmtDay(c.date) : t('sub.whole'));
  clear(holder, h('div.panel.returned', { testid: 'return-comments' },
    h('h3', { text: `${t('sub.comments')} · ${t('sub.number', { n: returned.number })}` }),
    returned.decisionNote ? h('p', { testid: 'return-note', text: returned.decisionNote }) : null,
    h('ul', returned.comments.map((c) => h('li', { testid: 'return-comment', 'data-date': c.date ?? '', 'data-slot': c.slotKey ?? '' },
      h('strong', { text: `${where(c)}: ` }), h('span', { text: c.text ?? '' }))))));
  for (const c of returned.comments) {
    const target = c.slotKey
      ? grid.querySelector(`[data-testid=slot][data-slot="${CSS.escape(c.slotKey)}"]`)
      : c.date ? grid.querySelector(`th[data-date="${CSS.escape(c.date)}"]`) : null;
    if (!target) continue;
    target.classList.add('commented');
    target.title = `${target.title ? `${target.title}\n` : ''}${t('sub.comments')}: ${c.text ?? ''}`;
  }
}
