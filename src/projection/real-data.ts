/**
 * Readers of the real past data the back-tests run on (../shared/data, relative to the repository
 * root): Berlin's Planungsräume (LOR 2021, half-yearly age groups) and Köln's Stadtteile (yearly
 * age groups 2005–2012, long format). Used by the back-test's tests and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BacktestArea } from './backtest.ts';
import type { AgeBand } from './split-bands.ts';

const DATA = resolve('../shared/data');

const BERLIN_BANDS: [string, number, number | null][] = [
  ['inhabitants_age_below_6', 0, 6],
  ['inhabitants_age_6_15', 6, 15],
  ['inhabitants_age_15_18', 15, 18],
  ['inhabitants_age_18_27', 18, 27],
  ['inhabitants_age_27_45', 27, 45],
  ['inhabitants_age_45_55', 45, 55],
  ['inhabitants_age_55_65', 55, 65],
  ['inhabitants_age_above_65', 65, null],
];

/**
 * Age bands of every Planungsraum at a half-year (`2022-02` = 31.12.2022), by 8-digit PLR id
 * (district, forecast area, district region and planning area ids concatenated).
 */
export function berlinBands(half: string): Map<string, AgeBand[]> {
  const [head, ...lines] = readFileSync(
    `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-${half}-t2.csv`,
    'utf8',
  )
    .trim()
    .split('\n');
  const cols = head!.split(',');
  const out = new Map<string, AgeBand[]>();
  for (const line of lines) {
    const cells = line.split(',');
    const cell = (name: string) => cells[cols.indexOf(name)]!;
    const id = ['district_id', 'forecast_area_id', 'district_region_id', 'planning_area_id']
      .map(cell)
      .join('');
    out.set(
      id,
      BERLIN_BANDS.map(([c, from, to]) => ({ from, to, value: Number(cell(c)) })),
    );
  }
  return out;
}

/** Köln's 13 age groups of table 020 (Alter), in order. */
const KOELN_BANDS: [number, number | null][] = [
  [0, 3],
  [3, 6],
  [6, 10],
  [10, 15],
  [15, 18],
  [18, 25],
  [25, 35],
  [35, 45],
  [45, 55],
  [55, 60],
  [60, 65],
  [65, 75],
  [75, null],
];

/**
 * Age bands of every Stadtteil (raum_id 101–909) by year, from table 020 (Alter) of the long
 * file; the rows of a Stadtteil and year are its 13 groups in `zei_id` order.
 */
export function koelnBands(): Map<number, Map<string, AgeBand[]>> {
  const [head, ...lines] = readFileSync(`${DATA}/koeln-stadtteile/bevoelkerung_2005-2012.csv`, 'utf8')
    .trim()
    .split('\n');
  const cols = head!.split(',');
  const [tab, year, raum, zei, zahl] = ['tab_id', 'jahr', 'raum_id', 'zei_id', 'zahl'].map((c) =>
    cols.indexOf(c),
  );
  const rows = new Map<number, Map<string, { zei: number; value: number }[]>>();
  for (const line of lines) {
    const c = line.split(',');
    if (c[tab!] !== '020' || Number(c[raum!]) < 100) continue;
    const y = Number(c[year!]);
    let byArea = rows.get(y);
    if (!byArea) rows.set(y, (byArea = new Map<string, { zei: number; value: number }[]>()));
    const list = byArea.get(c[raum!]!) ?? [];
    list.push({ zei: Number(c[zei!]), value: Number(c[zahl!]) });
    byArea.set(c[raum!]!, list);
  }
  const out = new Map<number, Map<string, AgeBand[]>>();
  for (const [y, byArea] of rows) {
    const m = new Map<string, AgeBand[]>();
    for (const [area, list] of byArea) {
      list.sort((a, b) => a.zei - b.zei);
      if (list.length !== KOELN_BANDS.length) throw new Error(`Köln ${y} ${area}: ${list.length} age groups`);
      m.set(
        area,
        KOELN_BANDS.map(([from, to], i) => ({ from, to, value: list[i]!.value })),
      );
    }
    out.set(y, m);
  }
  return out;
}

/** The areas present at all three dates, with their bands. */
export function backtestAreas(
  earlier: Map<string, AgeBand[]>,
  base: Map<string, AgeBand[]>,
  observed: Map<string, AgeBand[]>,
): BacktestArea[] {
  return [...base.keys()]
    .filter((k) => earlier.has(k) && observed.has(k))
    .sort()
    .map((key) => ({ key, earlier: earlier.get(key)!, base: base.get(key)!, observed: observed.get(key)! }));
}

/** Berlin: base 31.12.2022 (with 31.12.2021), projected to 31.12.2024. */
export const berlinBacktestInput = () => ({
  areas: backtestAreas(berlinBands('2021-02'), berlinBands('2022-02'), berlinBands('2024-02')),
  earlierYear: 2021,
  baseYear: 2022,
  targetYear: 2024,
});

/** Köln: base 2009 (with 2008), projected to 2012. */
export function koelnBacktestInput() {
  const k = koelnBands();
  return {
    areas: backtestAreas(k.get(2008)!, k.get(2009)!, k.get(2012)!),
    earlierYear: 2008,
    baseYear: 2009,
    targetYear: 2012,
  };
}
