/**
 * Stored projections on a city of real size (Berlin, 542 Planungsräume, bench/berlin-city.ts):
 * the Pflegebedarfsplan's three uses of one projection, projecting every Planungsraum 20 years
 * ahead on the database (kept: the median is of repeated asks), storing the run, and the public
 * atlas values of a projected Stichtag computed from it (rounded, small areas only within their
 * Bezirk) — cold, then warm — with the share of Planungsräume the public sees only in the Bezirk.
 */
import type { User } from '../src/auth/auth.schema.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { careAssumptions } from '../src/care/care-assumptions.service.ts';
import { carePlan } from '../src/care/care-plan.service.ts';
import { indicatorValues } from '../src/indicators/indicator.service.ts';
import { projectPopulation } from '../src/projection/projection.service.ts';
import { saveProjection } from '../src/projection/projection-series.service.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { loadBerlinCity } from './berlin-city.ts';
import { timeMedian, type Measurement } from './harness.ts';

const PLANNER = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' } as User;
const SPAN = { level: 'planungsraum', base: '2020-12-31', to: '2040-12-31' } as const;

export async function benchProjectionStore(record: (m: Measurement) => void): Promise<void> {
  process.stderr.write('projection-store (Berlin)\n');
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadBerlinCity(db);
    // the Pflegebedarfsplan report: the plan, its scenario of rising rates and the age groups
    // share one projection (kept per data version)
    const p0 = performance.now();
    await carePlan(db, { ...SPAN, assumptions: await careAssumptions(db) });
    const plan = performance.now() - p0;
    const s0 = performance.now();
    await carePlan(db, { ...SPAN, assumptions: await careAssumptions(db, undefined, 1.01) });
    await projectPopulation(db, { ...SPAN, variables: ['ew_65plus', 'ew_80plus'] });
    record({
      name: 'Pflegebedarfsplan Berlin to 2040: care plan, then its scenario and the age groups',
      value: plan + performance.now() - s0,
      unit: 'ms',
      note: `care plan ${plan.toFixed(0)} ms, the other two ${(performance.now() - s0).toFixed(0)} ms`,
    });
    const project = await timeMedian(3, () => projectPopulation(db, SPAN));
    record({
      name: 'Prognose Berlin: 542 PLR × 20 years, every age group, on the database',
      value: project,
      unit: 'ms',
    });
    const t0 = performance.now();
    const run = await saveProjection(
      db,
      { ...SPAN, name: 'Bench', method: 'auto', variant: 'main', minPopulation: 1000, published: true },
      null,
    );
    record({
      name: 'Prognose Berlin: compute and store the run',
      value: performance.now() - t0,
      unit: 'ms',
      note: `${run.variables.length} variables × ${run.dates.length} Stichtage`,
    });
    const date = '2035-12-31';
    const c0 = performance.now();
    const first = await indicatorValues(db, null, 'einwohner', 'planungsraum', date);
    record({
      name: 'Prognose Berlin: public atlas values of a projected Stichtag, first',
      value: performance.now() - c0,
      unit: 'ms',
    });
    const warm = await timeMedian(5, () => indicatorValues(db, null, 'einwohner', 'planungsraum', date));
    record({
      name: 'Prognose Berlin: public atlas values of a projected Stichtag, again',
      value: warm,
      unit: 'ms',
    });
    const planner = await timeMedian(3, () => indicatorValues(db, PLANNER, 'einwohner', 'bezirk', date));
    record({ name: 'Prognose Berlin: planner values per Bezirk', value: planner, unit: 'ms' });
    const hidden = first.values.filter((v) => v.status === 'secret').length;
    record({
      name: 'Prognose Berlin: PLR shown only within their Bezirk (public)',
      value: (100 * hidden) / first.values.length,
      unit: '%',
      note: `${hidden} of ${first.values.length} (under 1,000 inhabitants, and their secondary suppression)`,
    });
  } finally {
    await db.close();
  }
}
