// Coverage per unit per day for the supervisor's heat map, and the open gaps, from the API:
//   GET /api/v1/coverage?unit=&from=&to=          → { items: [{ unitId, unitName, date, required, filled, openGaps }] }
//   GET /api/v1/gaps?unit=&status=open&from=&to=  → a page of { id, unitId, periodId, kind, slotKey, role, startsAt, … }
// The coverage API takes one unit and answers for the subtree under it that the account oversees, so the page asks
// once for each top-most unit the account administers or supervises.
import { all, get } from './api.js';
import { daysBetween } from './dom.js';

/** Units (readable subtree, parents first) and a Map of `${unitId}|${date}` → { required, filled, openGaps }. */
export async function loadCoverage(me, from, to) {
  const units = await all('/units');
  const roots = topUnits(me, units);
  const cells = new Map();
  const shown = new Set();
  const answers = await Promise.all(roots.map((u) => get(`/coverage?unit=${u}&from=${from}&to=${to}`)));
  for (const item of answers.flatMap((a) => a.items)) {
    cells.set(`${item.unitId}|${item.date}`, { required: item.required, filled: item.filled, openGaps: item.openGaps });
    shown.add(item.unitId);
  }
  return { units: ordered(units.filter((u) => shown.has(u.id))), days: daysBetween(from, to), cells };
}

/** Open gaps of every overseen unit that concern [from, to) (instants), earliest first. */
export async function loadGaps(from, to) {
  return all(`/gaps?status=open&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 500);
}

/** The units the account administers or supervises that have no such unit above them among the readable ones. */
export function topUnits(me, units) {
  const granted = new Set(me.grants.filter((g) => g.role === 'admin' || g.role === 'supervisor').map((g) => g.unitId));
  const parent = new Map(units.map((u) => [u.id, u.parentId ?? null]));
  const coveredAbove = (id) => {
    for (let p = parent.get(id); p; p = parent.get(p)) if (granted.has(p)) return true;
    return false;
  };
  return [...granted].filter((id) => parent.has(id) && !coveredAbove(id));
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
