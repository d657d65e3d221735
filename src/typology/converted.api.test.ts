/**
 * The „umgerechnet“ mark in the typology, on every engine: on a level whose counts before its new
 * Gebietsstand were converted, an area's type and its place among comparable areas are marked
 * when any of its input values at the Stichtag was converted, and a comparison marks each value
 * it shows — areas, district and city (see converted-aggregates.ts) — as the level table does.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { usePlannerApp } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { ClustersResult, CompareResult, SimilarResult } from './typology.schema.ts';

describe.each(engines)('umgerechnet in the typology on $name', (engine) => {
  const { get } = usePlannerApp(engine, convertedCity);
  const q = (date: string) => `level=planungsraum&date=${date}&indicators=einwohner`;

  it('marks the type of an area whose input was converted, not a counted one', async () => {
    const marks = async (date: string) =>
      Object.fromEntries(
        (await get<ClustersResult>(`/api/typology/clusters?${q(date)}&k=2`)).areas.map((a) => [
          a.key,
          a.converted ?? null,
        ]),
      );
    expect(await marks('2020-12-31')).toEqual({
      L: null,
      M: [CONVERTED_FROM],
      R: [CONVERTED_FROM],
      C2: [CONVERTED_FROM],
    });
    expect(await marks('2021-06-30')).toEqual({ L: null, M: null, R: null, C2: null });
  });

  it('marks the reference and the comparable areas that rest on converted values', async () => {
    const r = await get<SimilarResult>(
      `/api/typology/similar?${q('2020-12-31')}&area=L&band=percent&tolerance=100`,
    );
    expect(r.reference.converted).toBeUndefined();
    expect(Object.fromEntries(r.similar.map((s) => [s.key, s.converted ?? null]))).toEqual({
      M: [CONVERTED_FROM],
      R: [CONVERTED_FROM],
      C2: [CONVERTED_FROM],
    });
    const m = await get<SimilarResult>(
      `/api/typology/similar?${q('2020-12-31')}&area=M&band=percent&tolerance=100`,
    );
    expect(m.reference.converted).toEqual([CONVERTED_FROM]);
  });

  it('marks the compared values: area, district and city', async () => {
    const row = async (a: string, b: string, date = '2020-12-31') =>
      (await get<CompareResult>(`/api/typology/compare?${q(date)}&a=${a}&b=${b}`)).rows[0]!;
    // L counted; its district P1 sums L's count with the converted M and R, as the city does
    const l = await row('L', 'district');
    expect([l.a.converted, l.b.converted, l.district?.converted, l.city.converted]).toEqual([
      undefined,
      CONVERTED_FROM,
      CONVERTED_FROM,
      CONVERTED_FROM,
    ]);
    // C2 converted; its district P2 is exactly the old counted total
    const c2 = await row('C2', 'M');
    expect([c2.a.converted, c2.b.converted, c2.district?.converted]).toEqual([
      CONVERTED_FROM,
      CONVERTED_FROM,
      undefined,
    ]);
    const now = await row('M', 'city', '2021-06-30');
    expect([now.a, now.b, now.city, now.district].some((v) => v && 'converted' in v)).toBe(false);
  });
});
