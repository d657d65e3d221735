/**
 * `lagebild restore`: a backup (backup.ts) written back into a database that is not in use yet.
 * The file is checked completely before anything changes — format, checksum, row counts and the
 * migrations it was made with — and then written in one transaction: all of it, or nothing.
 * Sequences continue after the restored ids; the data version moves on, so every server process
 * on the database drops its caches; the audit log keeps its history and records the restore.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { badRequest, LagebildError } from '../core/errors.ts';
import { currentActor, runWithoutActor } from '../db/actor.ts';
import type { Db } from '../db/db.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTrailer } from './backup.ts';
import { appliedMigrationNames, backupTables, ident, serialSequences } from './tables.ts';

const BATCH = 1000;

export interface BackupCheck {
  header: BackupHeader;
  rows: Record<string, number>;
  sha256: string;
}

const broken = (file: string, problem: string) =>
  badRequest('backup.invalid', `Die Sicherung „${file}“ ist nicht verwendbar: ${problem}`, { file });

/** The lines of a gzip-compressed backup. */
async function* backupLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/**
 * Reads the whole file and checks it: header, one trailer at the end, the SHA-256 of all lines
 * before it, and the row count of every table.
 * @throws backup.invalid (400) naming the problem in German
 */
export async function checkBackup(file: string): Promise<BackupCheck> {
  const hash = createHash('sha256');
  const counted: Record<string, number> = {};
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  let lineNo = 0;
  try {
    for await (const line of backupLines(file)) {
      lineNo++;
      if (trailer) throw broken(file, `Nach dem Abschluss folgt noch Zeile ${lineNo}.`);
      const parsed = JSON.parse(line) as Partial<BackupHeader & BackupTrailer> & { t?: string };
      if (lineNo === 1) {
        if (parsed.format !== BACKUP_FORMAT) throw broken(file, 'Es ist keine Lagebild-Sicherung.');
        if (parsed.version !== BACKUP_VERSION)
          throw broken(file, `Unbekannte Version ${String(parsed.version)} des Sicherungsformats.`);
        header = parsed as BackupHeader;
      } else if (parsed.end === true) {
        trailer = parsed as BackupTrailer;
        continue;
      } else if (typeof parsed.t === 'string') {
        counted[parsed.t] = (counted[parsed.t] ?? 0) + 1;
      } else throw broken(file, `Zeile ${lineNo} ist weder Datensatz noch Abschluss.`);
      hash.update(`${line}\n`);
    }
  } catch (err) {
    if (err instanceof LagebildError) throw err;
    throw broken(file, `Die Datei ist beschädigt oder unvollständig (${(err as Error).message}).`);
  }
  if (!header) throw broken(file, 'Die Datei ist leer.');
  if (!trailer)
    throw broken(file, 'Der Abschluss fehlt – die Sicherung wurde nicht vollständig geschrieben.');
  const sha256 = hash.digest('hex');
  if (sha256 !== trailer.sha256)
    throw broken(file, 'Die Prüfsumme stimmt nicht – der Inhalt wurde verändert oder ist beschädigt.');
  for (const [table, n] of Object.entries(trailer.rows))
    if ((counted[table] ?? 0) !== n)
      throw broken(file, `Tabelle ${table}: ${counted[table] ?? 0} statt ${n} Zeilen.`);
  return { header, rows: trailer.rows, sha256 };
}

/** Tables whose rows mean the database is in use: a restore would replace someone's work. */
const IN_USE = ['app_user', 'area', 'observation'];

export interface RestoreSummary {
  tables: number;
  rows: number;
  sha256: string;
  createdAt: string;
}

/**
 * Restores `file` into `db`, which must have the backup's migrations and be unused.
 * @throws backup.invalid (400), backup.migrations (409), backup.not_empty (409), backup.privilege (403)
 */
