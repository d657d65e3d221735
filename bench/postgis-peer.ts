/**
 * The peer of the microdata benchmark: the same aggregation in PostgreSQL + PostGIS
 * (ST_Contains join with GROUP BY), on a server the bench starts itself on loopback unless
 * LAGEBILD_BENCH_PG_URL names one. Skipped with a note when PostGIS is not installed.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { MicrodataArea } from '../src/imports/microdata/aggregate.ts';
import { DEFAULT_AGE_GROUPS } from '../src/imports/microdata/aggregate.ts';
import { parseAgeGroups } from '../src/imports/microdata/options.ts';

const run = promisify(execFile);
const DATE = '2024-12-31';
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type PeerResult = {
  queryMs: number | null;
  defaultPlanMs: number | null;
  loadMs: number | null;
  note: string;
};

/**
 * Session settings that steer PostgreSQL to the plan PostGIS is fast with: areas outer, persons'
 * GiST index inner, so each area polygon meets many points in a row and PostGIS reuses its
 * prepared geometry. Left to itself the planner scans the persons and probes the areas' index
 * (a new polygon for each point, no reuse), roughly ten times slower; JIT only adds compile time.
 */
const TUNED = [
  'SET jit = off',
  'SET enable_seqscan = off',
  'SET parallel_setup_cost = 0',
  'SET parallel_tuple_cost = 0',
  'SET min_parallel_index_scan_size = 0',
];

export async function postgis(
  dir: string,
  csv: string,
  areas: MicrodataArea[],
  ours: Record<string, number>,
): Promise<PeerResult> {
  const skipped = (why: string): PeerResult => {
    const note = `PostGIS peer skipped: ${why}`;
    process.stderr.write(`  ${note}\n`);
    return { queryMs: null, defaultPlanMs: null, loadMs: null, note };
  };
  if (
    !(await run('psql', ['--version']).then(
      () => true,
      () => false,
    ))
  )
    return skipped('psql is not installed');
  const given = process.env.LAGEBILD_BENCH_PG_URL;
  let server: Awaited<ReturnType<typeof startCluster>> = null;
  try {
    server = given ? null : await startCluster(dir);
  } catch (err) {
    return skipped(`PostgreSQL did not start (${(err as Error).message.split('\n')[0]})`);
  }
  if (!given && !server) return skipped('postgresql-<v>-postgis-3 is not installed');
  const url = given ?? server!.url;
  const client = new pg.Client({ connectionString: url });
  const schema = `lagebild_bench_${process.pid}`;
  try {
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
    } catch (err) {
      return skipped(`no PostGIS in the database (${(err as Error).message})`);
    }
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path = ${schema}, public`);
    const loadMs = await load(client, url, schema, csv, areas);
    const groups = parseAgeGroups(DEFAULT_AGE_GROUPS);
    const ageGroup = `CASE ${groups.map((g) => `WHEN p.alter <= ${g.to} THEN '${g.label}'`).join(' ')} END`;
    const sql =
      `SELECT a.key, ${ageGroup} AS age_group, p.geschlecht AS sex, count(*)::int AS n ` +
      'FROM areas a JOIN persons p ON ST_Contains(a.geom, p.geom) GROUP BY 1, 2, 3';
    type Row = { key: string; age_group: string; sex: string; n: number };
    let rows: Row[] = [];
    const timed = async () => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        rows = (await client.query<Row>(sql)).rows;
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    for (const set of TUNED) await client.query(set);
    await client.query(sql); // warm-up: buffers, catalogue caches
    const queryMs = await timed();
    let differing = 0;
    const theirs = new Map(rows.map((r) => [`${r.key}|age=${r.age_group};sex=${r.sex}`, r.n]));
    for (const [cell, value] of Object.entries(ours)) if ((theirs.get(cell) ?? 0) !== value) differing++;
    await client.query('RESET ALL');
    await client.query(`SET search_path = ${schema}, public`);
    const defaultPlanMs = await timed();
    const where = given ? 'at LAGEBILD_BENCH_PG_URL' : server!.version;
    const note = `PostGIS ${where}, tuned plan; ${differing} of ${Object.keys(ours).length} cells differ`;
    return { queryMs, defaultPlanMs, loadMs, note };
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end().catch(() => undefined);
    await server?.stop();
  }
}

async function load(client: pg.Client, url: string, schema: string, csv: string, areas: MicrodataArea[]) {
  const t0 = performance.now();
  await client.query(
    'CREATE TABLE raw (pseudonym text, geburtsdatum date, geschlecht text, staatsangehoerigkeit text, ' +
      'haushalt text, sgb2 smallint, x float8, y float8)',
  );
  await run('psql', [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `SET search_path = ${schema}`,
    '-c',
    `\\copy raw FROM '${csv}' WITH (FORMAT csv, HEADER true, DELIMITER ';')`,
  ]);
  await client.query(
    `CREATE TABLE persons AS SELECT geschlecht, extract(year FROM age(date '${DATE}', geburtsdatum))::int AS alter, ` +
      'sgb2, ST_SetSRID(ST_MakePoint(x, y), 25832)::geometry(Point, 25832) AS geom FROM raw',
  );
  await client.query('DROP TABLE raw');
  await client.query('CREATE TABLE areas (key text PRIMARY KEY, geom geometry(MultiPolygon, 25832))');
  for (const a of areas) {
    await client.query(
      'INSERT INTO areas VALUES ($1, ST_Multi(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), 25832)))',
      [a.key, JSON.stringify(a.geometry)],
    );
  }
  await client.query('CREATE INDEX ON persons USING gist (geom)');
  await client.query('CREATE INDEX ON areas USING gist (geom)');
  await client.query('VACUUM ANALYZE persons');
  await client.query('VACUUM ANALYZE areas');
  return performance.now() - t0;
}

/**
 * A throwaway PostgreSQL cluster on loopback (the newest installed server; with `postgis`, the
 * newest with PostGIS), or null when there is none.
 */
export async function startCluster(
  dir: string,
  { postgis = true }: { postgis?: boolean } = {},
): Promise<{ url: string; version: string; stop: () => Promise<void> } | null> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [] as string[])).sort((a, b) => +b - +a);
  const version = await firstWith(versions, (v) =>
    postgis ? `/usr/share/postgresql/${v}/extension/postgis.control` : `/usr/lib/postgresql/${v}/bin/initdb`,
  );
  if (version === null) return null;
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const root = join(dir, 'pg');
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const as = async (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  await mkdir(root);
  if (asRoot) {
    // initdb refuses to run as root; the cluster belongs to the postgres user.
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chmod(dir, 0o755);
    await chown(root, Number(uid.trim()), Number(gid.trim()));
  }
  await as(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c shared_buffers=512MB -c work_mem=64MB`;
  await as(`${bin}/pg_ctl`, ['-D', data, '-l', join(root, 'log'), '-w', '-o', opts, 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    version: `PostgreSQL ${version}`,
    stop: async () => {
      await as(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
  };
}

async function firstWith(versions: string[], path: (v: string) => string): Promise<string | null> {
  for (const v of versions)
    if (
      await stat(path(v)).then(
        () => true,
        () => false,
      )
    )
      return v;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
