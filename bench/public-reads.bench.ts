/**
 * Public reads under load: anonymous visitors (no cookie, gzip accepted as browsers do) asking for
 * what the atlas asks for — indicator values, display geometry, an area profile — with 10 and 50
 * connections for 5 s each (autocannon), against `lagebild serve` as a separate process on the
 * demo city (embedded database), and against two processes on one PostgreSQL with the connections
 * split between them. Targets: ≥ 500 req/s with p99 ≤ 100 ms at both loads: 10 clients is a
 * normal busy day of an atlas, 50 the peak after a press release. The cold rows time the first
 * request after a data change, when every cache of the server is stale.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import type { Measurement } from './harness.ts';
import { postgresServer } from './postgres-server.ts';
import { startServer, type RunningServer } from './server-process.ts';

const CLIENTS = [10, 50] as const;
/** Long enough for a stable p99 of a warm server, short enough for 24 runs in about two minutes. */
const SECONDS = Number(process.env.LAGEBILD_BENCH_LOAD_SECONDS) || 5;
const TARGET_RPS = 500;
const TARGET_P99_MS = 100;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

type Recorder = (m: Measurement) => void;
interface Route {
  name: string;
  path: string;
  /** Indicator whose definition a data change touches. */
  indicator: string;
}

export async function benchPublicReads(record: Recorder): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-public-'));
  try {
    await embedded(join(dir, 'db'), record);
    await twoProcessesOnPostgres(dir, record);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function embedded(dbDir: string, record: Recorder) {
  const server = await startServer(dbDir, 3941);
  try {
    const routes = await atlasRoutes(server.url);
    for (const clients of CLIENTS)
      for (const route of routes) await underLoad('embedded', [server.url], route, clients, record);
    const cookie = await plannerCookie(server.url);
    for (const route of routes) {
      // a write through the API: the same statement triggers as an import
      const change = await fetch(`${server.url}/api/indicators/${route.indicator}`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ published: true }),
      });
      if (!change.ok) throw new Error(`data change: ${change.status} ${await change.text()}`);
      const first = await firstRequest(server.url, route);
      record({
        name: `public reads, embedded: cold ${route.name} (first request after a data change)`,
        value: first.ms,
        unit: 'ms',
        note: `no target; ${first.cache}`,
      });
    }
  } finally {
    await server.stop();
  }
}

async function twoProcessesOnPostgres(dir: string, record: Recorder) {
  const pgServer = await postgresServer(dir);
  if (!pgServer.url) {
    record({ name: 'public reads, 2 processes on PostgreSQL', value: 0, unit: 'ms', note: pgServer.note });
    return;
  }
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  const name = `lagebild_bench_public_${process.pid}`;
  const servers: RunningServer[] = [];
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgServer.url);
    url.pathname = `/${name}`;
    // the first process loads the demo city into the empty database, the second finds it there
    servers.push(await startServer(url.toString(), 3942));
    servers.push(await startServer(url.toString(), 3943));
    const bases = servers.map((s) => s.url);
    const routes = await atlasRoutes(bases[0]!);
    const label = `2 processes on ${pgServer.note}`;
    for (const clients of CLIENTS)
      for (const route of routes) await underLoad(label, bases, route, clients, record);
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      for (const route of routes) {
        // a write by neither server process: both must notice it through the data version
        await db.query('UPDATE indicator SET published = published WHERE key = $1', [route.indicator]);
        const [a, b] = [await firstRequest(bases[0]!, route), await firstRequest(bases[1]!, route)];
        record({
          name: `public reads, 2 processes on PostgreSQL: cold ${route.name} (first request after a data change)`,
          value: a.ms,
          unit: 'ms',
          note: `no target; ${a.cache}; second process ${b.ms.toFixed(0)} ms, ${b.cache}${a.body === b.body ? ', same body' : ', BODIES DIFFER'}`,
        });
      }
    } finally {
      await db.end();
    }
  } finally {
    for (const s of servers) await s.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
    await admin.end();
    await pgServer.stop();
  }
}

/** What the atlas asks for first: its default level and Stichtag, an indicator and one area. */
async function atlasRoutes(base: string): Promise<Route[]> {
  const config = await json<{ defaultLevel: string; currentDate: string }>(`${base}/api/config`);
  const indicators = await json<{ key: string }[]>(`${base}/api/indicators`);
  const indicator = indicators.find((i) => i.key === 'sgb2_quote')?.key ?? indicators[0]!.key;
  const level = encodeURIComponent(config.defaultLevel);
  const areas = await json<{ id: string }[]>(`${base}/api/areas?level=${level}`);
  const area = encodeURIComponent(areas[0]!.id);
  return [
    {
      name: 'indicator values',
      path: `/api/indicators/${indicator}/values?level=${level}&date=${config.currentDate}`,
      indicator,
    },
    { name: 'display geometry', path: `/api/areas/geojson?level=${level}`, indicator },
    { name: 'area profile', path: `/api/profiles/${level}/${area}`, indicator },
  ];
}

/**
 * `clients` connections for SECONDS, spread over `bases`, twice: as fast as the server answers
 * (throughput, and p99 with every connection waiting in line), and at the target rate of 500
 * requests per second (p99 of a server that keeps up; autocannon corrects for coordinated omission).
 */
async function underLoad(label: string, bases: string[], route: Route, clients: number, record: Recorder) {
  for (const base of bases) await firstRequest(base, route); // the measurement is of warm servers
  const run = async (overallRate?: number, duration = SECONDS) => {
    const r = await autocannon({
      url: bases.map((b) => b + route.path),
      connections: clients,
      duration,
      headers: BROWSER,
      overallRate,
    });
    const failed = r.non2xx + r.errors + r.timeouts;
    const note = `p50 ${r.latency.p50} ms, max ${r.latency.max} ms${failed ? `, ${failed} FAILED` : ''}`;
    return { r, failed, note };
  };
  // One request leaves a process cold: its JIT has not compiled the hot path yet and its pool
  // holds one PostgreSQL connection. A second at full load opens the rest and compiles; whichever
  // route and client count came first would otherwise pay for it.
  await run(undefined, 1);
  const full = await run();
  const name = `public reads, ${label}: ${route.name}, ${clients} clients`;
  record({
    name: `${name} — throughput`,
    value: full.failed ? 0 : full.r.requests.average,
    unit: 'req/s',
    target: TARGET_RPS,
    atLeast: true,
    note: `${SECONDS} s as fast as answered`,
  });
  record({
    name: `${name} — p99 at that throughput`,
    value: full.r.latency.p99,
    unit: 'ms',
    target: TARGET_P99_MS,
    note: full.note,
  });
  const paced = await run(TARGET_RPS);
  record({
    name: `${name} — p99 at ${TARGET_RPS} req/s`,
    value: paced.failed ? Infinity : paced.r.latency.p99,
    unit: 'ms',
    target: TARGET_P99_MS,
    note: `${paced.r.requests.average.toFixed(0)} req/s served; ${paced.note}`,
  });
}

async function firstRequest(base: string, route: Route) {
  const t0 = performance.now();
  const res = await fetch(base + route.path, { headers: BROWSER });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${route.path}: ${res.status} ${body.slice(0, 200)}`);
  return { ms, body, cache: `cache ${res.headers.get('x-cache') ?? 'none'}` };
}

async function plannerCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'planer', password: knownDemoPassword('planer') }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lagebild_session='));
  if (!res.ok || !cookie) throw new Error(`login: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}