export async function restoreBackup(db: Db, file: string): Promise<RestoreSummary> {
  const checked = await checkBackup(file);
  const actor = currentActor() ?? null;
  const migrations = await appliedMigrationNames(db);
  if (migrations.join() !== checked.header.migrations.join())
    throw new LagebildError(
      'backup.migrations',
      `Die Sicherung stammt von einem anderen Stand der Datenbank (${checked.header.migrations.length} Migrationen, diese Datenbank: ${migrations.length}). Stellen Sie sie mit der Lagebild-Version wieder her, mit der sie erstellt wurde.`,
      409,
      { backup: checked.header.migrations.at(-1), database: migrations.at(-1) },
    );
  for (const table of IN_USE) {
    const [row] = await db.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS used`);
    if (row?.used)
      throw new LagebildError(
        'backup.not_empty',
        `Die Datenbank wird schon genutzt (Tabelle ${table} enthält Daten). Eine Sicherung wird nur in eine neue, leere Datenbank zurückgespielt – so geht nichts verloren.`,
        409,
        { table },
      );
  }
  return runWithoutActor(() =>
    db.transaction(async (tx) => {
      const [role] = await tx.query<{ superuser: boolean }>(
        'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
      );
      if (!role?.superuser)
        throw new LagebildError(
          'backup.privilege',
          'Zum Zurückspielen braucht der Datenbankzugang Superuser-Rechte (Fremdschlüssel werden erst am Ende geprüft).',
          403,
        );
      await tx.query("SELECT set_config('lagebild.restoring', 'on', true)");
      // rows arrive table by table, not in the order their references need
      await tx.exec('SET LOCAL session_replication_role = replica');
      const tables = new Set((await backupTables(tx)).map((t) => t.name));
      for (const table of Object.keys(checked.rows))
        if (!tables.has(table)) throw broken(file, `Die Tabelle ${table} gibt es in dieser Datenbank nicht.`);
      // CASCADE: also the sessions, which a backup does not hold (a restored database starts logged out)
      await tx.exec(`TRUNCATE ${[...tables].map(ident).join(', ')} CASCADE`);

      let batch: string[] = [];
      let batchTable = '';
      const flush = async () => {
        if (!batch.length) return;
        await tx.query(
          `INSERT INTO ${ident(batchTable)} OVERRIDING SYSTEM VALUE
           SELECT * FROM jsonb_populate_recordset(NULL::${ident(batchTable)}, $1::jsonb)`,
          [`[${batch.join(',')}]`],
        );
        batch = [];
      };
      let lineNo = 0;
      for await (const line of backupLines(file)) {
        if (++lineNo === 1) continue;
        if (line.startsWith('{"end":')) break;
        // `{"t":"name","r":{…}}`: the row's text is cut out rather than parsed and written again
        const cut = line.indexOf(',"r":');
        const table = JSON.parse(line.slice(5, cut)) as string;
        if (table !== batchTable || batch.length >= BATCH) {
          await flush();
          batchTable = table;
        }
        batch.push(line.slice(cut + 5, -1));
      }
      await flush();

      for (const s of await serialSequences(tx))
        await tx.query(
          `SELECT setval($1, coalesce((SELECT max(${ident(s.column_name)}) FROM ${ident(s.table_name)}), 0) + 1, false)`,
          [s.sequence],
        );
      await tx.query('UPDATE data_version SET version = version + 1');
      const rows = Object.values(checked.rows).reduce((a, n) => a + n, 0);
      await tx.query(
        `INSERT INTO audit_log (actor, table_name, operation, after, row_count)
         VALUES ($1, 'backup', 'RESTORE', $2::jsonb, $3)`,
        [
          actor,
          JSON.stringify({
            file,
            createdAt: checked.header.createdAt,
            engine: checked.header.engine,
            sha256: checked.sha256,
          }),
          rows,
        ],
      );
      return {
        tables: Object.keys(checked.rows).length,
        rows,
        sha256: checked.sha256,
        createdAt: checked.header.createdAt,
      };
    }),
  );
}
