// An import panel: template, file, dry run with every error beside its row, then the import itself (and account slips).
import { ApiError, download, session } from './api.js';
import { h, toast } from './dom.js';
import { describe } from './forms.js';
import { s } from './setup-text.js';

async function upload(path, file) {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch(`/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` }, body });
  const json = await response.json().catch(() => ({}));
  if (!response.ok && response.status !== 422) throw new ApiError(response.status, json);
  return { status: response.status, body: json };
}

export function saveBase64(base64, name) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

/** A table of the rows as read, each with its errors beside it; rows without errors are shown only when few. */
function preview(columns, rows, errors) {
  const byRow = new Map();
  for (const e of errors) byRow.set(e.row ?? 0, [...(byRow.get(e.row ?? 0) ?? []), e]);
  const fileErrors = byRow.get(0) ?? [];
  const shown = rows.filter((r) => byRow.has(r.row) || rows.length <= 50);
  const extra = [...byRow.keys()].filter((n) => n > 0 && !rows.some((r) => r.row === n)).map((n) => ({ row: n, cells: {} }));
  return h('div.import-preview',
    fileErrors.map((e) => h('p.field-error', { role: 'alert', testid: 'import-file-error', text: e.message })),
    h('table.grid', { testid: 'import-preview' },
      h('thead', h('tr', h('th', { text: s('row') }), columns.map((c) => h('th', { text: c })), h('th', { text: s('errors') }))),
      h('tbody', [...shown, ...extra].sort((a, b) => a.row - b.row).map((r) => {
        const rowErrors = byRow.get(r.row) ?? [];
        const bad = new Set(rowErrors.map((e) => e.column));
        return h('tr', { class: rowErrors.length ? 'row-error' : '', testid: `import-row-${r.row}` },
          h('td', { text: String(r.row) }),
          columns.map((c) => h('td', { class: bad.has(c) ? 'cell-error' : '', text: r.cells[c] ?? '' })),
          h('td', rowErrors.map((e) => h('div.field-error', { testid: `import-error-${r.row}-${e.column}`, text: `${e.column ?? ''}: ${e.message}` }))));
      }))));
}

/** kind: 'people' or 'units'; units: the units the account administers ([id, label][]); onResult: told each answer. */
export function importPanel(kind, units, onResult) {
  const title = kind === 'people' ? s('importPeople') : s('importUnits');
  const unit = h('select', { testid: `${kind}-import-unit` }, units.map(([id, label]) => h('option', { value: id, text: label })));
  const file = h('input', { type: 'file', accept: '.xlsx,.csv', testid: `${kind}-import-file` });
  const result = h('div.import-result', { testid: `${kind}-import-result`, 'aria-live': 'polite' });
  const run = async (dryRun) => {
    if (!file.files?.length) { toast(s('nothing')); return; }
    result.replaceChildren(h('p.muted', { text: '…' }));
    try {
      const { status, body } = await upload(`/units/${unit.value}/${kind}:import?dryRun=${dryRun}`, file.files[0]);
      onResult?.({ dryRun, status, body });
      const errors = body.rowErrors ?? body.errors ?? [];
      const list = Array.isArray(errors) ? errors : [];
      const counts = h('p', { testid: `${kind}-import-counts` },
        `${s('created')} ${body.created ?? 0} · ${s('updated')} ${body.updated ?? 0} · ${s('unchanged')} ${body.unchanged ?? 0}`
        + (body.encoding ? ` · ${s('encoding')} ${body.encoding}` : '')
        + (body.accounts ? ` · ${s('accounts')} ${body.accounts.created}` : ''));
      const verdict = status === 422 || list.length ? s('invalid') : dryRun ? s('valid') : s('committed');
      const columns = [...new Set((body.preview ?? []).flatMap((r) => Object.keys(r.cells)))];
      result.replaceChildren(...[h('p', { class: list.length ? 'form-error' : 'ok', testid: `${kind}-import-verdict`, text: verdict }), counts,
        list.length || dryRun ? preview(columns, body.preview ?? [], list) : null,
        body.accounts?.slipsXlsx ? h('button', {
          type: 'button', testid: 'download-slips', text: s('slips'),
          onclick: () => saveBase64(body.accounts.slipsXlsx, body.accounts.slipsFileName ?? 'account-slips.xlsx'),
        }) : null].filter(Boolean));
    } catch (error) {
      result.replaceChildren(h('p.form-error', { role: 'alert', text: describe(error) }));
    }
  };
  return h('section.card', { testid: `${kind}-import` }, h('h3', { text: title }),
    h('div.row',
      h('button.link', { type: 'button', text: s('template'), onclick: () => download(`/imports/${kind}-template.xlsx`, `${kind}-template.xlsx`) }),
      h('label', s('into'), unit), h('label', s('file'), file)),
    h('div.actions',
      h('button', { type: 'button', testid: `${kind}-dry-run`, text: s('dryRun'), onclick: () => run(true) }),
      h('button', { type: 'button', testid: `${kind}-commit`, text: s('commit'), onclick: () => run(false) })),
    result);
}
