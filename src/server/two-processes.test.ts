/**
 * Two server processes on one PostgreSQL database, as a load balancer runs them: a planner logs in
 * on one and works on the other (sessions live in the database); a table imported through one
 * moves the data version both report, so both answer with the new data; a report made in the
 * background by one is read as finished through the other, and neither process marks the other's
 * job failed — also not a process started while the job runs. Only on PostgreSQL: an embedded
 * database has one process (one-writer.cli.test.ts). The server is the one of LAGEBILD_TEST_PG_URL
 * (CI starts it), else a throwaway cluster of the installed PostgreSQL; without either the test
 * fails and says what is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownDemoPassword } from '../demo/demo-users.ts';
import { startCluster } from '../../bench/postgis-peer.ts';
import { engines } from '../test/databases.ts';
import { multipart } from '../test/multipart.ts';

/**
 * An empty PostgreSQL database for the two processes: a fresh one on the server the other tests
 * use, or a cluster of its own (the cluster's `postgres` database) when none is given.
 * @throws when neither LAGEBILD_TEST_PG_URL is set nor PostgreSQL is installed
 */
async function postgresLocation(): Promise<{ spec: string; drop: () => Promise<void> }> {
  const given = engines.find((e) => e.name === 'postgres');
  if (given) return given.location();
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-two-processes-'));
  const cluster = await startCluster(dir, { postgis: false });
  if (!cluster) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      'Two server processes need PostgreSQL: set LAGEBILD_TEST_PG_URL or install it (apt-get install postgresql).',
    );
  }
  return {
    spec: cluster.url,
    drop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface Server {
  url: string;
  stop: () => Promise<void>;
}

/** `lagebild serve` on `spec` at a free port, once it says it is ready. */
async function serve(spec: string): Promise<Server> {
  for (let attempt = 0; ; attempt++) {
    const port = 41000 + Math.floor(Math.random() * 8000);
    const child: ChildProcess = spawn(
      'node',
      [
        resolve('bin/lagebild.js'),
        '--db',
        spec,
        'serve',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--demo-passwords',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const started = Date.now();
    while (child.exitCode === null && Date.now() - started < 240_000) {
      const res = await fetch(`${url}/api/ready`).catch(() => null);
      if (res?.ok) return { url, stop };
      await new Promise((r) => setTimeout(r, 200));
    }
    await stop();
    if (!/EADDRINUSE/.test(stderr) || attempt > 5) throw new Error(`server did not start: ${stderr}`);
  }
}

describe('two server processes on PostgreSQL', () => {
  let spec: string;
  let drop: () => Promise<void>;
  let a: Server;
  let b: Server;
  let cookie: string;

  beforeAll(async () => {
    ({ spec, drop } = await postgresLocation());
    a = await serve(spec); // loads the demo city into the empty database
    b = await serve(spec);
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planer', password: knownDemoPassword('planer') }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  }, 600_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  const json = async <T>(url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
    expect(res.status, `${url}: ${res.status}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const version = async (s: Server) =>
    (await json<{ dataVersion: string }>(`${s.url}/api/ready`)).dataVersion;

  it('shares sessions and the data version: an import through one is seen by both', async () => {
    expect((await json<{ user: { username: string } }>(`${b.url}/api/auth/me`)).user.username).toBe('planer');
    const before = await version(a);
    expect(await version(b)).toBe(before);
    const keys = (
      await json<{ values: { id: string }[] }>(
        `${b.url}/api/indicators/einwohner/values?level=sozialraum&date=2024-12-31`,
      )
    ).values.map((v) => v.id);
    const csv = ['Gebiet;Stichtag;Zweiprozesswert', ...keys.map((k, i) => `${k};2024-12-31;${i + 1}`)].join(
      '\n',
    );
    const body = multipart({ level: 'sozialraum' }, [{ name: 'zwei.csv', data: csv }]);
    await json(`${b.url}/api/imports/table`, {
      method: 'POST',
      body: body.payload,
      headers: { 'content-type': body.contentType },
    });
    const after = await version(a);
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(await version(b)).toBe(after);
    const variables = await json<{ key: string; name: string }[]>(`${a.url}/api/variables`);
    expect(variables.some((v) => v.name === 'Zweiprozesswert' || v.key === 'zweiprozesswert')).toBe(true);
  }, 300_000);

  it('makes a report in one process, reads it through the other, and no process fails it', async () => {
    const [area] = (
      await json<{ values: { id: string }[] }>(
        `${a.url}/api/indicators/einwohner/values?level=sozialraum&date=2024-12-31`,
      )
    ).values;
    const started = await json<{ id: number; status: string }>(`${a.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'steckbrief', level: 'sozialraum', area: area!.id, format: 'html' }),
    });
    // a third process starting now settles interrupted jobs at its start: not this live one
    const c = await serve(spec);
    try {
      let status = started.status;
      const t0 = Date.now();
      while (status === 'running' && Date.now() - t0 < 240_000) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await json<{ status: string }>(`${b.url}/api/reports/${started.id}`)).status;
      }
      expect(status).toBe('done');
      const file = await fetch(`${c.url}/api/reports/${started.id}/file`, { headers: { cookie } });
      expect(file.status).toBe(200);
      expect(await file.text()).toContain('<html');
    } finally {
      await c.stop();
    }
  }, 600_000);
});
