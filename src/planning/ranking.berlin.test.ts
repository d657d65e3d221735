/**
 * The Bedarfsplan on real data, on every engine: Berlin's 2,880 Kitas (194,979 licensed places,
 * December 2022) on the 542 Planungsräume of the LOR 2021 against 0.74 × the children under 6 of
 * the register at 31 December 2022 (0.51 and 0.97 for two equal halves of the age group: the LOR
 * tables have no finer ages), with the status classes of the MSS 2021 (data of 31 December 2020)
 * computed by the index engine from the published indicators S1, S3 and S4. The top 20 are a
 * golden file (regenerate on purpose with REGEN=1).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { createNorm } from '../coverage/norm.service.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { importFacilities } from '../facilities/facility-import.service.ts';
import { createIndicator } from '../indicators/indicator.admin.ts';
import { upsertIndexDefinitions } from '../indices/index.repository.ts';
import { MSS_STATUS_CLASSES } from '../indices/presets.ts';
import { storeCounts, type CountRecord } from '../observations/store-counts.ts';
import { engines } from '../test/databases.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';
import { rankingCsv } from './ranking-csv.ts';
import { computeRanking } from './ranking.service.ts';

const DATA = '../shared/data';
const PLR = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KITAS = `${DATA}/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson`;
const POPULATION = `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-2022-02-t2.csv`;
const MSS = `${DATA}/berlin-mss-2021/wfs_mss_2021_index_indikatoren.csv`;
const PUBLISHED = `${DATA}/berlin-mss-2021/mss2021_merged_for_tests.csv`;
const DATE = '2022-12-31';
const MSS_DATE = '2020-12-31';

const csv = (path: string) =>
  parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true, bom: true });

const cell = (areaKey: string, date: string, variable: string, value: number): CountRecord => ({
  areaKey,
  date,
  variable,
  breakdown: '',
  value,
  status: 'value',
});

/** Children under 6 and inhabitants per PLR at the end of 2022. */
function population(): CountRecord[] {
  return csv(POPULATION).flatMap((r) => {
    const key = `${r.district_id}${r.forecast_area_id}${r.district_region_id}${r.planning_area_id}`;
    return [
      cell(key, DATE, 'ew', Number(r.inhabitants)),
      cell(key, DATE, 'ew_u6', Number(r.inhabitants_age_below_6)),
    ];
  });
}

/** The MSS 2021 status indicators as published (shares in %), and the inhabitants they refer to. */
function mssInputs(): CountRecord[] {
  return csv(MSS).flatMap((r) => {
    const out: CountRecord[] = [];
    if (r.EW) out.push(cell(r.PLR_ID!, MSS_DATE, 'ew', Number(r.EW)));
    for (const code of ['S1', 'S3', 'S4']) {
      const v = Number(r[code]);
      // the FIS-Broker export marks the Planungsräume it does not assess with -9999
      if (r[code] !== '' && v >= 0) out.push(cell(r.PLR_ID!, MSS_DATE, `mss_${code.toLowerCase()}`, v));
    }
    return out;
  });
}

