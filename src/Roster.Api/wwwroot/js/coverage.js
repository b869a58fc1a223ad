// Coverage per unit per day for the supervisor's heat map: { required, filled, openGaps } for each unit and date.
//
// TEMPORARY SOURCE — switch to the coverage API when it lands (another branch adds
//   GET /api/v1/coverage?unit=&from=&to=  → per unit per day: required, filled, open gaps
//   GET /api/v1/gaps?unit=&status=&from=&to=).
// Until then this module computes the same numbers from what exists: the slots each critical period requires, the
// published roster (its unfilled slots), and approved leave of the people it assigns (a duty whose holder is on
// approved leave is an open gap). Only this module knows where the numbers come from; the page only calls loadCoverage.
import { all, get } from './api.js';
import { daysBetween } from './dom.js';

/** Units (readable subtree, parents first) and a Map of `${unitId}|${date}` → { required, filled, openGaps }. */
export async function loadCoverage(from, to) {
  const units = await all('/units');
  const cells = new Map();
  await Promise.all(units.map((unit) => unitCoverage(unit, from, to, cells)));
  return { units: ordered(units), days: daysBetween(from, to), cells };
}

async function unitCoverage(unit, from, to, cells) {
  const periods = (await get(`/periods?unit=${unit.id}`)).items.filter((p) => p.firstDay <= to && p.lastDay >= from);
  for (const period of periods) {
    const first = period.firstDay > from ? period.firstDay : from;
    const last = period.lastDay < to ? period.lastDay : to;
    const base = `/periods/${period.id}/units/${unit.id}`;
    const [slots, roster] = await Promise.all([
      get(`${base}/slots?from=${first}&to=${last}&limit=200`).catch(() => []),
      get(`${base}/roster?version=published&from=${first}&to=${last}`).catch(() => null),
    ]);
    const slotList = Array.isArray(slots) ? slots : slots.items ?? [];
    for (const slot of slotList) bump(cells, unit.id, slot.date, 'required');
    if (!roster) {
      for (const slot of slotList) bump(cells, unit.id, slot.date, 'openGaps');
      continue;
    }
    const onLeave = await approvedLeave([...new Set(roster.assignments.map((a) => a.personId))]);
    for (const a of roster.assignments) {
      if (onLeave(a.personId, a.date)) bump(cells, unit.id, a.date, 'openGaps');
      else bump(cells, unit.id, a.date, 'filled');
    }
    for (const u of roster.unfilled) bump(cells, unit.id, u.date, 'openGaps');
  }
}

async function approvedLeave(personIds) {
  const leaves = (await Promise.all(personIds.map((id) => get(`/people/${id}/leaves?limit=200`).then((p) => p.items).catch(() => []))))
    .flat().filter((l) => l.status === 'approved');
  return (personId, date) => leaves.some((l) => l.personId === personId && l.firstDay <= date && date <= l.lastDay);
}

function bump(cells, unitId, date, key) {
  const id = `${unitId}|${date}`;
  const cell = cells.get(id) ?? { required: 0, filled: 0, openGaps: 0 };
  cell[key] += 1;
  cells.set(id, cell);
}

/** Parents before their children, siblings by code. */
function ordered(units) {
  const byParent = new Map();
  for (const u of units) byParent.set(u.parentId ?? null, [...(byParent.get(u.parentId ?? null) ?? []), u]);
  const ids = new Set(units.map((u) => u.id));
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId));
  const out = [];
  const walk = (u, depth) => {
    out.push({ ...u, depth });
    for (const c of (byParent.get(u.id) ?? []).sort((a, b) => a.code.localeCompare(b.code))) walk(c, depth + 1);
  };
  roots.sort((a, b) => a.code.localeCompare(b.code)).forEach((r) => walk(r, 0));
  return out;
}
