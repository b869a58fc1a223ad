// Duty statistics (值班统计) for administrators and supervisors: a period or a range of months of a unit's subtree, by
// person or by unit, with the workbook; and the unit's monthly report for finance (draft → confirmed with If-Match).
import { all, download, get, serverNow } from './api.js';
import { clear, dateIn, h, section } from './dom.js';
import { act, describe } from './forms.js';
import { t } from './i18n.js';
import { reportSection } from './statistics-report.js';
import { num, personColumns } from './statistics-columns.js';

export function render(root, { me }) {
  const overseen = new Set(me.grants.filter((g) => g.role === 'admin' || g.role === 'supervisor').map((g) => g.unitId));
  const administered = new Set(me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
  const state = { alive: true, units: [], periods: [], unit: null };
  const toolbar = h('div.toolbar', { testid: 'stats-toolbar' });
  const result = h('div.scroll', { testid: 'stats-result' });
  const report = h('div');
  clear(root, section(t('stats.title'), 'statistics', toolbar, result), report);

  (async () => {
    try {
      // A grant covers the unit and everything below it: walk up the tree to find one.
      const units = await all('/units');
      const byId = new Map(units.map((u) => [u.id, u]));
      const covered = (set, unit) => {
        for (let u = unit, hops = 0; u && hops < 50; u = byId.get(u.parentId), hops++) if (set.has(u.id)) return true;
        return false;
      };
      state.covered = covered;
      state.units = units.filter((u) => covered(overseen, u));
      state.unit = state.units.find((u) => overseen.has(u.id)) ?? state.units[0] ?? null;
      if (!state.unit) { clear(result, h('p.muted', { text: t('common.none') })); return; }
      await drawToolbar();
    } catch (e) { clear(result, h('p.inline-error', { text: describe(e) })); }
  })();

  async function drawToolbar() {
    state.periods = (await get(`/periods?unit=${state.unit.id}`)).items;
    if (!state.alive) return;
    const month = dateIn(serverNow(), state.unit.timeZone).slice(0, 7);
    const unitSelect = h('select', { name: 'unit', testid: 'stats-unit' },
      state.units.map((u) => h('option', { value: u.id, text: u.name, selected: u.id === state.unit.id })));
    unitSelect.addEventListener('change', async () => {
      state.unit = state.units.find((u) => u.id === unitSelect.value);
      await drawToolbar();
    });
    const range = h('select', { name: 'range', testid: 'stats-range' },
      state.periods.map((p) => h('option', { value: p.id, text: `${p.name} (${p.firstDay} – ${p.lastDay})` })),
      h('option', { value: 'months', text: t('stats.byMonths'), selected: state.periods.length === 0 }));
    const fromMonth = h('input', { type: 'month', name: 'fromMonth', value: month, testid: 'stats-from-month' });
    const toMonth = h('input', { type: 'month', name: 'toMonth', value: month, testid: 'stats-to-month' });
    const months = h('div.row', labelled(t('stats.fromMonth'), fromMonth), labelled(t('stats.toMonth'), toMonth));
    const sync = () => { months.hidden = range.value !== 'months'; };
    range.addEventListener('change', sync);
    sync();
    const groupBy = h('select', { name: 'groupBy', testid: 'stats-group' },
      h('option', { value: 'person', text: t('stats.byPerson') }), h('option', { value: 'unit', text: t('stats.byUnit') }));
    const query = () => {
      const period = state.periods.find((p) => p.id === range.value);
      const [from, to] = period ? [period.firstDay, period.lastDay] : [`${fromMonth.value}-01`, lastDay(toMonth.value)];
      return `unit=${state.unit.id}&from=${from}&to=${to}&groupBy=${groupBy.value}`;
    };
    const show = h('button.primary', { type: 'button', testid: 'stats-show', text: t('stats.show') });
    show.addEventListener('click', () => act(show, async () => {
      clear(result, h('p.muted', { text: t('common.loading') }));
      const statistics = await get(`/statistics/duty?${query()}`);
      if (state.alive) clear(result, statistics.people ? peopleTable(statistics) : unitsTable(statistics));
    }));
    const xlsx = h('button', { type: 'button', testid: 'stats-xlsx', text: t('stats.xlsx') });
    xlsx.addEventListener('click', () => act(xlsx, () => download(`/statistics/duty.xlsx?${query()}`, `duty-statistics-${state.unit.code ?? 'unit'}.xlsx`)));
    clear(toolbar, labelled(t('common.unit'), unitSelect), labelled(t('stats.range'), range), months,
      labelled(t('stats.groupBy'), groupBy), h('div.actions', show, xlsx));
    clear(result);
    reportSection(report, { unit: state.unit, month, canConfirm: state.covered(administered, state.unit) });
  }

  return () => { state.alive = false; };
}

const labelled = (label, control) => h('div.field', h('label', { text: label }), control);

/** The last day (yyyy-mm-dd) of a month given as yyyy-mm. */
export function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const cell = (col, value) => h('td', { 'data-col': col, text: num(value) });

function peopleTable(s) {
  const people = s.people;
  if (people.length === 0) return h('p.muted', { text: t('stats.empty') });
  const sum = (f) => people.reduce((total, p) => total + Number(f(p) ?? 0), 0);
  return h('table.grid.stats', { testid: 'stats-table' },
    h('thead', h('tr', h('th', { text: t('stats.person') }), h('th', { text: t('common.unit') }),
      personColumns.map(([, key]) => h('th', { text: key === 'stats.allowance' ? `${t(key)} (${s.currency})` : t(key) })))),
    h('tbody', people.map((p) => h('tr', { testid: 'stats-row', 'data-person': p.personId },
      h('th', { text: p.name }), h('td.text', { text: p.unitName }), personColumns.map(([col, , f]) => cell(col, f(p)))))),
    h('tfoot', h('tr', { testid: 'stats-total' }, h('th', { text: t('stats.total') }), h('td'),
      personColumns.map(([col, , f]) => cell(col, sum(f))))));
}

const unitColumns = [
  ['duties', 'stats.duties', (u) => u.duties],
  ['hours', 'stats.hours', (u) => u.hours],
  ['coveragePercent', 'stats.coverage', (u) => u.coveragePercent],
  ['gaps', 'stats.gaps', (u) => Object.values(u.gaps).reduce((a, b) => a + b, 0)],
  ['reportsLate', 'stats.reportsLate', (u) => u.reports.late],
  ['incidents', 'stats.incidents', (u) => u.incidents],
  ['allowance', 'stats.allowance', (u) => u.allowance],
  ['compensatoryHours', 'stats.compHours', (u) => u.compensatoryHours],
];

function unitsTable(s) {
  const units = s.units ?? [];
  if (units.length === 0) return h('p.muted', { text: t('stats.empty') });
  return h('table.grid.stats', { testid: 'stats-table' },
    h('thead', h('tr', h('th', { text: t('common.unit') }),
      unitColumns.map(([, key]) => h('th', { text: key === 'stats.allowance' ? `${t(key)} (${s.currency})` : t(key) })))),
    h('tbody', units.map((u) => h('tr', { testid: 'stats-row', 'data-unit': u.unitId },
      h('th', { text: u.name }), unitColumns.map(([col, , f]) => cell(col, f(u)))))));
}