describe.each(engines)('the Bedarfsplan for Berlin’s Kitas on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(db, await readAreaFile(PLR, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
    await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: DATE });
    await db.transaction(async (tx) => {
      const sourceId = await recordSource(tx, {
        kind: 'table',
        name: 'Berlin LOR und MSS 2021',
        stichtag: DATE,
      });
      await storeCounts(tx, { levelKey: 'planungsraum', sourceId, fileName: 'berlin.csv' }, [
        ...population(),
        ...mssInputs(),
      ]);
    });
    for (const code of ['s1', 's3', 's4'])
      await createIndicator(db, {
        key: `mss_${code}`,
        name: `MSS 2021 ${code.toUpperCase()}`,
        theme: 'Soziale Lage',
        numerator: `mss_${code}`,
        denominator: null,
        formula: 'count',
        periodYears: null,
        unit: '%',
        polarity: 'high_bad',
        decimals: 5,
        description: 'Status-Indikator des Monitorings Soziale Stadtentwicklung 2021, wie veröffentlicht',
        source: 'Senatsverwaltung für Stadtentwicklung, MSS 2021',
        updateCycle: 'zweijährlich',
        published: false,
        classification: null,
        target: null,
      });
    await upsertIndexDefinitions(
      db,
      [
        {
          key: 'mss2021_status',
          name: 'MSS 2021, Status-Index',
          description: 'Status-Index des Berliner Verfahrens aus den veröffentlichten Indikatoren S1, S3, S4',
          parts: [
            {
              key: 'status',
              label: 'Status-Index',
              indicators: ['S1', 'S3', 'S4'].map((code) => ({
                indicator: `mss_${code.toLowerCase()}`,
                code,
                direction: 1 as const,
                weight: 1,
              })),
              classes: MSS_STATUS_CLASSES,
            },
          ],
          standardisation: 'z_population',
          aggregation: 'sum',
          mean: 'arithmetic',
          restandardise: true,
          // as the MSS 2021: Planungsräume under 300 inhabitants and one outlier left out
          validity: { minPopulation: 300, excluded: ['10100205'] },
          missing: 'exclude_area',
          codeJoin: '',
        },
      ],
      null,
    );
    await createNorm(
      db,
      {
        key: 'kita_berlin',
        facilityType: 'kita',
        name: 'Kita-Plätze für Kinder unter 6 Jahren (Berlin)',
        demand: ['ew_u6'],
        factor: 0.74,
        source: 'Elternbedarf 2023 (BMFSFJ): U3 51 %, Ü3 97 %; je die Hälfte der unter 6-Jährigen',
      },
      null,
    );
  }, 600_000);
  afterAll(() => drop?.());

  const rank = () =>
    computeRanking(db, LOCAL_CLI_USER, {
      norm: 'kita_berlin',
      level: 'planungsraum',
      date: DATE,
      index: 'mss2021_status',
      indexDate: MSS_DATE,
    });

  it('ranks all 542 Planungsräume with the published MSS status classes', async () => {
    const r = await rank();
    expect(r.rows).toHaveLength(542);
    expect(r.index).toMatchObject({ key: 'mss2021_status', part: 'status', date: MSS_DATE });
    const published = new Map(csv(PUBLISHED).map((p) => [p.plr_id!, p]));
    let classified = 0;
    for (const row of r.rows) {
      const p = published.get(row.area);
      if (p?.validity === 'gültig') {
        expect(row.socialClass?.label, row.area).toBe(p.pub_status_class);
        classified++;
      } else expect(row.socialClass, row.area).toBeNull();
    }
    expect(classified).toBe(536);
    // the supply is every licensed place, all assigned
    expect(r.rows.reduce((s, x) => s + x.coverage.supply!, 0)).toBe(194_979);
    const ranked = r.rows.filter((x) => x.rank !== null);
    expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      expect(
        a.needs > b.needs || (a.needs === b.needs && a.score >= b.score - 0.05),
        `${a.area} ${b.area}`,
      ).toBe(true);
    }
    // every Kita is within the city: no Planungsraum is more than a few kilometres from one
    expect(Math.max(...r.rows.map((x) => x.distance!))).toBeLessThan(5000);
  }, 300_000);

  it('keeps the top 20 as a golden file, each with its reason', async () => {
    const r = await rank();
    const top = rankingCsv({ ...r, rows: r.rows.slice(0, 20) });
    expectGolden(goldenFile(import.meta.url, 'berlin-kita-top20.golden.csv'), top);
    expect(r.rows[0]!.needs).toBeGreaterThanOrEqual(2);
    expect(r.rows[0]!.reason).toMatch(/^Statusklasse [34] \(/);
  }, 300_000);
});
