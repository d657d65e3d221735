/**
 * The independent attacker (src/attacker) against the public outputs of the demo city
 * and of Berlin's 542 Planungsräume: every public route and export read as a visitor, every number
 * modelled as constraints on the true counts, attacked by arithmetic and LP, graded against the
 * truth. Target: nothing recovered, nothing narrowed below its margin. The suite runs the
 * arithmetic on the demo city (public-outputs.attack.test.ts); here Berlin too, and with
 * `LAGEBILD_ATTACK_LP=<rounds>` the exact LP attack after it (about 1 s per bound and target on
 * this machine: half an hour and more per round).
 */
import { loadBerlinCity } from './berlin-city.ts';
import type { Db } from '../src/db/db.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { findLeaks, formatFindings, injectTransport } from '../src/attacker/index.ts';
import { readTruth } from '../src/attacker/truth.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import type { Measurement } from './harness.ts';

export async function benchAttacker(record: (m: Measurement) => void): Promise<void> {
  for (const [city, load, options] of [
    ['Musterstadt', (db: Db) => loadDemo(db, { seed: 1 }), {}],
    ['Berlin', (db: Db) => loadBerlinCity(db), { maxFocusAreas: 20 }],
  ] as const) {
    const db = await openDb('memory://');
    try {
      await migrate(db);
      await seedDefaults(db);
      await load(db);
      const app = await buildApp({ db, webDir: '/nonexistent' });
      const t0 = performance.now();
      const f = await findLeaks(injectTransport(app), (frame) => readTruth(db, frame), city, {
        ...options,
        lpRounds: Number(process.env.LAGEBILD_ATTACK_LP ?? 0),
        progress: (m) => process.stderr.write(`Angreifer ${city}: ${m}\n`),
      });
      const seconds = (performance.now() - t0) / 1000;
      await app.close();
      process.stderr.write(`${formatFindings(f, 10)}\n`);
      const lp = f.lp.length ? `LP ${f.lp.length} rounds` : 'arithmetic only';
      const note = `${f.secretCounts} secret counts, ${f.secretRates} secret rates, ${f.requests} requests, ${lp}, ${seconds.toFixed(0)} s`;
      record({
        name: `Angreifer ${city}: recovered secret cells`,
        value: f.recovered.length,
        unit: 'cells',
        target: 0,
        note,
      });
      record({
        name: `Angreifer ${city}: secret cells below their margin`,
        value: f.insufficient.length,
        unit: 'cells',
        target: 0,
        note: `unsound model facts: ${f.unsound.length}`,
      });
    } finally {
      await db.close();
    }
  }
}
