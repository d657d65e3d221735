/** Shared CLI plumbing: which database, output as text or JSON (errors to exit codes: fail.ts). */
import { resolve } from 'node:path';
import { isPostgresUrl, openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { seedDefaults } from '../setup/seed.ts';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export const DEFAULT_DB_DIR = './.lagebild/db';

/** `--db`, else `LAGEBILD_DB`, else the embedded database in `./.lagebild/db`. */
export function dbSpec(opts: GlobalOptions): string {
  const spec = opts.db ?? process.env.LAGEBILD_DB ?? DEFAULT_DB_DIR;
  return isPostgresUrl(spec) || spec === 'memory://' ? spec : resolve(spec);
}

/** Opens and migrates the database, runs `fn`, and always closes it. */
export async function withDb<T>(opts: GlobalOptions, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(dbSpec(opts), { forCommand: true });
  try {
    await migrate(db);
    await seedDefaults(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Prints `data` as JSON with `--json`, else the text from `text()`. */
export function output(opts: GlobalOptions, data: unknown, text: () => string) {
  process.stdout.write((opts.json ? JSON.stringify(data, null, 2) : text()) + '\n');
}
