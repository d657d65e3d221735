import { Command } from 'commander';
import { countUsers } from '../auth/user.repository.ts';
import { DEMO_USERS } from '../auth/auth.service.ts';
import { openDb } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { ensureCatalogue } from '../indicators/indicator.setup.ts';
import { buildApp } from '../server/app.ts';
import { dbSpec, type GlobalOptions } from './context.ts';

export function serveCommand() {
  return new Command('serve')
    .description('Server mit Web-App starten (lädt die Demo-Stadt, wenn die Datenbank leer ist)')
    .option('--port <n>', 'Port (Standard: $PORT oder 3000)')
    .option('--host <host>', 'Adresse (Standard: $LAGEBILD_HOST oder localhost)')
    .option('--no-demo', 'leere Datenbank nicht mit der Demo-Stadt füllen')
    .action(async (opts: { port?: string; host?: string; demo: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const t0 = performance.now();
      const db = await openDb(dbSpec(g));
      await migrate(db);
      await ensureCatalogue(db);
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM area');
      if (opts.demo && (row?.n ?? 0) === 0 && (await countUsers(db)) === 0) {
        process.stdout.write('Leere Datenbank: lade die Demo-Stadt Musterstadt …\n');
        const s = await loadDemo(db, { seed: 1 });
        process.stdout.write(
          `Demo-Stadt geladen: ${s.areas} Gebiete, ${s.population.toLocaleString('de-DE')} Einwohner, ${s.observations.toLocaleString('de-DE')} Werte (${s.ms} ms)\n`,
        );
      }
      const app = await buildApp({
        db,
        tileUrl: process.env.LAGEBILD_TILE_URL ?? null,
        secureCookies: process.env.LAGEBILD_SECURE_COOKIES === '1',
        loginLimit: Number(process.env.LAGEBILD_LOGIN_LIMIT) || undefined,
        logger: process.env.LAGEBILD_LOG === '1',
      });
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      const host = opts.host ?? process.env.LAGEBILD_HOST ?? 'localhost';
      await app.listen({ port, host });
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      process.stdout.write(
        [
          `Lagebild läuft: http://${shown}:${port}  (Datenbank: ${db.location}, bereit nach ${Math.round(performance.now() - t0)} ms)`,
          `API-Dokumentation: http://${shown}:${port}/api/docs`,
          'Demo-Zugänge:',
          ...DEMO_USERS.map((u) => `  ${u.username.padEnd(7)} / ${u.password.padEnd(17)} (${u.role})`),
          '',
        ].join('\n'),
      );
      const stop = () => {
        void app
          .close()
          .then(() => db.close())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
