/**
 * The effect of a measure on the indicator of one of its goals (docs/methods.md §9): the panel of
 * every area of the goal's level and every Stichtag (as the reader may see the values: planners
 * unprotected, everyone else protected), the measure's areas as treated from the year it started
 * (its start date, else its decision), and the estimate of src/impact/effect.ts.
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { estimateEffect } from '../impact/effect.ts';
import type { PanelArea } from '../impact/panel.ts';
import { findIndicator } from '../indicators/indicator.repository.ts';
import { indicatorValues } from '../indicators/indicator.service.ts';
import { listDates } from '../observations/observation.repository.ts';
import type { MeasureEffect } from './effect.schema.ts';
import { getMeasure } from './measure.service.ts';

/** Placebo runs: enough for a stable 95 % interval, well under a second on 542 areas. */
const RUNS = 1000;

/**
 * @throws measures.not_found, measures.goal_not_found (404), measures.no_start (400) without a
 *   start or decision date, measures.no_treated_areas (400) when none of its areas is on the
 *   goal's level
 */
export async function measureEffect(
  db: Db,
  user: User | null,
  id: number,
  goalId: number,
): Promise<MeasureEffect> {
  const measure = await getMeasure(db, user, id);
  const goal = measure.goals.find((g) => g.id === goalId);
  if (!goal)
    throw notFound('measures.goal_not_found', `Das Ziel Nr. ${goalId} der Maßnahme Nr. ${id} gibt es nicht.`);
  const startDate = measure.startDate ?? measure.decision?.date ?? null;
  if (!startDate)
    throw badRequest(
      'measures.no_start',
      'Für den Vergleich fehlt der Beginn der Maßnahme (Startdatum oder Datum des Beschlusses).',
    );
  const treated = measure.areas.filter((a) => a.level === goal.level).map((a) => a.key);
  if (!treated.length)
    throw badRequest(
      'measures.no_treated_areas',
      `Die Maßnahme wirkt in keinem Gebiet der Ebene „${goal.level}“, auf der ihr Ziel liegt.`,
      { level: goal.level },
    );
  const ind = await findIndicator(db, goal.indicator);
  // one value per area and year: the year's last Stichtag
  const byYear = new Map<number, string>();
  for (const d of await listDates(db)) byYear.set(Number(d.slice(0, 4)), d);
  const values = new Map<string, Record<number, number | null>>();
  const population = new Map<string, Record<number, number | null>>();
  const read = async (indicator: string, year: number, date: string, into: typeof values) => {
    const table = await indicatorValues(db, user, indicator, goal.level, date).catch((e: unknown) => {
      if (e instanceof LagebildError && e.status === 404) return null;
      throw e;
    });
    for (const v of table?.values ?? []) {
      const row = into.get(v.id) ?? {};
      row[year] = v.value;
      into.set(v.id, row);
    }
  };
  for (const [year, date] of byYear) {
    await read(goal.indicator, year, date, values);
    await read('einwohner', year, date, population);
  }
  const areas: PanelArea[] = [...values].map(([key, v]) => ({
    key,
    values: v,
    population: population.get(key),
  }));
  const start = Number(startDate.slice(0, 4));
  const result = estimateEffect(
    { areas, treated: treated.filter((k) => values.has(k)), start },
    {
      runs: RUNS,
      seed: id,
      indicator: {
        subject: `der Wert „${goal.indicatorName}“`,
        unit: goal.unit,
        polarity: ind?.polarity ?? 'neutral',
        decimals: goal.decimals,
      },
    },
  );
  return { measure: id, goal: goalId, indicator: goal.indicator, level: goal.level, start, ...result };
}
