/**
 * What disclosure control costs: the share of cells and of indicator values the public does not
 * get, on the demo city and on Berlin's 542 Planungsräume (MSS 2021 data), for
 * - the linked system that Lagebild publishes from (all public variables, areas and the city of a
 *   Stichtag together: hierarchy, identities between variables, small areas hide every cell), and
 * - protecting each count series on its own (hierarchy only, rates hidden for small areas) — the
 *   weaker method that an attacker broke with plain arithmetic, for comparison.
 * Plus the time to protect one Stichtag (the first public request after a data change waits for it).
 */
import type { Db } from '../src/db/db.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { protectTable } from '../src/disclosure/protect.ts';
import { hierarchyTable } from '../src/disclosure/table.ts';
import type { Cell } from '../src/core/value-status.ts';
import { aggregateUp } from '../src/indicators/aggregate.ts';
import { POPULATION } from '../src/indicators/calculator.ts';
import { DEFAULT_RULES } from '../src/indicators/disclosure.ts';
import * as repo from '../src/indicators/indicator.repository.ts';
import { listDates } from '../src/observations/observation.repository.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { TOTAL } from '../src/indicators/linked-protection.ts';
import { publicSnapshot } from '../src/indicators/public-snapshot.ts';
import { loadBerlinCity } from './berlin-city.ts';
import type { Measurement } from './harness.ts';

interface Cost {
  cells: number;
  /** Cells of areas under the minimum population: all that the cell-key method would hide. */
  smallArea: number;
  hiddenCells: number;
  values: number;
  hiddenValues: number;
  msPerDate: number;
}

export async function benchDisclosure(record: (m: Measurement) => void): Promise<void> {
  for (const [city, load] of [
    ['Demo-Stadt', (db: Db) => loadDemo(db, { seed: 1 })],
    ['Berlin 542 PLR', (db: Db) => loadBerlinCity(db)],
  ] as const) {
    const db = await openDb('memory://');
    try {
      await migrate(db);
      await seedDefaults(db);
      await load(db);
      const linked = await linkedCost(db);
      const separate = await perSeriesCost(db);
      const share = (n: number, of: number) => (100 * n) / Math.max(1, of);
      record({
        name: `Geheimhaltung ${city}: linked system, hidden count cells`,
        value: share(linked.hiddenCells, linked.cells),
        unit: '%',
        note:
          `of ${linked.cells} cells; each series protected alone: ${share(separate.hiddenCells, separate.cells).toFixed(1)} % (breakable); ` +
          `cell-key method: ${share(linked.smallArea, linked.cells).toFixed(1)} % (small areas only, noise on every other value)`,
      });
      record({
        name: `Geheimhaltung ${city}: linked system, hidden indicator values`,
        value: share(linked.hiddenValues, linked.values),
        unit: '%',
        note: `of ${linked.values} rates and counts; each series protected alone: ${share(separate.hiddenValues, separate.values).toFixed(1)} %`,
      });
      record({
        name: `Geheimhaltung ${city}: protect one Stichtag (linked system)`,
        value: linked.msPerDate,
        unit: 'ms',
        target: 5000,
        note: 'secondary suppression and LP audit of all public variables × areas',
      });
    } finally {
      await db.close();
    }
  }
}

/** Cells and static indicator values (count, share, per 1,000, ratio) of every area and the city. */
async function linkedCost(db: Db): Promise<Cost> {
  const snapshot = await publicSnapshot(db);
  const dates = await listDates(db);
  const indicators = (await repo.listIndicators(db, true)).filter((i) => i.periodYears === null);
  const cost: Cost = { cells: 0, smallArea: 0, hiddenCells: 0, values: 0, hiddenValues: 0, msPerDate: 0 };
  for (const date of dates) {
    const p = await snapshot.protectedDate(date);
    cost.msPerDate += p.milliseconds / dates.length;
    cost.cells += p.cells;
    cost.smallArea += p.smallArea;
    for (const s of p.secret.values()) cost.hiddenCells += s.size;
    const nodes = [TOTAL, ...snapshot.tree.map((a) => String(a.id))];
    for (const ind of indicators) {
      const vars = [ind.numerator, ...(ind.denominator ? [ind.denominator] : [])];
      if (!vars.every((v) => snapshot.totals.get(v)?.has(date))) continue;
      for (const n of nodes) {
        cost.values++;
        if (vars.some((v) => p.secret.get(v)?.has(n))) cost.hiddenValues++;
      }
    }
  }
  return cost;
}

/** Each count series protected on its own: its hierarchy table, rates hidden by the rate rule. */
async function perSeriesCost(db: Db): Promise<Cost> {
  const snapshot = await publicSnapshot(db);
  const dates = await listDates(db);
  const indicators = (await repo.listIndicators(db, true)).filter((i) => i.periodYears === null);
  const nodes = snapshot.tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const parents = new Set(nodes.map((n) => n.parentId));
  const tree = [
    { id: TOTAL, parent: null },
    ...nodes.map((n) => ({ id: String(n.id), parent: n.parentId === null ? TOTAL : String(n.parentId) })),
  ];
  const cost: Cost = { cells: 0, smallArea: 0, hiddenCells: 0, values: 0, hiddenValues: 0, msPerDate: 0 };
  for (const date of dates) {
    const secret = new Map<string, Set<string>>();
    const sums = new Map<string, Map<string, number>>();
    for (const v of snapshot.variables) {
      const own = snapshot.totals.get(v)?.get(date);
      if (!own) continue;
      const values = new Map<string, number>();
      for (const n of nodes)
        if (!parents.has(n.id)) values.set(String(n.id), Math.max(0, own.get(n.id)?.value ?? 0));
      const result = await protectTable(hierarchyTable(tree, values), { intervals: false });
      const hidden = new Set([...result.status].filter(([, s]) => s === 'secret').map(([id]) => id));
      secret.set(v, hidden);
      cost.cells += result.status.size;
      cost.hiddenCells += hidden.size;
      const agg = aggregateUp(nodes, own);
      sums.set(v, new Map([...agg].map(([id, c]: [number, Cell]) => [String(id), c.value ?? 0])));
    }
    const population = sums.get(POPULATION);
    for (const ind of indicators) {
      const vars = [ind.numerator, ...(ind.denominator ? [ind.denominator] : [])];
      if (!vars.every((v) => secret.has(v))) continue;
      for (const n of nodes.map((x) => String(x.id))) {
        cost.values++;
        const small = ind.denominator !== null && (population?.get(n) ?? 0) < DEFAULT_RULES.minPopulation;
        if (small || vars.some((v) => secret.get(v)!.has(n))) cost.hiddenValues++;
      }
    }
  }
  return cost;
}
