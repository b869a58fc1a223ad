// Setup (设置): the unit tree with search and its edits, people, imports of units and of the staff list, critical periods,
// duty settings, shifts, a unit's own rules, holiday calendars, and warnings.
import { all } from './api.js';
import { h } from './dom.js';
import { describe } from './forms.js';
import { e } from './edit-text.js';
import { subtreeOf, withPaths } from './edit-fields.js';
import { importPanel } from './setup-import.js';
import { rulesPanel, warningsPanel } from './setup-rules.js';
import { unitsPanel } from './setup-units.js';
import { peoplePanel } from './setup-people.js';
import { dutySettingsPanel, periodsPanel } from './setup-periods.js';
import { shiftsPanel } from './setup-shifts.js';
import { calendarsPanel, loadCalendars } from './setup-calendars.js';
import { s } from './setup-text.js';

export function render(container, { me }) {
  const draw = async () => {
    try {
      const units = withPaths(await all('/units'));
      const administered = subtreeOf(units, me.grants.filter((g) => g.role === 'admin').map((g) => g.unitId));
      const choices = units.filter((u) => administered.has(u.id)).map((u) => [u.id, `${u.path} · ${u.name}`]);
      const [calendars, periods, warnings] = await Promise.all([loadCalendars(), all('/periods'), warningsPanel()]);
      // A saved period changes only the shifts panel's choice of periods, so nothing else is redrawn under the user.
      const periodChoices = (list) => list.map((p) => [p.id, `${p.name} ${p.firstDay}–${p.lastDay}`]);
      const shifts = h('div', shiftsPanel(periodChoices(periods)));
      const refreshShifts = async () => shifts.replaceChildren(shiftsPanel(periodChoices(await all('/periods'))));
      const offer = periods.length ? null : h('p.panel', { testid: 'wizard-offer' }, e('wiz.offer'), ' ', h('a', { href: '#wizard', text: e('wiz.title') }));
      container.replaceChildren(h('h2', { text: s('title') }), offer, warnings,
        unitsPanel(units, administered, draw), peoplePanel(choices),
        importPanel('units', choices), importPanel('people', choices),
        periodsPanel(units, administered, calendars, refreshShifts), dutySettingsPanel(choices),
        shifts,
        rulesPanel(choices), calendarsPanel(calendars));
    } catch (error) {
      container.replaceChildren(h('p.form-error', { role: 'alert', text: describe(error) }));
    }
  };
  draw();
}
