import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { countUsers } from '../auth/user.repository.ts';
import { lockDemoLoad } from '../db/advisory.ts';
import { openDb } from '../db/db.ts';
import { declareServerProcess, heldLock } from '../db/lock.ts';
import { migrate } from '../db/migrate.ts';
import { demoLoginLines, knownPasswordsFromEnv, type DemoLogin } from '../demo/demo-users.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { prewarmPublicSnapshot } from '../indicators/public-snapshot.ts';
import { buildApp } from '../server/app.ts';
import { seedDefaults } from '../setup/seed.ts';
import { dbSpec, type GlobalOptions } from './context.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
  demoPasswords?: boolean;
}

export function serveCommand() {
  return new Command('serve')
    .description('Server mit Web-App starten (lädt die Demo-Stadt, wenn die Datenbank leer ist)')
    .option('--port <n>', 'Port (Standard: $PORT oder 3000)')
    .option('--host <host>', 'Adresse (Standard: $LAGEBILD_HOST oder localhost)')
    .option('--no-demo', 'leere Datenbank nicht mit der Demo-Stadt füllen')
    .option(
      '--demo-passwords',
      'Demo-Zugänge mit festen, bekannten Passwörtern (nur für Tests; Standard: $LAGEBILD_DEMO_PASSWORDS=1)',
    )
    .action(async (opts: ServeOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const t0 = performance.now();
      declareServerProcess();
      const db = await openDb(dbSpec(g));
      await migrate(db);
      await seedDefaults(db);
      let logins: DemoLogin[] = [];
      // several servers may start on one new PostgreSQL database at once: one loads the demo city
      await db.transaction(async (tx) => {
        await lockDemoLoad(tx);
        const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM area');
        if (opts.demo && (row?.n ?? 0) === 0 && (await countUsers(tx)) === 0) {
          process.stdout.write('Leere Datenbank: lade die Demo-Stadt Musterstadt …\n');
          const s = await loadDemo(tx, {
            seed: 1,
            knownPasswords: opts.demoPasswords ?? knownPasswordsFromEnv(),
          });
          logins = s.logins;
          process.stdout.write(
            `Demo-Stadt geladen: ${s.areas} Gebiete, ${s.population.toLocaleString('de-DE')} Einwohner, ${s.observations.toLocaleString('de-DE')} Werte (${s.ms} ms)\n`,
          );
        }
      });
      // no user yet: the Einrichtung is open on localhost, and from elsewhere with this token
      const setupToken = (await countUsers(db)) === 0 ? randomBytes(24).toString('base64url') : undefined;
      // the local command line reaches a PGlite server through this secret in the lock file
      const localToken = db.kind === 'pglite' ? randomBytes(32).toString('base64url') : undefined;
      const app = await buildApp({
        db,
        tileUrl: process.env.LAGEBILD_TILE_URL ?? null,
        secureCookies: process.env.LAGEBILD_SECURE_COOKIES === '1',
        loginLimit: Number(process.env.LAGEBILD_LOGIN_LIMIT) || undefined,
        loginAccountLimit: Number(process.env.LAGEBILD_LOGIN_ACCOUNT_LIMIT) || undefined,
        trustProxy: trustProxyFromEnv(process.env.LAGEBILD_TRUST_PROXY),
        logger: process.env.LAGEBILD_LOG === '1',
        localToken,
        setupToken,
      });
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      const host = opts.host ?? process.env.LAGEBILD_HOST ?? 'localhost';
      await app.listen({ port, host });
      const listening = (app.server.address() as AddressInfo | null)?.port ?? port;
      heldLock(db.location)?.update({ port: listening, listenHost: host, token: localToken });
      // In the background: the first public request then finds its values protected already.
      void prewarmPublicSnapshot(db).catch(() => undefined);
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      process.stdout.write(
        [
          `Lagebild läuft: http://${shown}:${port}  (Datenbank: ${db.location}, bereit nach ${Math.round(performance.now() - t0)} ms)`,
          `API-Dokumentation: http://${shown}:${port}/api/docs`,
          ...demoLoginLines(logins),
          ...(setupToken ? [`Einrichtung: http://${shown}:${port}/einrichtung?token=${setupToken}`] : []),
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

/**
 * `LAGEBILD_TRUST_PROXY`: `1`/`true` trusts every proxy, a number that many hops, anything else
 * is a comma-separated list of proxy addresses or CIDRs; unset or `0` trusts none.
 * @example trustProxyFromEnv('127.0.0.1,10.0.0.0/8') // '127.0.0.1,10.0.0.0/8'
 */
export function trustProxyFromEnv(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
