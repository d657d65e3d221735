/**
 * A real app on a fresh database of one engine with the small Kreis of kreis-fixture.ts loaded, and
 * the session of the Kreisamt's administrator whom the fixture's setup creates — for the API tests
 * on the Kreis and its ragged hierarchy.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../db/db.ts';
import { buildApp } from '../server/app.ts';
import type { Engine } from './databases.ts';
import { sessionCookie } from './demo-app.ts';
import { loadKreisFixture, type KreisFixtureOptions } from './kreis-fixture.ts';

/** The administrator „kreisamt“ that {@link loadKreisFixture} sets up. */
const KREIS_ADMIN = 'kreisamt';

export interface KreisFixtureApp {
  readonly db: Db;
  readonly app: FastifyInstance;
  /** Session cookie of the Kreisamt's administrator. */
  readonly admin: string;
}

/**
 * Registers its own `beforeAll` / `afterAll`: call it inside a `describe` block, and read the
 * returned object's fields only inside tests and later hooks, once the Kreis is built.
 * @param opts the fixture's options, e.g. `{ sozialraeume: true }` for the ragged hierarchy
 */
export function useKreisFixtureApp(engine: Engine, opts: KreisFixtureOptions = {}): KreisFixtureApp {
  let ready: KreisFixtureApp | undefined;
  let app: FastifyInstance | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await engine.create();
    drop = created.drop;
    await loadKreisFixture(created.db, opts);
    app = await buildApp({ db: created.db, webDir: '/nonexistent' });
    ready = { db: created.db, app, admin: await sessionCookie(created.db, KREIS_ADMIN) };
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });
  // a clear message instead of `undefined` when a field is read while the describe block is collected
  const built = () => {
    if (!ready) throw new Error('useKreisFixtureApp: the Kreis is built in beforeAll, read it inside a test');
    return ready;
  };
  return {
    get db() {
      return built().db;
    },
    get app() {
      return built().app;
    },
    get admin() {
      return built().admin;
    },
  };
}
