/**
 * `lagebild backup <file>` and `lagebild restore <file>`: the whole database as one checked file,
 * for PGlite and PostgreSQL alike (src/backup). `restore --check` only checks a file.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { output, withDb, type GlobalOptions } from './context.ts';

const backupModule = () => import('../backup/backup.ts');
const restoreModule = () => import('../backup/restore.ts');

export function backupCommand() {
  return new Command('backup')
    .description('Sicherung der ganzen Datenbank in eine Datei (gzip, mit Prüfsumme)')
    .argument('<datei>', 'Zieldatei, z. B. lagebild-2026-12-07.backup.gz')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { writeBackup } = await backupModule();
      const summary = await withDb(g, (db) => writeBackup(db, resolve(file)));
      output(
        g,
        summary,
        () =>
          `Sicherung geschrieben: ${summary.file}\n${summary.tables} Tabellen, ${summary.rows.toLocaleString('de-DE')} Zeilen, SHA-256 ${summary.sha256}`,
      );
    });
}

export function restoreCommand() {
  return new Command('restore')
    .description('Sicherung in eine neue, leere Datenbank zurückspielen (alles oder nichts)')
    .argument('<datei>', 'Sicherungsdatei von „lagebild backup“')
    .option('--check', 'nur prüfen (Format, Prüfsumme, Zeilen), nichts ändern')
    .action(async (file: string, opts: { check?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { checkBackup, restoreBackup } = await restoreModule();
      if (opts.check) {
        const checked = await checkBackup(resolve(file));
        const rows = Object.values(checked.rows).reduce((s, n) => s + n, 0);
        output(
          g,
          checked,
          () =>
            `Sicherung in Ordnung: erstellt ${checked.header.createdAt} (${checked.header.engine}), ${Object.keys(checked.rows).length} Tabellen, ${rows.toLocaleString('de-DE')} Zeilen, SHA-256 ${checked.sha256}`,
        );
        return;
      }
      const summary = await withDb(g, (db) => restoreBackup(db, resolve(file)));
      output(
        g,
        summary,
        () =>
          `Sicherung vom ${summary.createdAt} zurückgespielt: ${summary.tables} Tabellen, ${summary.rows.toLocaleString('de-DE')} Zeilen.`,
      );
    });
}
