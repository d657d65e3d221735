/**
 * The outsider's attack on the demo city's public outputs, as the suite's guard: every public
 * route and export read as a visitor, every number modelled (rates with their rounding, totals,
 * identities between variables, changes between Stichtage), then arithmetic until nothing new
 * follows. No cell the protection keeps secret may be recovered or narrowed below its margin. The
 * exact LP attack and Berlin's 542 Planungsräume are in `npm run bench -- attacker` (an hour of
 * LP solves; the app's own HiGHS audit proves the same margins at every publication).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { openDb } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { buildApp } from '../server/app.ts';
import { seedDefaults } from '../setup/seed.ts';
import { findLeaks, formatFindings, injectTransport, type Findings } from './index.ts';
import { readTruth } from './truth.ts';

describe('the attacker on the public outputs of the demo city', () => {
  let db: Db;
  let f: Findings;
  beforeAll(async () => {
    db = await openDb('memory://');
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const app = await buildApp({ db, webDir: '/nonexistent' });
    try {
      f = await findLeaks(injectTransport(app), (frame) => readTruth(db, frame), 'Musterstadt', {
        lpRounds: 0,
      });
    } finally {
      await app.close();
    }
  }, 900_000);
  afterAll(() => db?.close());

  it('reads the public outputs: thousands of routes, every number modelled', () => {
    expect(f.requests).toBeGreaterThan(2000);
    const read = f.routes.filter((r) => r.ok > 0).map((r) => r.route);
    for (const route of [
      '/api/indicators/{key}/values',
      '/api/profiles/{level}/{key}',
      '/api/analysis/table',
      '/api/coverage',
      '/api/coverage/export',
      '/api/planning/ranking',
    ])
      expect(read).toContain(route);
    // the protection keeps cells secret, and the attacker meets them
    expect(f.secretCounts).toBeGreaterThan(100);
    expect(f.secretRates).toBeGreaterThan(100);
    expect(f.identities.join(' ')).toContain('ew_u6 = ew_u3 + ew_3_5');
  });

  it('recovers no secret cell and narrows none below its margin', () => {
    expect(f.recovered, formatFindings(f)).toEqual([]);
    expect(f.insufficient, formatFindings(f)).toEqual([]);
  });

  it('models the outputs soundly: every true value inside the attacker’s intervals', () => {
    expect(f.unsound).toEqual([]);
    expect(f.conflicts).toEqual([]);
  });
});
