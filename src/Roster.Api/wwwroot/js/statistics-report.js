// The monthly duty statistics report of a unit for finance (值班统计月报): the draft as it is now, confirmed by an
// administrator of the unit with the ETag read (If-Match), then frozen; changes since show as corrections.
import { ApiError, api, download, getVersioned } from './api.js';
import { clear, fmtTime, h, section, toast } from './dom.js';
import { act, describe } from './forms.js';
import { t } from './i18n.js';
import { fieldKey, num, personColumns } from './statistics-columns.js';

export function reportSection(holder, { unit, month, canConfirm }) {
  const monthInput = h('input', { type: 'month', name: 'month', value: month, testid: 'report-month' });
  const body = h('div', { testid: 'report-body' });
  const open = h('button', { type: 'button', testid: 'report-open', text: t('report.open') });
  const load = async () => {
    clear(body, h('p.muted', { text: t('common.loading') }));
    const { body: report, etag } = await getVersioned(`/units/${unit.id}/statistics-report?month=${monthInput.value}`);
    draw(report, etag);
  };
  open.addEventListener('click', () => act(open, load));
  const xlsx = h('button', { type: 'button', testid: 'report-xlsx', text: t('stats.xlsx') });
  xlsx.addEventListener('click', () => act(xlsx, () => download(
    `/units/${unit.id}/statistics-report.xlsx?month=${monthInput.value}`, `duty-statistics-${unit.code ?? 'unit'}-${monthInput.value}.xlsx`)));
  clear(holder, section(t('report.title'), 'statistics-report',
    h('div.toolbar', h('div.field', h('label', { text: t('report.month') }), monthInput), h('div.actions', open, xlsx)), body));

  function draw(report, etag) {
    const confirmed = report.state === 'confirmed';
    const state = h('p', { testid: 'report-state', class: confirmed ? 'ok' : 'muted',
      text: confirmed
        ? `${t('report.confirmed')} · ${fmtTime(report.confirmedAt, unit.timeZone)}`
        : t('report.draft') });
    const head = h('tr', h('th', { text: t('stats.person') }), h('th', { text: t('common.unit') }),
      personColumns.map(([, key]) => h('th', { text: key === 'stats.allowance' ? `${t(key)} (${report.currency})` : t(key) })));
    const rows = report.people.map((p) => h('tr', { testid: 'report-row', 'data-person': p.personId },
      h('th', { text: p.name }), h('td.text', { text: p.unitName }), personColumns.map(([col, , f]) => h('td', { 'data-col': col, text: num(f(p)) }))));
    const totals = h('tr', { testid: 'report-total' }, h('th', { text: t('stats.total') }), h('td'),
      personColumns.map(([col, , f]) => h('td', { 'data-col': col, text: num(report.people.reduce((a, p) => a + Number(f(p)), 0)) })));
    const table = h('table.grid.stats', { testid: 'report-table', class: confirmed ? 'frozen' : '' },
      h('thead', head), h('tbody', rows), h('tfoot', totals));
    const corrections = confirmed ? h('div', { testid: 'report-corrections' }, h('h3', { text: t('report.corrections') }),
      report.corrections.length === 0 ? h('p.muted', { text: t('report.noCorrections') }) : h('table.grid.stats',
        h('thead', h('tr', [t('stats.person'), t('report.field'), t('report.asConfirmed'), t('report.now')].map((c) => h('th', { text: c })))),
        h('tbody', report.corrections.map((c) => h('tr', { testid: 'correction', 'data-person': c.personId },
          h('th', { text: c.name }), h('td.text', { text: fieldLabel(c.field) }), h('td', { text: num(c.confirmed) }), h('td', { text: num(c.current) })))))) : null;
    let confirm = null;
    if (!confirmed && canConfirm) {
      confirm = h('button.primary', { type: 'button', testid: 'report-confirm', text: t('report.confirm') });
      confirm.addEventListener('click', () => act(confirm, async () => {
        try {
          await api('POST', `/units/${unit.id}/statistics-report:confirm?month=${report.month}`, {}, { ifMatch: etag });
        } catch (e) {
          // Someone changed the figures after they were read: show them again rather than confirm what was not seen.
          if (e instanceof ApiError && e.status === 412) { await load(); throw e; }
          throw e;
        }
        toast(t('report.confirmed'));
        await load();
      }));
    }
    clear(body, state, report.people.length === 0 ? h('p.muted', { text: t('stats.empty') }) : table, corrections,
      confirm ? h('div.actions', h('span.muted', { text: t('report.confirmHint') }), confirm) : null);
  }

  // The draft of the chosen month opens at once; a failure shows where the report would be.
  load().catch((e) => clear(body, h('p.inline-error', { text: describe(e) })));
}

const fieldLabel = (field) => (fieldKey(field) ? t(fieldKey(field)) : field);
