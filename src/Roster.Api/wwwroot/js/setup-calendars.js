// Holiday calendars: which years each has, and loading one year's official dates (days off and make-up workdays).
import { all, api } from './api.js';
import { h, toast } from './dom.js';
import { field } from './forms.js';
import { e } from './edit-text.js';
import { editForm, val } from './edit-fields.js';

const lines = (text) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function calendarsPanel(calendars) {
  const pick = h('select', { testid: 'calendar-pick' }, calendars.map((c) => h('option', { value: c.id, text: c.name })));
  const years = h('p.muted', { testid: 'calendar-years' });
  const showYears = () => {
    const c = calendars.find((x) => x.id === pick.value);
    years.textContent = `${e('cal.loaded')}: ${Object.keys(c?.document?.years ?? {}).sort().join('、')}`;
  };
  pick.addEventListener('change', showYears);
  showYears();
  const f = editForm('calendar-year-form', [
    field('year', e('cal.year'), { type: 'number', value: new Date().getFullYear() + 1, testid: 'calendar-year' }),
    field('holidays', e('cal.holidays'), { type: 'textarea', rows: 6, testid: 'calendar-holidays' }),
    field('makeUpWorkdays', e('cal.makeUp'), { type: 'textarea', rows: 3, testid: 'calendar-make-up' }),
  ], e('cal.load'), (form) => {
    const holidays = lines(val(form, 'holidays')).map((l) => {
      const [name, from, to] = l.split(/[,，\t]\s*/);
      return { name: name ?? '', from: from ?? '', to: to ?? from ?? '' };
    });
    return api('PUT', `/calendars/${pick.value}/years/${val(form, 'year') ?? ''}`, { holidays, makeUpWorkdays: lines(val(form, 'makeUpWorkdays')) });
  }, async (saved) => {
    const i = calendars.findIndex((c) => c.id === saved.id);
    if (i >= 0) calendars[i] = saved;
    showYears();
    toast(e('cal.saved', { year: f.elements.year.value }));
  });
  return h('section.card', { testid: 'calendars-panel' }, h('h3', { text: e('cal.title') }), h('label', e('cal.calendar'), pick), years, f);
}

export const loadCalendars = () => all('/calendars');
