/**
 * Coverage: every built-in norm (Kita U3 and Ü3, playground area per inhabitant, DIN 18034 walking
 * distance on a 100 m grid) for Berlin's 542 Planungsräume over 10 Stichtage, as a planner and as
 * the public (target ≤ 200 ms warm for all norms together, on the embedded database).
 *
 * Data: the Planungsräume (LOR 2021), the real register counts of the eight half-years 2021–2024
 * (inhabitants, children under 6) and two later Stichtage made from 2024's counts (+0.5 %, +1 %);
 * children under 3 and 3–5 are under-6 halved (Berlin's table has no finer band); the 2,880 real
 * Kitas and 1,850 playgrounds placed at seeded random points in the Planungsräume (Berlin has about
 * that many public playgrounds; their positions are not in the data here).
 *
 * Timed: the second and later rounds of all built-in norms with `series` (data loaded, the grid, the
 * reach of the playgrounds and the protection of each Stichtag already computed in the first
 * round, which is shown as the cold time).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAreas } from '../src/areas/area.service.ts';
import { readAreaFile } from '../src/areas/readers/index.ts';
import { LOCAL_CLI_USER } from '../src/auth/local-cli-user.ts';
import { mulberry32 } from '../src/core/random.ts';
import { computeCoverage } from '../src/coverage/coverage.service.ts';
import { DEFAULT_NORM_KEYS } from '../src/coverage/norm.defaults.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { recordSource } from '../src/db/provenance.ts';
import { importFacilities } from '../src/facilities/facility-import.service.ts';
import { AreaIndex } from '../src/geo/area-index.ts';
import { storeCounts, type CountRecord } from '../src/observations/store-counts.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { timeMedian, type Measurement } from './harness.ts';

const DATA = resolve(fileURLToPath(import.meta.url), '../../../shared/data');
const PLR = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KITAS = `${DATA}/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson`;
const HALF_YEARS = ['2021-01', '2021-02', '2022-01', '2022-02', '2023-01', '2023-02', '2024-01', '2024-02'];
const PLAYGROUNDS = 1850;

const stichtag = (half: string) => `${half.slice(0, 4)}-${half.endsWith('01') ? '06-30' : '12-31'}`;

function counts(half: string, date: string, scale = 1): CountRecord[] {
  const lines = readFileSync(
    `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-${half}-t2.csv`,
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1);
  const out: CountRecord[] = [];
  for (const line of lines) {
    const c = line.split(',');
    const areaKey = `${c[0]}${c[1]}${c[2]}${c[3]}`;
    const ew = Math.round(Number(c[4]) * scale);
    const u6 = Math.round(Number(c[5]) * scale);
    const u3 = Math.floor(u6 / 2);
    const cell = (variable: string, value: number): CountRecord => ({
      areaKey,
      date,
      variable,
      breakdown: '',
      value,
      status: 'value',
    });
    out.push(cell('ew', ew), cell('ew_u6', u6), cell('ew_u3', u3), cell('ew_3_5', u6 - u3));
  }
  return out;
}

export async function loadBerlin(db: Db): Promise<void> {
  const plr = await readAreaFile(PLR, { idField: 'PLR_ID', nameField: 'PLR_NAME' });
  await importAreas(db, plr, { level: 'planungsraum', validFrom: '2021-01-01' });
  const records = HALF_YEARS.flatMap((h) => counts(h, stichtag(h)));
  records.push(...counts('2024-02', '2025-06-30', 1.005), ...counts('2024-02', '2025-12-31', 1.01));
  await db.transaction(async (tx) => {
    const sourceId = await recordSource(tx, { kind: 'table', name: 'Einwohner LOR (Bench)' });
    await storeCounts(tx, { levelKey: 'planungsraum', sourceId, fileName: 'berlin.csv' }, records);
  });
  await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: '2021-01-01' });
  // playgrounds at seeded random points inside the Planungsräume
  const index = new AreaIndex(plr.areas.map((a) => ({ key: a.key, geometry: a.geometry })));
  const rand = mulberry32(18034);
  const rows = ['nr;name;flaeche;lon;lat'];
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const a of plr.areas)
    for (const poly of a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates)
      for (const [lon, lat] of poly[0] ?? []) {
        minLon = Math.min(minLon, lon!);
        maxLon = Math.max(maxLon, lon!);
        minLat = Math.min(minLat, lat!);
        maxLat = Math.max(maxLat, lat!);
      }
  while (rows.length <= PLAYGROUNDS) {
    const lon = minLon + rand() * (maxLon - minLon);
    const lat = minLat + rand() * (maxLat - minLat);
    if (index.locate(lon, lat) === null) continue;
    const area = Math.round((200 + rand() * 2800) / 10) * 10;
    rows.push(`S${rows.length};Spielplatz ${rows.length};${area};${lon.toFixed(6)};${lat.toFixed(6)}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-coverage-'));
  try {
    const file = join(dir, 'spielplaetze.csv');
    await writeFile(file, rows.join('\n'));
    await importFacilities(db, {
      type: 'spielplatz',
      paths: [file],
      validFrom: '2021-01-01',
      options: { idField: 'nr', nameField: 'name', capacityField: 'flaeche', crs: 'EPSG:4326' },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchCoverage(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadBerlin(db);
    const all = (user: typeof LOCAL_CLI_USER | null) => async () => {
      for (const norm of DEFAULT_NORM_KEYS) {
        const c = await computeCoverage(db, user, { norm, level: 'planungsraum', series: '1' });
        if (c.rows.length !== 542 * 10) throw new Error(`${norm}: ${c.rows.length} rows`);
      }
    };
    for (const [who, user] of [
      ['Planende', LOCAL_CLI_USER],
      ['öffentlich', null],
    ] as const) {
      const t0 = performance.now();
      await all(user)();
      const cold = performance.now() - t0;
      record({
        name: `coverage: ${DEFAULT_NORM_KEYS.length} norms × 542 PLR × 10 Stichtage, warm (${who})`,
        value: await timeMedian(3, all(user)),
        unit: 'ms',
        target: 200,
        note: `first run ${(cold / 1000).toFixed(1)} s (grid, reach${user ? '' : ', protection of 10 Stichtage'})`,
      });
    }
  } finally {
    await db.close();
  }
}
