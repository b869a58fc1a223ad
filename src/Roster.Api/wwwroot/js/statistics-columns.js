// The figures of a person's duty statistics as the statistics page and the monthly report show them.

/** A number as the page shows it: up to two decimals, no trailing zeros. */
export const num = (value) => (value === null || value === undefined ? '—' : String(Math.round(Number(value) * 100) / 100));

/** The columns of a person's row: key, header key, value. */
export const personColumns = [
  ['duties', 'stats.duties', (p) => p.duties],
  ['workday', 'day.Workday', (p) => p.byDayType.workday],
  ['weekend', 'day.Weekend', (p) => p.byDayType.weekend],
  ['holiday', 'day.Holiday', (p) => p.byDayType.holiday],
  ['makeUpWorkday', 'day.MakeUpWorkday', (p) => p.byDayType.makeUpWorkday],
  ['hours', 'stats.hours', (p) => p.hours],
  ['nightDuties', 'stats.night', (p) => p.nightDuties],
  ['standbyDays', 'stats.standbyDays', (p) => p.standbyDays],
  ['allowance', 'stats.allowance', (p) => p.allowance],
  ['compensatoryHours', 'stats.compHours', (p) => p.compensatoryHours],
];

/** The header key of a figure named by the API (a correction's field), e.g. byDayType.holiday. */
const fieldKeys = {
  duties: 'stats.duties', 'byDayType.workday': 'day.Workday', 'byDayType.weekend': 'day.Weekend', 'byDayType.holiday': 'day.Holiday',
  'byDayType.makeUpWorkday': 'day.MakeUpWorkday', hours: 'stats.hours', nightDuties: 'stats.night', standbyDays: 'stats.standbyDays',
  'checkIns.onTime': 'stats.onTime', 'checkIns.late': 'stats.late', 'checkIns.missed': 'stats.missed', 'swaps.given': 'stats.swapsGiven',
  'swaps.taken': 'stats.swapsTaken', allowance: 'stats.allowance', compensatoryHours: 'stats.compHours',
};

export const fieldKey = (field) => fieldKeys[field];
