/**
 * Golden files of computed profile texts on the demo city (seed 1): the deviation and change
 * sentences of every Sozialraum and Stadtbezirk from the pure core, and two whole texts through
 * the service (planner and public, with index and warnings). Rewritten only on purpose:
 * `REGEN=1 npx vitest run src/profile/profile.golden.test.ts`.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { engines } from '../test/databases.ts';
import { expectGoldenJson, goldenFile } from '../test/golden.ts';
import { demoApp } from '../test/demo-app.ts';
import { compareIndicator } from './compare.ts';
import { profileText } from './profile-text.ts';
import { areaSteckbrief } from './profile.service.ts';

const PLANNER: User = { id: 0, username: 'golden', displayName: 'Golden', role: 'planner' };

const golden = (name: string, actual: unknown) =>
  expectGoldenJson(goldenFile(import.meta.url, `${name}.golden.json`), actual);

const [engine] = engines;

describe('profile texts of the demo city (golden files)', () => {
  let demo: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    demo = await demoApp(engine!);
  });
  afterAll(() => demo?.close());

  it.each([
    ['sozialraum', 'Sozialraum', 'planner'],
    ['stadtbezirk', 'Stadtbezirk', 'planner'],
    ['sozialraum', 'Sozialraum', 'public'],
  ] as const)('deviation and change sentences of every area: %s (%s, %s)', async (level, levelName, who) => {
    const table = await loadLevelTable(demo.db, who === 'planner' ? PLANNER : null, level);
    const dateIndex = table.dates.length - 1;
    const texts = Object.fromEntries(
      table.areas.map((area, areaIndex) => {
        const indicators = [...table.grids.values()].map((grid) =>
          compareIndicator({ grid, dates: table.dates, areas: table.areas, areaIndex, dateIndex, years: 5 }),
        );
        const text = profileText({ areaName: area.name, levelName, years: 5, indicators, index: null, warnings: null });
        return [`${area.key} ${area.name}`, text.sentences];
      }),
    );
    golden(`texts-${level}-${who}`, texts);
  });

  it('whole Steckbrief texts with index and warnings, planner and public', async () => {
    const texts: Record<string, string[]> = {};
    for (const [who, user] of [
      ['planner', PLANNER],
      ['public', null],
    ] as const) {
      for (const key of ['101', '402']) {
        const p = await areaSteckbrief(demo.db, user, 'sozialraum', key, { years: 5 });
        texts[`${who} ${key} ${p.area.name}`] = p.text;
      }
    }
    golden('steckbrief-texts', texts);
  });
});
