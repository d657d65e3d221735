import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { BUILTIN_INDICES } from '../indices/presets.ts';
import { BUILTIN_TEMPLATE_KEYS } from '../reports/builtin-keys.ts';
import { BUILTIN_TEMPLATES } from '../reports/templates.ts';
import { engines } from '../test/databases.ts';
import { lacksDefaults, seedDefaults } from './seed.ts';

it('knows the built-in templates by the keys they are stored under, in their order', () => {
  expect(Object.keys(BUILTIN_TEMPLATES)).toEqual([...BUILTIN_TEMPLATE_KEYS]);
  expect(Object.values(BUILTIN_TEMPLATES).map((t) => t.key)).toEqual([...BUILTIN_TEMPLATE_KEYS]);
});

describe.each(engines)('defaults on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    ({ db, drop } = await engine.create()); // migrated and seeded, as at a first start
  });
  afterAll(() => drop?.());

  it('finds nothing missing once seeded, and the next start changes nothing', async () => {
    expect(await lacksDefaults(db)).toBe(false);
    const before = await Promise.all(
      ['indicator', 'warning_rule', 'composite_index', 'report_template', 'norm'].map(count),
    );
    expect(before.every((n) => n > 0)).toBe(true);
    await seedDefaults(db);
    expect(
      await Promise.all(
        ['indicator', 'warning_rule', 'composite_index', 'report_template', 'norm'].map(count),
      ),
    ).toEqual(before);
  });

  it.each([
    ['every rule', 'DELETE FROM warning_rule', 'warning_rule'],
    ['every indicator', 'DELETE FROM indicator', 'indicator'],
    ['a built-in template', `DELETE FROM report_template WHERE key = 'steckbrief_kurz'`, 'report_template'],
    [
      'a built-in index',
      `DELETE FROM composite_index WHERE key = '${BUILTIN_INDICES[0]!.key}'`,
      'composite_index',
    ],
    ['a built-in norm', `DELETE FROM norm WHERE key = 'kita_u3'`, 'norm'],
  ])('brings back %s at the next start', async (_what, remove, table) => {
    const before = await count(table);
    await db.exec(remove);
    expect(await count(table)).toBeLessThan(before);
    expect(await lacksDefaults(db)).toBe(true);
    await seedDefaults(db);
    expect(await count(table)).toBe(before);
    expect(await lacksDefaults(db)).toBe(false);
  });
});
