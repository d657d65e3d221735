/**
 * Backup and restore on every engine, and across engines: the demo city (with a report document
 * as bytes, audit history and a projection) is written to a file and restored into a fresh
 * database, where every table holds exactly the same rows; ids continue after the restored ones;
 * a changed, cut or foreign file and a database in use are refused before anything changes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAs } from '../db/actor.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { engines } from '../test/databases.ts';
import { writeBackup } from './backup.ts';
import { checkBackup, restoreBackup } from './restore.ts';
import { backupTables, ident } from './tables.ts';

/** Every table's rows as one fingerprint, independent of the order they were written in. */
async function fingerprints(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await backupTables(db)) {
    const [row] = await db.query<{ f: string | null; n: number }>(
      `SELECT md5(string_agg(j, '|' ORDER BY j)) AS f, count(*)::int AS n
         FROM (SELECT to_jsonb(t)::text AS j FROM ${ident(t.name)} t) x`,
    );
    out[t.name] = `${row?.n}:${row?.f ?? ''}`;
  }
  return out;
}

describe.each(engines)('backup of a database on $name', (engine) => {
  let source: Awaited<ReturnType<typeof engine.create>>;
  let dir: string;
  let file: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-backup-'));
    file = join(dir, 'stadt.backup.gz');
    source = await engine.create();
    await loadDemo(source.db, { seed: 3, knownPasswords: true });
    await runAs('planer', async () => {
      await source.db.query(
        `INSERT INTO report (title, template_key, template, level, ref_date, format, internal, status, document)
         VALUES ('Sicherungstest', 'steckbrief', '{}', 'sozialraum', '2024-12-31', 'pdf', false, 'done', $1)`,
        [Buffer.from([0, 1, 2, 250, 255, 37, 80, 68, 70])],
      );
      await source.db.query(
        "INSERT INTO organisation (name, kind) VALUES ('Verein für die Sicherung', 'verein')",
      );
    });
    before = await fingerprints(source.db);
  }, 600_000);
  afterAll(async () => {
    await source?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every table to one checked file', async () => {
    const summary = await writeBackup(source.db, file);
    expect(summary.tables).toBe(Object.keys(before).length);
    const checked = await checkBackup(file);
    expect(checked.sha256).toBe(summary.sha256);
    for (const [table, print] of Object.entries(before))
      expect(checked.rows[table] ?? 0, table).toBe(Number(print.split(':')[0]));
    expect(checked.rows.observation).toBeGreaterThan(1000);
    expect(checked.rows.audit_log).toBeGreaterThan(0);
    expect(checked.rows).not.toHaveProperty('user_session');
  }, 600_000);

  for (const target of engines) {
    it(`restores into a fresh database on ${target.name}, row for row`, async () => {
      const restored = await target.create();
      try {
        const summary = await runAs('admin', () => restoreBackup(restored.db, file));
        expect(summary.rows).toBe(Object.values((await checkBackup(file)).rows).reduce((s, n) => s + n, 0));
        const after = await fingerprints(restored.db);
        for (const table of Object.keys(before)) {
          // the restore is logged once, and moves the data version on (caches of every process)
          if (table === 'audit_log' || table === 'data_version') continue;
          expect(after[table], table).toBe(before[table]);
        }
        const [bytes] = await restored.db.query<{ document: Uint8Array }>(
          "SELECT document FROM report WHERE title = 'Sicherungstest'",
        );
        expect([...bytes!.document]).toEqual([0, 1, 2, 250, 255, 37, 80, 68, 70]);
        const log = await restored.db.query<{ actor: string; operation: string; row_count: number }>(
          "SELECT actor, operation, row_count FROM audit_log WHERE operation = 'RESTORE'",
        );
        expect(log).toEqual([{ actor: 'admin', operation: 'RESTORE', row_count: summary.rows }]);
        expect(Number(after.audit_log!.split(':')[0])).toBe(Number(before.audit_log!.split(':')[0]) + 1);
        // new rows get ids after the restored ones
        const [org] = await restored.db.query<{ id: number }>(
          "INSERT INTO organisation (name, kind) VALUES ('Neu nach der Wiederherstellung', 'verein') RETURNING id",
        );
        const [max] = await restored.db.query<{ m: number }>(
          "SELECT max(id) AS m FROM organisation WHERE name <> 'Neu nach der Wiederherstellung'",
        );
        expect(org!.id).toBeGreaterThan(max!.m);

        // a second restore would replace someone's work: refused, nothing changed
        const again = await restoreBackup(restored.db, file).catch((e: unknown) => e);
        expect(again).toMatchObject({ code: 'backup.not_empty' });
      } finally {
        await restored.drop();
      }
    }, 600_000);
  }

  it('refuses a changed, a cut and a foreign file before changing anything', async () => {
    const text = gunzipSync(await readFile(file)).toString('utf8');
    const lines = text.split('\n');
    const rowLine = lines.findIndex((l) => l.includes('"Verein für die Sicherung"'));
    const changed = [...lines];
    changed[rowLine] = changed[rowLine]!.replace('Verein für die Sicherung', 'Verein für die Fälschung');
    const cases: [string, string, RegExp][] = [
      ['changed', changed.join('\n'), /Prüfsumme stimmt nicht/],
      ['cut', lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n', /Abschluss fehlt/],
      ['foreign', '{"format":"etwas-anderes"}\n', /keine Lagebild-Sicherung/],
    ];
    const target = await engine.create();
    try {
      const empty = await fingerprints(target.db);
      for (const [name, content, message] of cases) {
        const bad = join(dir, `${name}.backup.gz`);
        await writeFile(bad, gzipSync(content));
        const err = await restoreBackup(target.db, bad).catch((e: unknown) => e);
        expect(err, name).toMatchObject({ code: 'backup.invalid' });
        expect((err as Error).message, name).toMatch(message);
      }
      const notGzip = join(dir, 'kaputt.backup.gz');
      await writeFile(notGzip, 'kein gzip');
      expect(await restoreBackup(target.db, notGzip).catch((e: unknown) => e)).toMatchObject({
        code: 'backup.invalid',
      });
      expect(await fingerprints(target.db)).toEqual(empty);
    } finally {
      await target.drop();
    }
  }, 600_000);
});
