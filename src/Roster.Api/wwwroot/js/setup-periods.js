// Critical periods: dates, the units that keep a roster, calendar, deadlines and approval; and a unit's duty settings
// (check-in window, swap approval, standby stepping in automatically).
import { all, api, getVersioned, post } from './api.js';
import { h, toast } from './dom.js';
import { field } from './forms.js';
import { e } from './edit-text.js';
import { checkbox, checked, checks, editForm, val } from './edit-fields.js';
import { t } from './i18n.js';

/** "2026-12-20T17:00" local in a time zone → an ISO instant with that zone's offset then. */
function instantOf(local, timeZone) {
  if (!local) return undefined;
  const guess = new Date(`${local}:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(guess).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${local}:00${offset}`;
}

/** An instant shown as local "yyyy-MM-ddTHH:mm" in a time zone, for a datetime-local input. */
function localOf(instant, timeZone) {
  if (!instant) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The form of one period (a new one when period is null) declared on unit `owner`; units: every unit with path;
 * calendars: the calendars the account sees. onSaved(period) after a save.
 */
export function periodForm(owner, units, calendars, period, onSaved) {
  const below = units.filter((u) => u.path.startsWith(`${owner.path}/`) || u.id === owner.id);
  const mode = period?.rosterUnits?.mode ?? 'leaves';
  const chosen = period?.rosterUnits?.unitIds ?? [];
  const unitList = checks('rosterUnits.unitIds', e('period.units'), below.map((u) => [u.id, `${u.path} · ${u.name}`]), chosen, 'period-units');
  const f = editForm('period-form', [
    h('div.row',
      field('name', e('period.name'), { value: period?.name ?? '', testid: 'period-name' }),
      field('firstDay', e('period.firstDay'), { type: 'date', value: period?.firstDay ?? '', testid: 'period-first-day' }),
      field('lastDay', e('period.lastDay'), { type: 'date', value: period?.lastDay ?? '', testid: 'period-last-day' }),
      field('calendarId', e('period.calendar'), { options: calendars.map((c) => [c.id, c.name]), value: period?.calendarId, testid: 'period-calendar' })),
    h('div.row',
      field('rosterUnits.mode', e('period.mode'), { options: ['all', 'leaves', 'list'].map((m) => [m, e(`period.mode.${m}`)]), value: mode, testid: 'period-mode' }),
      checkbox('rosterUnits.includeOwnUnit', e('period.includeOwn'), period?.rosterUnits?.includeOwnUnit, 'period-include-own')),
    unitList,
    h('div.row',
      checkbox('requiresApproval', e('period.approval'), period?.requiresApproval, 'period-approval'),
      field('submissionDue', e('period.submissionDue'), { type: 'datetime-local', value: localOf(period?.submissionDue, owner.timeZone), testid: 'period-submission-due' }),
      field('dailyReportDue', e('period.dailyReportDue'), { type: 'time', value: (period?.dailyReportDue ?? '16:00:00').slice(0, 5), testid: 'period-report-due' }),
      field('incidentAckMinutes', e('period.ackMinutes'), { type: 'number', value: period?.incidentAckMinutes ?? 20, testid: 'period-ack' })),
  ], e('period.save'), (form) => {
    const m = form.elements['rosterUnits.mode'].value;
    const body = {
      name: val(form, 'name'), firstDay: val(form, 'firstDay'), lastDay: val(form, 'lastDay'), calendarId: form.elements.calendarId.value || undefined,
      rosterUnits: { mode: m, unitIds: m === 'list' ? checked(form, 'rosterUnits.unitIds') : undefined, includeOwnUnit: m === 'leaves' ? form.elements['rosterUnits.includeOwnUnit'].checked : undefined },
      requiresApproval: form.elements.requiresApproval.checked,
      submissionDue: instantOf(val(form, 'submissionDue'), owner.timeZone),
      dailyReportDue: val(form, 'dailyReportDue') ? `${val(form, 'dailyReportDue')}:00` : undefined,
      incidentAckMinutes: val(form, 'incidentAckMinutes') === undefined ? undefined : Number(val(form, 'incidentAckMinutes')),
    };
    // An update without rules would clear them: the period's rules are edited elsewhere, so they go back unchanged.
    return period ? api('PUT', `/periods/${period.id}`, { ...body, rules: period.rules }, { ifMatch: `"${period.version}"` }) : post('/periods', { unitId: owner.id, ...body });
  }, async (saved) => { toast(e('period.saved')); await onSaved(saved); });
  f.dataset.period = period?.id ?? 'new';
  const showList = () => { unitList.hidden = f.elements['rosterUnits.mode'].value !== 'list'; };
  f.elements['rosterUnits.mode'].addEventListener('change', showList);
  showList();
  return f;
}

/** Periods of the administered units: choose one to edit, or declare a new one. */
export function periodsPanel(units, administered, calendars, onChange) {
  const owners = units.filter((u) => administered.has(u.id));
  const holder = h('div');
  const owner = h('select', { testid: 'period-owner' }, owners.map((u) => h('option', { value: u.id, text: `${u.path} · ${u.name}` })));
  const pick = h('select', { testid: 'period-pick' });
  let latest = 0;
  const draw = async () => {
    const seq = ++latest;
    const unit = owners.find((u) => u.id === owner.value);
    const periods = (await all(`/periods?unit=${unit.id}`)).filter((p) => p.unitId === unit.id);
    if (seq !== latest) return;
    const keep = pick.value;
    pick.replaceChildren(h('option', { value: '', text: e('period.new') }),
      ...periods.map((p) => h('option', { value: p.id, text: `${p.name} ${p.firstDay}–${p.lastDay}`, selected: p.id === keep })));
    const period = periods.find((p) => p.id === pick.value) ?? null;
    holder.replaceChildren(h('h4', { text: period ? e('period.edit') : e('period.new') }),
      periodForm(unit, units, calendars, period, async (saved) => { pick.value = saved.id; await draw(); await onChange?.(); }));
  };
  owner.addEventListener('change', () => { pick.value = ''; draw(); });
  pick.addEventListener('change', draw);
  if (owners.length) draw().catch((x) => toast(String(x.message)));
  return h('section.card', { testid: 'periods-panel' }, h('h3', { text: e('period.title') }),
    h('div.row', h('label', t('common.unit'), owner), h('label', e('period.pick'), pick)), holder);
}

/** A unit's duty settings, incl. whether its standby steps in automatically (备班自动顶岗). */
export function dutySettingsPanel(units) {
  const unit = h('select', { testid: 'duty-unit' }, units.map(([id, label]) => h('option', { value: id, text: label })));
  const holder = h('div');
  let latest = 0;
  const draw = async () => {
    // Only the latest choice draws: a slow earlier load must not replace the form of the unit chosen since.
    const seq = ++latest;
    const unitId = unit.value;
    const { body, etag } = await getVersioned(`/units/${unitId}/duty-settings`);
    if (seq !== latest) return;
    holder.replaceChildren(editForm('duty-settings-form', [h('div.row',
      field('checkInOpensBefore', e('duty.opens'), { value: body.checkInOpensBefore, testid: 'duty-opens' }),
      field('checkInClosesAfter', e('duty.closes'), { value: body.checkInClosesAfter, testid: 'duty-closes' })),
    checkbox('swapNeedsApproval', e('duty.swapApproval'), body.swapNeedsApproval, 'duty-swap-approval'),
    checkbox('standbyStepsIn', e('duty.standbyStepsIn'), body.standbyStepsIn, 'duty-standby-steps-in'),
    ], t('common.save'), (form) => api('PUT', `/units/${unitId}/duty-settings`, {
      checkInOpensBefore: val(form, 'checkInOpensBefore'), checkInClosesAfter: val(form, 'checkInClosesAfter'),
      swapNeedsApproval: form.elements.swapNeedsApproval.checked, standbyStepsIn: form.elements.standbyStepsIn.checked,
    }, { ifMatch: etag ?? `"${body.version}"` }), async () => { toast(e('duty.saved')); await draw(); }));
    holder.dataset.unit = unitId;
  };
  unit.addEventListener('change', () => draw().catch((x) => toast(String(x.message))));
  if (units.length) draw().catch((x) => toast(String(x.message)));
  return h('section.card', { testid: 'duty-settings' }, h('h3', { text: e('duty.title') }), h('label', t('common.unit'), unit), holder);
}
