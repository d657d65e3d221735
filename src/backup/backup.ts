/**
 * `lagebild backup`: the whole database as one gzip-compressed file of JSON lines, the same for
 * PGlite and PostgreSQL — so a backup of the embedded database restores into a server and back.
 *
 * Layout: a header line (format, version, time, engine, applied migrations), one line per row
 * (`{"t": table, "r": row}`, the row as PostgreSQL's to_jsonb gives it), and a trailer line with
 * the number of rows per table and the SHA-256 of every line before it. Read in one snapshot
 * (REPEATABLE READ), table by table in pages along the primary key, so memory stays flat.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { runWithoutActor } from '../db/actor.ts';
import type { Db } from '../db/db.ts';
import { appliedMigrationNames, backupTables, ident, type TableInfo } from './tables.ts';

export const BACKUP_FORMAT = 'lagebild-backup';
export const BACKUP_VERSION = 1;
const PAGE = 5000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Db['kind'];
  migrations: string[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
  sha256: string;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  sha256: string;
}

/** The rows of one table as JSON text, page by page along its primary key. */
async function* tableRows(tx: Db, table: TableInfo): AsyncGenerator<string> {
  const name = ident(table.name);
  if (!table.key.length) {
    for (const r of await tx.query<{ j: string }>(`SELECT to_jsonb(t)::text AS j FROM ${name} t`)) yield r.j;
    return;
  }
  const key = table.key.map(ident);
  const cols = key.map((k, i) => `t.${k} AS k${i}`).join(', ');
  let last: unknown[] | null = null;
  for (;;) {
    const after: string = last
      ? `WHERE (${key.map((k) => `t.${k}`).join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})`
      : '';
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT to_jsonb(t)::text AS j, ${cols} FROM ${name} t ${after}
        ORDER BY ${key.map((k) => `t.${k}`).join(', ')} LIMIT ${PAGE}`,
      last ?? [],
    );
    for (const r of rows) yield r.j as string;
    if (rows.length < PAGE) return;
    const end = rows.at(-1)!;
    last = table.key.map((_, i) => end[`k${i}`]);
  }
}

/**
 * Writes a backup of `db` to `file` (first to `file.part`, renamed when complete, so a broken run
 * never leaves a file that looks like a backup).
 */
export async function writeBackup(db: Db, file: string): Promise<BackupSummary> {
  const part = `${file}.part`;
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  let digest = '';
  const summary = await runWithoutActor(() =>
    db.transaction(async (tx) => {
      // one consistent picture of all tables, however long the backup takes
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const tables = await backupTables(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine: db.kind,
        migrations: await appliedMigrationNames(tx),
      };
      async function* lines() {
        const line = (text: string) => {
          const out = `${text}\n`;
          hash.update(out);
          return out;
        };
        yield line(JSON.stringify(header));
        for (const table of tables) {
          let n = 0;
          const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
          for await (const row of tableRows(tx, table)) {
            n++;
            yield line(`${prefix}${row}}`);
          }
          rows[table.name] = n;
        }
        digest = hash.digest('hex');
        const trailer: BackupTrailer = { end: true, rows, sha256: digest };
        yield `${JSON.stringify(trailer)}\n`;
      }
      await pipeline(lines(), createGzip(), createWriteStream(part));
      return { tables: tables.length };
    }),
  );
  await rename(part, file);
  return {
    file,
    tables: summary.tables,
    rows: Object.values(rows).reduce((s, n) => s + n, 0),
    sha256: digest,
  };
}
