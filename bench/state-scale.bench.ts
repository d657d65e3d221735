/**
 * The state-wide case: a synthetic North Rhine-Westphalia (bench/nrw-state.ts: 53 Kreise, 396
 * Gemeinden, about 10,000 small areas, 18 million inhabitants, three Stichtage) in one real
 * PostgreSQL, and in the embedded PGlite for comparison, through the app's own code paths:
 * the Einrichtung (`runSetup`), the area import as the CLI does it (`readAreaFiles` +
 * `importAreas`), the table import of two office CSVs (`importTable` with a column mapping), the
 * built-in Berlin MSS index over all small areas (`indexResult`) with its Monte Carlo robustness
 * (`indexRobustness`, 1,000 runs as the app asks), and the atlas's two requests for the small-area
 * level as an anonymous visitor (`buildApp` + `inject`: values of one indicator, display
 * geometry), cold (first after the import) and warm. One row per step, with its size; no targets.
 *
 * `LAGEBILD_BENCH_STATE_AREAS` makes the state smaller for a quick look (default 10,000);
 * `LAGEBILD_BENCH_STATE_ENGINES=postgres` (or `pglite`) runs one engine only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAreas } from '../src/areas/area.service.ts';
import { readAreaFiles } from '../src/areas/readers/index.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { importTable } from '../src/imports/table-import.service.ts';
import { indexResult, indexRobustness } from '../src/indices/index.service.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { runSetup } from '../src/setup/setup.service.ts';
import type { Measurement } from './harness.ts';
import { nrwState, POPULATION_COLUMNS, SGB2_COLUMNS, STATE_DATES, type StateFiles } from './nrw-state.ts';
import { freshDatabase, postgresServer } from './postgres-server.ts';

type Recorder = (m: Measurement) => void;

const INDEX = 'berlin_mss';
const INDICATOR = 'sgb2_quote';
const LEVEL = 'sozialraum';
const DATE = STATE_DATES.at(-1)!;
const WARM_RUNS = 5;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Wall time and this process's CPU time of `fn`: on a shared machine the wall time also holds
 * other processes' turns, and on PostgreSQL the difference is mostly the server's work.
 */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

