/**
 * The Pflegebedarfsplan in a city report (block `care_plan`): the older population, the persons in
 * need of care by setting, the places in Pflegeheimen and Tagespflege in operation and needed, the
 * areas by missing places, and a scenario of rising care rates — all from `carePlan`
 * (care/care-plan.service.ts) on the report's level, projected from the report's Stichtag.
 *
 * The projection reads unprotected counts by age, which disclosure control does not cover; so
 * numbers appear in internal reports only (the „Intern“ mark) and a public report gets a note.
 */
import { carePlan, type CarePlan } from '../care/care-plan.service.ts';
import { careAssumptions } from '../care/care-assumptions.service.ts';
import { LagebildError } from '../core/errors.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import { gap, scenarios } from './care-gap.ts';
import {
  AGE_GROUPS,
  assumptions,
  capacity,
  demography,
  need,
  required,
  shownDates,
  summary,
} from './care-tables.ts';
import type { CityCtx } from './city-blocks.ts';
import type { ReportBlock } from './report-model.ts';
import type { Block } from './report.schema.ts';

type CarePlanBlock = Extract<Block, { type: 'care_plan' }>;
type Outcome<T> = { ok: T } | { note: string };

/** The note of a public report: the plan's numbers come from unprotected counts by age. */
export const CARE_PLAN_INTERNAL_NOTE =
  'Der Pflegebedarfsplan beruht auf einer Bevölkerungsprognose aus Einwohnerzahlen nach Alter, die ' +
  'nicht der Geheimhaltung unterliegen; er steht nur im internen Entwurf der Sozialplanung zur Verfügung.';

/** Plans and age groups computed once per report and parameters, whatever number of blocks shows them. */
const memo = new WeakMap<CityCtx, Map<string, Promise<Outcome<unknown>>>>();

function once<T>(ctx: CityCtx, key: string, f: () => Promise<T>): Promise<Outcome<T>> {
  let cache = memo.get(ctx);
  if (!cache) memo.set(ctx, (cache = new Map<string, Promise<Outcome<unknown>>>()));
  let p = cache.get(key) as Promise<Outcome<T>> | undefined;
  if (!p) {
    p = f().then(
      (ok) => ({ ok }),
      (e: unknown) => {
        // a level without ages, or a horizon the projection refuses, is a note, not a failed report
        if (e instanceof LagebildError && e.status < 500)
          return { note: `Der Pflegebedarfsplan lässt sich nicht berechnen: ${e.message}` };
        throw e;
      },
    );
    cache.set(key, p);
  }
  return p;
}

/** The projection's end: the year `horizon` at the Stichtag's month and day. */
const horizonDate = (b: CarePlanBlock, ctx: Pick<CityCtx, 'date'>) =>
  `${String(b.horizon).padStart(4, '0')}${ctx.date.slice(4)}`;

/** The care plan of the block on the report's level, with the rates' yearly factor `trend`. */
export function planOf(b: CarePlanBlock, ctx: CityCtx, trend = 1): Promise<Outcome<CarePlan>> {
  const to = horizonDate(b, ctx);
  return once(ctx, `plan|${to}|${trend}`, () =>
    (async () =>
      carePlan(ctx.db, {
        level: ctx.level.key,
        base: ctx.date,
        to,
        assumptions: await careAssumptions(ctx.db, b.assumptions, trend),
      }))(),
  );
}

/** City totals of the age groups per projected date. */
function ageGroups(b: CarePlanBlock, ctx: CityCtx): Promise<Outcome<Map<string, Map<string, number>>>> {
  const to = horizonDate(b, ctx);
  return once(ctx, `ages|${to}`, async () => {
    const rows = await projectPopulation(ctx.db, {
      level: ctx.level.key,
      base: ctx.date,
      to,
      variables: AGE_GROUPS.map((g) => g.variable),
    });
    const byDate = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const d = byDate.get(r.date) ?? new Map<string, number>();
      d.set(r.variable, (d.get(r.variable) ?? 0) + r.value);
      byDate.set(r.date, d);
    }
    return byDate;
  });
}

const noted = new WeakSet<CityCtx>();

/** The blocks of one `care_plan` block of a city report. */
export async function carePlanBlocks(b: CarePlanBlock, ctx: CityCtx): Promise<ReportBlock[]> {
  if (!ctx.table.unprotected) {
    // said once: a public report with a whole plan of blocks would otherwise repeat it per block
    if (noted.has(ctx)) return [];
    noted.add(ctx);
    return [{ kind: 'note', text: CARE_PLAN_INTERNAL_NOTE }];
  }
  const out = await planOf(b, ctx);
  if ('note' in out) return [{ kind: 'note', text: out.note }];
  const plan = out.ok;
  const dates = shownDates(plan, b.years);
  if (!dates.length) return [{ kind: 'note', text: 'Die Prognose enthält kein Jahr.' }];
  switch (b.view) {
    case 'demography': {
      const ages = await ageGroups(b, ctx);
      return 'note' in ages ? [{ kind: 'note', text: ages.note }] : demography(plan, ages.ok, dates, ctx);
    }
    case 'need':
      return need(plan, dates, ctx);
    case 'capacity':
      return capacity(plan, dates, ctx);
    case 'required':
      return required(plan, dates, ctx);
    case 'gap':
      return gap(b, plan, ctx);
    case 'scenarios': {
      const rising = await planOf(b, ctx, b.trend);
      return 'note' in rising
        ? [{ kind: 'note', text: rising.note }]
        : scenarios(plan, rising.ok, b.trend, dates, ctx);
    }
    case 'assumptions':
      return assumptions(plan);
    case 'summary':
      return summary(plan, dates, ctx);
  }
}
