/**
 * One database, one writer — with real processes (`node bin/lagebild.js …`):
 * - PGlite: two imports at once never both write (the second is refused naming the first, or
 *   runs after it), the lock of a killed process is taken over, and Ctrl+C or kill -9 during an
 *   import leaves the whole import or nothing.
 * - PostgreSQL (with LAGEBILD_TEST_PG_URL): servers starting together on one new database, imports
 *   of the same Stichtag through two servers and the CLI at once, reports through both servers.
 * What the command line does while a server holds a PGlite directory: through-server.cli.test.ts.
 * Nothing here depends on timing: processes are paused (SIGSTOP) where an overlap must happen,
 * and outcomes that depend on the scheduler are checked for the invariant they all must keep.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/lock.ts';
import {
  koelnTemplate,
  lagebild,
  lockOf,
  LONG,
  slice,
  table,
  until,
  withDb,
  type KoelnTemplate,
  type Proc,
} from '../test/cli-processes.ts';
import { engines } from '../test/databases.ts';

describe('one writer per PGlite directory', () => {
  let root: string;
  let keys: string[];
  let fresh: (name: string) => Promise<string>;
  let koeln: KoelnTemplate | undefined;

  beforeAll(async () => {
    koeln = await koelnTemplate('lagebild-one-writer-');
    ({ root, keys, fresh } = koeln);
  }, LONG);
  afterAll(() => koeln?.remove());

  it(
    'refuses a second import while the first holds the directory, naming it; the first completes',
    async () => {
      const dir = await fresh('paused');
      const n = await table(join(root, 'a.csv'), keys, 200, '2024-12-31', 0);
      await table(join(root, 'b.csv'), keys, 200, '2024-12-31', 1_000_000);
      const first = lagebild(['--db', dir, 'import', 'table', join(root, 'a.csv'), '--level', 'stadtteil']);
      await until('the first import to hold the directory', () => lockOf(dir)?.pid === first.pid);
      // paused, the first import holds the directory for certain while the second one starts
      first.child.kill('SIGSTOP');
      const second = lagebild(['--db', dir, 'import', 'table', join(root, 'b.csv'), '--level', 'stadtteil']);
      expect(await second.exit).toBe(2);
      expect(second.err()).toContain(`wird bereits von Prozess ${first.pid} (Befehl „lagebild import table`);
      expect(second.out()).not.toContain('importiert');
      first.child.kill('SIGCONT');
      expect(await first.exit, first.err()).toBe(0);
      expect(first.out()).toContain(`${n} Werte importiert`);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      const s = await withDb(dir, (db) => slice(db, '2024-12-31'));
      expect(s).toEqual({ n, low: 0, high: n - 1, uniqueKeys: true });
    },
    LONG,
  );

  it(
    'two imports started together: each one imports completely or is refused; the data are one of them',
    async () => {
      const dir = await fresh('together');
      const n = await table(join(root, 'c.csv'), keys, 200, '2024-12-31', 0);
      await table(join(root, 'd.csv'), keys, 200, '2024-12-31', 1_000_000);
      const runs = [join(root, 'c.csv'), join(root, 'd.csv')].map((f) =>
        lagebild(['--db', dir, 'import', 'table', f, '--level', 'stadtteil']),
      );
      const codes = await Promise.all(runs.map((r) => r.exit));
      const ok = runs.filter((_, i) => codes[i] === 0);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const [i, r] of runs.entries()) {
        if (codes[i] === 0) expect(r.out()).toContain(`${n} Werte importiert`);
        else {
          expect(codes[i]).toBe(2);
          expect(r.err()).toContain(`wird bereits von Prozess ${runs[1 - i]!.pid}`);
        }
      }
      const s = await withDb(dir, (db) => slice(db, '2024-12-31'));
      expect(s.n).toBe(n);
      expect(s.uniqueKeys).toBe(true);
      // all values from one file: 0…n-1 or 1,000,000…1,000,000+n-1, never a mix
      expect(s.high! - s.low!).toBe(n - 1);
    },
    LONG,
  );

  it(
    'takes over the lock of a killed server',
    async () => {
      const dir = await fresh('killed');
      const s = lagebild(['--db', dir, 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
      await until('the server to listen', () => (lockOf(dir)?.port ?? null) !== null);
      s.child.kill('SIGKILL');
      await s.exit;
      expect(lockOf(dir)?.pid).toBe(s.pid); // left behind
      const r = lagebild(['--db', dir, '--json', 'areas', 'list', '--level', 'stadtteil']);
      expect(await r.exit, r.err()).toBe(0);
      expect(JSON.parse(r.out())).toHaveLength(86);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    },
    LONG,
  );

  it(
    'an import interrupted with Ctrl+C releases the directory and stores all or nothing',
    async () => {
      const dir = await fresh('interrupted');
      const n = await table(join(root, 'f.csv'), keys, 1000, '2024-12-31', 0);
      const p = lagebild(['--db', dir, 'import', 'table', join(root, 'f.csv'), '--level', 'stadtteil']);
      await until('the import to hold the directory', () => lockOf(dir)?.pid === p.pid);
      p.child.kill('SIGINT');
      const code = await p.exit;
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      const s = await withDb(dir, (db) => slice(db, '2024-12-31'));
      if (code === 0) expect(s.n).toBe(n);
      else {
        expect(code).toBe(130);
        expect([0, n]).toContain(s.n);
      }
    },
    LONG,
  );

  it(
    'kill -9 during an import leaves the whole import or nothing, five times over',
    async () => {
      const dir = await fresh('kill9');
      // a delivery per Stichtag, each about as large as the one that was lost (248,000 values)
      const importAt = async (date: string) => {
        const file = join(root, `gross-${date}.csv`);
        await table(file, keys, 3000, date, 0);
        return lagebild(['--db', dir, 'import', 'table', file, '--level', 'stadtteil']);
      };
      const n = keys.length * 3000;
      const holding = (p: Proc) =>
        until(
          'the import to hold the directory',
          () => lockOf(dir)?.pid === p.pid || p.child.exitCode !== null,
        );
      // one import to its end first: how long one takes on this machine, to spread the kills over it
      const whole = await importAt('2009-12-31');
      await holding(whole);
      const t0 = Date.now();
      expect(await whole.exit, whole.err()).toBe(0);
      const span = Date.now() - t0;
      const outcomes: string[] = [];
      let stored = n;
      for (let run = 0; run < 5; run++) {
        const date = `${2010 + run}-12-31`;
        const p = await importAt(date);
        await holding(p);
        // at 15 %, 35 %, … 95 % of an import: reading the file, writing, committing
        await new Promise((r) => setTimeout(r, span * (0.15 + 0.2 * run)));
        const finished = p.child.exitCode !== null;
        const reported = p.out().includes('Werte importiert');
        p.child.kill('SIGKILL');
        await p.exit;
        const s = await withDb(dir, async (db) => {
          const row = await slice(db, date);
          const [total] = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM observation o JOIN variable v ON v.id = o.variable_id WHERE v.key LIKE 'merkmal_%'`,
          );
          return { ...row, total: total!.n };
        });
        expect(s.uniqueKeys).toBe(true);
        expect([0, n]).toContain(s.n);
        // a success message is never a lie
        if (reported) expect(s.n).toBe(n);
        if (s.n === n) expect(s.high! - s.low!).toBe(n - 1);
        stored += s.n;
        // earlier runs' imports are untouched
        expect(s.total).toBe(stored);
        outcomes.push(
          `${finished ? 'finished before the kill' : 'killed'}: ${s.n === n ? 'whole import' : 'nothing'}`,
        );
      }
      // the directory still takes a normal import afterwards
      const after = await importAt('2030-12-31');
      expect(await after.exit, after.err()).toBe(0);
      process.stdout.write(`kill -9 runs: ${outcomes.join('; ')}\n`);
    },
    3 * LONG,
  );
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe.each(engines.filter((e) => e.name === 'postgres'))('several processes on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  const servers: { proc: Proc; url: string; cookie: string }[] = [];

  const start = async () => {
    const port = await freePort();
    const proc = lagebild(['--db', spec, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      LAGEBILD_DEMO_PASSWORDS: '1',
    });
    return { proc, url: `http://127.0.0.1:${port}` };
  };
  const ready = (p: Proc) =>
    until('the server to listen', () => {
      if (p.child.exitCode !== null) throw new Error(p.err());
      return p.out().includes('Lagebild läuft');
    });
  const login = async (url: string) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'planer', password: 'planer-demo-2024' }),
    });
    expect(res.status).toBe(200);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  };

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    // two servers start together on one new database: migrations and demo load happen once
    const both = [await start(), await start()];
    await Promise.all(both.map((s) => ready(s.proc)));
    expect(both.filter((s) => s.proc.out().includes('Demo-Stadt geladen'))).toHaveLength(1);
    for (const s of both) servers.push({ ...s, cookie: await login(s.url) });
  }, LONG);
  afterAll(async () => {
    for (const s of servers) if (s.proc.child.exitCode === null) s.proc.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.proc.exit));
    await drop();
  });

  it(
    'imports of one Stichtag through two servers and the CLI at once end consistent',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'lagebild-pg-import-'));
      try {
        const keys = await withDb(spec, async (db) =>
          (
            await db.query<{ key: string }>(
              `SELECT a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' AND a.valid_to IS NULL`,
            )
          ).map((r) => r.key),
        );
        const files = [0, 1, 2].map((k) => join(dir, `lieferung-${k}.csv`));
        let n = 0;
        for (const [k, f] of files.entries()) n = await table(f, keys, 50, '2024-12-31', k * 1_000_000);
        const upload = async (url: string, cookie: string, file: string) => {
          const form = new FormData();
          form.set('level', 'sozialraum');
          form.set('file', new Blob([await readFile(file)]), 'lieferung.csv');
          return fetch(`${url}/api/imports/table`, { method: 'POST', headers: { cookie }, body: form });
        };
        const cli = lagebild(['--db', spec, 'import', 'table', files[2]!, '--level', 'sozialraum']);
        const [a, b, code] = await Promise.all([
          upload(servers[0]!.url, servers[0]!.cookie, files[0]!),
          upload(servers[1]!.url, servers[1]!.cookie, files[1]!),
          cli.exit,
        ]);
        expect(a.status, await a.clone().text()).toBe(200);
        expect(b.status, await b.clone().text()).toBe(200);
        expect(code, cli.err()).toBe(0);
        for (const r of [a, b]) expect(await r.json()).toMatchObject({ committed: true, stored: n });
        const s = await withDb(spec, async (db) => {
          const row = await slice(db, '2024-12-31');
          const [h] = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM observation_history o JOIN variable v ON v.id = o.variable_id WHERE v.key LIKE 'merkmal_%'`,
          );
          const [vars] = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM variable WHERE key LIKE 'merkmal_%'`,
          );
          return { ...row, history: h!.n, variables: vars!.n };
        });
        // one delivery is current, complete and unmixed; the two before it are in the history
        expect(s).toMatchObject({ n, uniqueKeys: true, history: 2 * n, variables: 50 });
        expect(s.high! - s.low!).toBe(n - 1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    LONG,
  );

  it(
    'reports made by two servers while a third starts all finish',
    async () => {
      const ids: { server: (typeof servers)[number]; id: number }[] = [];
      for (const s of servers)
        for (const area of ['101', '102']) {
          const res = await fetch(`${s.url}/api/reports`, {
            method: 'POST',
            headers: { cookie: s.cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ template: 'steckbrief', level: 'sozialraum', area, format: 'html' }),
          });
          expect(res.status, await res.clone().text()).toBe(202);
          ids.push({ server: s, id: ((await res.json()) as { id: number }).id });
        }
      // a third server starting now must leave the running reports of the other two alone
      const third = await start();
      await ready(third.proc);
      servers.push({ ...third, cookie: await login(third.url) });
      for (const { server, id } of ids)
        await until(`report ${id}`, async () => {
          const meta = (await (
            await fetch(`${server.url}/api/reports/${id}`, { headers: { cookie: server.cookie } })
          ).json()) as { status: string };
          return meta.status !== 'running';
        });
      const rows = await withDb(spec, (db) =>
        db.query<{ status: string; claimed_by: string }>(
          'SELECT status, claimed_by FROM report WHERE id = ANY($1::int[]) ORDER BY id',
          [ids.map((i) => i.id)],
        ),
      );
      expect(rows.map((r) => r.status)).toEqual(['done', 'done', 'done', 'done']);
      // each server made its own reports
      expect(new Set(rows.map((r) => r.claimed_by)).size).toBe(2);
    },
    LONG,
  );
});
