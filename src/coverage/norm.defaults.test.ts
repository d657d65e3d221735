/**
 * A database seeded with the first Kita norms (each age group against all places) moves to the
 * corrected ones on its next start: a new version with the supply property, the old one kept in
 * the history; a norm a planner has changed stays as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { seedDefaults } from '../setup/seed.ts';
import { engines } from '../test/databases.ts';
import { DEFAULT_NORMS } from './norm.defaults.ts';
import { insertIfMissing, listVersions } from './norm.repository.ts';

/** The first built-in Kita norms, as databases seeded before the supply properties hold them. */
const FIRST = [
  {
    key: 'kita_u3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder unter 3 Jahren',
    demand: ['ew_u3'],
    factor: 0.51,
    catchment: { kind: 'area' as const },
    source: 'Elternbedarf U3 2023: 51 % (BMFSFJ, Kindertagesbetreuung Kompakt – Ausbaustand und Bedarf 2023)',
    description:
      'Bedarf: 51 % der Kinder unter 3 Jahren wünschen einen Platz. Versorgung: alle Plätze der Kitas im Gebiet.',
  },
  {
    key: 'kita_ue3',
    facilityType: 'kita',
    name: 'Kita-Plätze für Kinder von 3 Jahren bis zum Schuleintritt',
    demand: ['ew_3_5'],
    factor: 0.97,
    catchment: { kind: 'area' as const },
    source: 'Elternbedarf 3 Jahre bis Schuleintritt 2023: 97 % (BMFSFJ, …)',
    description:
      'Bedarf: 97 % der Kinder von 3 bis unter 6 Jahren wünschen einen Platz. Versorgung: alle Plätze der Kitas im Gebiet.',
  },
];

describe.each(engines)('the first Kita norms on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    // as a database seeded by the first version: the two Kita norms, no kita_gesamt
    await db.query("DELETE FROM norm WHERE key LIKE 'kita%'");
    for (const n of FIRST) await insertIfMissing(db, n);
    // a planner corrected the Ü3 norm's factor in place: it is theirs now
    await db.query("UPDATE norm SET factor = 0.9 WHERE key = 'kita_ue3'");
  });
  afterAll(() => drop?.());

  it('moves the unchanged U3 norm to its places with a new version and keeps the old one', async () => {
    await seedDefaults(db);
    const u3 = await listVersions(db, 'kita_u3');
    expect(u3.map((v) => [v.validFrom, v.validTo, v.supplyProperty, v.factor])).toEqual([
      [null, '2000-01-01', null, 0.51],
      ['2000-01-01', null, 'plaetze_u3', 0.51],
    ]);
    expect(u3[0]!.description).toBe(FIRST[0]!.description);
    expect(u3[1]!.description).toContain('Vor dem 01.01.2000 zählten alle Plätze');
    const gesamt = await listVersions(db, 'kita_gesamt');
    expect(gesamt).toHaveLength(1);
    expect(gesamt[0]).toMatchObject({
      demand: ['ew_u3', 'ew_3_5'],
      weights: [0.51, 0.97],
      validFrom: null,
      supplyProperty: null,
    });
  });

  it('leaves a norm a planner has changed as it is, and changes nothing on the next start', async () => {
    const ue3 = await listVersions(db, 'kita_ue3');
    expect(ue3.map((v) => [v.validFrom, v.validTo, v.factor, v.supplyProperty])).toEqual([
      [null, null, 0.9, null],
    ]);
    const before = await db.query('SELECT * FROM norm ORDER BY id');
    await seedDefaults(db);
    const { ensureDefaultNorms } = await import('./norm.defaults.ts');
    await ensureDefaultNorms(db);
    expect(await db.query('SELECT * FROM norm ORDER BY id')).toEqual(before);
    expect(DEFAULT_NORMS.map((n) => n.key)).toContain('kita_gesamt');
  });
});