export async function benchStateScale(record: Recorder): Promise<void> {
  const files = nrwState(Number(process.env.LAGEBILD_BENCH_STATE_AREAS) || 10_000);
  const engines = process.env.LAGEBILD_BENCH_STATE_ENGINES?.split(',') ?? ['postgres', 'pglite'];
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-state-'));
  try {
    if (engines.includes('postgres')) await onPostgres(dir, files, record);
    if (engines.includes('pglite')) {
      const db = await openDb('memory://');
      try {
        await measure(db, 'PGlite', files, record);
      } finally {
        await db.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(dir: string, files: StateFiles, record: Recorder) {
  const server = await postgresServer(dir);
  if (!server.url) {
    record({ name: 'state-scale, PostgreSQL', value: 0, unit: 'ms', note: server.note });
    return;
  }
  try {
    const database = await freshDatabase(server.url, `lagebild_bench_state_${process.pid}`);
    try {
      const db = await openDb(database.url);
      try {
        await measure(db, server.note, files, record);
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}

async function measure(db: Db, engine: string, files: StateFiles, record: Recorder) {
  const row = (step: string, t: { ms: number; cpuMs: number }, note: string) =>
    record({
      name: `state-scale, ${engine}: ${step}`,
      value: t.ms,
      unit: 'ms',
      note: `${note}; CPU ${t.cpuMs.toFixed(0)} ms`,
    });
  const { counts } = files;
  await migrate(db);
  await seedDefaults(db);
  const { user } = await runSetup(db, {
    admin: 'land',
    password: 'state-scale-bench-password',
    city: 'Nordrhein-Westfalen (synthetisch)',
    key: '05000000',
    kind: 'stadt',
    levels: [
      { key: 'kreis', name: 'Kreis / kreisfreie Stadt' },
      { key: 'gemeinde', name: 'Gemeinde' },
      { key: LEVEL, name: 'Sozialraum' },
    ],
  });

  // (a) areas, coarse to fine as a state office would load them
  const levels = [
    {
      key: 'kreis',
      file: 'kreise.geojson',
      data: files.kreise,
      id: 'KRS',
      name: 'KRS_NAME',
      parent: undefined,
    },
    {
      key: 'gemeinde',
      file: 'gemeinden.geojson',
      data: files.gemeinden,
      id: 'AGS',
      name: 'GEN',
      parent: 'KRS',
    },
    {
      key: LEVEL,
      file: 'sozialraeume.geojson',
      data: files.areas,
      id: 'SR_ID',
      name: 'SR_NAME',
      parent: 'AGS',
    },
  ];
  for (const l of levels) {
    const read = await timed(() =>
      readAreaFiles([{ name: l.file, data: l.data }], {
        idField: l.id,
        nameField: l.name,
        parentField: l.parent,
      }),
    );
    const stored = await timed(() => importAreas(db, read.value, { level: l.key, validFrom: '2021-01-01' }));
    row(
      `import areas, level ${l.key} (GeoJSON)`,
      { ms: read.ms + stored.ms, cpuMs: read.cpuMs + stored.cpuMs },
      `${count(stored.value.imported)} areas, ${mb(l.data.length)}; read ${read.ms.toFixed(0)} ms, store ${stored.ms.toFixed(0)} ms`,
    );
  }

  // counts: two tables as the offices deliver them, mapped to the catalogue's variables
  const tables = [
    { file: 'einwohner_sozialraeume.csv', data: files.population, variables: POPULATION_COLUMNS },
    { file: 'sgb2_sozialraeume.csv', data: files.sgb2, variables: SGB2_COLUMNS },
  ];
  for (const t of tables) {
    const imported = await timed(() =>
      importTable(
        db,
        { name: t.file, data: t.data },
        { level: LEVEL, mapping: { areaColumn: 'Gebiet', dateColumn: 'Stichtag', variables: t.variables } },
      ),
    );
    const r = imported.value;
    row(
      `import table ${t.file} (CSV)`,
      imported,
      `${count(r.report.stats.records)} values (${count(counts.areas)} areas × ${STATE_DATES.length} Stichtage × ${Object.keys(t.variables).length}), ${mb(t.data.length)}; ${r.committed ? 'committed' : 'NOT COMMITTED'}`,
    );
  }

  // (b) the composite index over every small area, as the administrator sees it (unprotected)
  const index = await timed(() => indexResult(db, user, INDEX, LEVEL, DATE));
  const valid = index.value.areas.filter((a) => a.valid).length;
  row(
    `index ${INDEX} over all small areas (first call)`,
    index,
    `${count(index.value.areas.length)} areas, ${count(valid)} valid, 6 indicators; includes loading the level table`,
  );
  const again = await timed(() => indexResult(db, user, INDEX, LEVEL, DATE));
  row(`index ${INDEX}, second call`, again, 'same data version: the result kept with the level table');

  // (c) its robustness, 1,000 Monte Carlo runs as the app's route asks for
  const robust = await timed(() => indexRobustness(db, user, INDEX, LEVEL, DATE));
  const stable = robust.value.areas.filter((a) => a.robust).length;
  row(
    `index robustness, ${robust.value.runs} Monte Carlo runs`,
    robust,
    `${count(robust.value.areas.length)} areas, ${count(stable)} robust; level table already loaded by the index`,
  );

  // (d) the atlas's requests for the small-area level, as an anonymous visitor with gzip
  const app = await buildApp({ db, webDir: '/nonexistent' });
  try {
    const routes = [
      { name: 'display geometry', url: `/api/areas/geojson?level=${LEVEL}` },
      {
        name: `values of ${INDICATOR}`,
        url: `/api/indicators/${INDICATOR}/values?level=${LEVEL}&date=${DATE}`,
      },
    ];
    for (const route of routes) {
      const get = (gzip: boolean) =>
        timed(async () => {
          const res = await app.inject({
            url: route.url,
            headers: gzip ? { 'accept-encoding': 'gzip' } : {},
          });
          if (res.statusCode !== 200)
            throw new Error(`${route.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          return { bytes: res.rawPayload.length, cache: res.headers['x-cache'] ?? 'none' };
        });
      const cold = await get(false);
      row(
        `atlas ${route.name}, ${LEVEL} level, cold`,
        cold,
        `${count(counts.areas)} areas, ${kb(cold.value.bytes)}; cache ${String(cold.value.cache)}`,
      );
      const warm: Awaited<ReturnType<typeof get>>[] = [];
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await get(true));
      warm.sort((a, b) => a.ms - b.ms);
      const median = warm[Math.floor(WARM_RUNS / 2)]!;
      row(
        `atlas ${route.name}, ${LEVEL} level, warm`,
        median,
        `median of ${WARM_RUNS}, gzip ${kb(median.value.bytes)}, cache ${String(median.value.cache)}`,
      );
    }
  } finally {
    await app.close();
  }
}
