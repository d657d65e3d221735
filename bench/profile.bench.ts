/**
 * Area profile (Steckbrief): one `GET /api/profiles/:level/:key` worth of work on the
 * demo city (62 Sozialräume × 34 indicators × 10 Stichtage, MSS index with 1,000 Monte Carlo runs,
 * early warning), for a planner (unprotected) and for the public (disclosure-protected), and the
 * pure text generator for every area. No target in the issue; the page should feel immediate.
 */
import type { User } from '../src/auth/auth.schema.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { loadLevelTable } from '../src/indicators/level-table.ts';
import { compareIndicator } from '../src/profile/compare.ts';
import { profileText } from '../src/profile/profile-text.ts';
import { areaSteckbrief } from '../src/profile/profile.service.ts';
import { timeMedian, type Measurement } from './harness.ts';

const PLANNER: User = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' };

export async function benchProfile(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const query = { years: 5 };
    for (const [who, user] of [
      ['planner', PLANNER],
      ['public', null],
    ] as const) {
      const t0 = performance.now();
      await areaSteckbrief(db, user, 'sozialraum', '101', query); // cold: level tables, disclosure control
      record({
        name: `area profile (Steckbrief), ${who}: first request after loading the data (cold)`,
        value: performance.now() - t0,
        unit: 'ms',
      });
      const ms = await timeMedian(5, () => areaSteckbrief(db, user, 'sozialraum', '101', query));
      record({
        name: `area profile (Steckbrief), ${who}: 34 indicators + MSS robustness (1,000 runs) + warnings`,
        value: ms,
        unit: 'ms',
        note: 'median of 5, PGlite, warm: level tables reused',
      });
    }

    const table = await loadLevelTable(db, PLANNER, 'sozialraum');
    const dateIndex = table.dates.length - 1;
    const ms = await timeMedian(5, async () => {
      for (let areaIndex = 0; areaIndex < table.areas.length; areaIndex++) {
        const indicators = [...table.grids.values()].map((grid) =>
          compareIndicator({ grid, dates: table.dates, areas: table.areas, areaIndex, dateIndex, years: 5 }),
        );
        profileText({
          areaName: table.areas[areaIndex]!.name,
          levelName: 'Sozialraum',
          years: 5,
          indicators,
          index: null,
          warnings: [],
        });
      }
    });
    record({
      name: `profile comparisons + text for all ${table.areas.length} Sozialräume (pure core)`,
      value: ms,
      unit: 'ms',
      note: 'median of 5',
    });
  } finally {
    await db.close();
  }
}
