/**
 * A real app on a real database with the demo Kreis loaded (Musterhausen and Heiderath with their
 * own planners, see demo/kreis/kreis-users.ts), logged-in cookies for the Kreis-wide accounts and
 * for both municipalities' planners, the latest Stichtag and the Wohnplätze of each Gemeinde.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { loadDemoKreis } from '../demo/load-demo.ts';
import { KREIS_SCOPED } from '../demo/kreis/kreis-users.ts';
import { buildApp } from '../server/app.ts';
import type { Engine } from './databases.ts';
import { sessionCookie } from './demo-app.ts';

export interface DemoKreisApp {
  db: Db;
  app: FastifyInstance;
  /** Musterhausen's planner (`own`), Heiderath's (`other`), the Kreis's planner, admin, viewer. */
  cookies: Record<'own' | 'other' | 'kreis' | 'admin' | 'viewer', string>;
  /** The latest Stichtag. */
  date: string;
  /** Wohnplatz keys by Gemeinde key (the first 8 digits of a Wohnplatz key). */
  wohnplaetze: Map<string, string[]>;
  close(): Promise<void>;
}

export async function demoKreisApp(engine: Engine): Promise<DemoKreisApp> {
  const { db, drop } = await engine.create();
  await loadDemoKreis(db, { seed: 1, knownPasswords: true });
  const app = await buildApp({ db, webDir: '/nonexistent' });
  const cookies = {
    own: await sessionCookie(db, KREIS_SCOPED.mittelzentrum.username),
    other: await sessionCookie(db, KREIS_SCOPED.rural.username),
    kreis: await sessionCookie(db, 'planer'),
    admin: await sessionCookie(db, 'admin'),
    viewer: await sessionCookie(db, 'gast'),
  };
  const config = (await app.inject({ url: '/api/config' })).json<{ dates: string[] }>();
  const date = config.dates.slice().sort().at(-1)!;
  const wohnplaetze = new Map<string, string[]>();
  for (const a of (await app.inject({ url: '/api/areas?level=wohnplatz' })).json<{ id: string }[]>())
    // by Gemeinde (the key's first 8 digits): in Musterhausen a Wohnplatz's parent is a Sozialraum
    wohnplaetze.set(a.id.slice(0, 8), [...(wohnplaetze.get(a.id.slice(0, 8)) ?? []), a.id]);
  return {
    db,
    app,
    cookies,
    date,
    wohnplaetze,
    async close() {
      await app.close();
      await drop();
    },
  };
}
