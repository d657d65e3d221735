/**
 * The „umgerechnet“ marks of the statistics table, on every engine: area cells whose counts were
 * converted, parent and city cells where the rule for summed values marks them
 * (src/indicators/converted-aggregates.ts), for planners and the public alike.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { AUDIENCES, usePlannerApp, type Audience } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { StatTable } from './table.schema.ts';

describe.each(engines)('umgerechnet in the statistics table on $name', (engine) => {
  const { get } = usePlannerApp(engine, convertedCity);

  const marks = async (date: string, audience: Audience) => {
    const table = await get<StatTable>(
      `/api/analysis/table?indicators=einwohner&level=planungsraum&date=${date}`,
      audience,
    );
    return Object.fromEntries(table.rows.map((r) => [`${r.kind}:${r.key}`, r.cells[0]!.converted ?? null]));
  };

  it('marks converted area values and the parent and city sums that are not the old totals', async () => {
    for (const audience of AUDIENCES) {
      expect(await marks('2020-12-31', audience)).toEqual({
        'area:L': null,
        'area:M': CONVERTED_FROM,
        'area:R': CONVERTED_FROM,
        'area:C2': CONVERTED_FROM,
        'parent:P1': CONVERTED_FROM,
        'parent:P2': null,
        'city:': CONVERTED_FROM,
      });
      const now = await marks('2021-06-30', audience);
      expect(Object.values(now).every((m) => m === null)).toBe(true);
    }
  });
});
