import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { generateCity } from '../demo/generate.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { writeMicrodata } from '../demo/microdata.ts';
import { engines } from '../test/databases.ts';
import { importMicrodata } from './microdata-import.service.ts';

describe.each(engines)('microdata import on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 3, population: 20_000 });
    dir = await mkdtemp(join(tmpdir(), 'lagebild-md-'));
  });
  afterAll(async () => {
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts persons per Sozialraum by point in polygon, stores only counts, keeps the replaced values', async () => {
    const ew = async () =>
      new Map(
        (
          await db.query<{ key: string; value: number }>(
            `SELECT a.key, o.value FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
              WHERE v.key = 'ew' AND o.breakdown = '' AND o.ref_date = '2024-12-31'`,
          )
        ).map((r) => [r.key, r.value]),
      );
    const before = await ew();
    const path = join(dir, 'register.csv');
    await writeMicrodata(generateCity({ seed: 3, population: 20_000 }), { seed: 3, path });
    const r = await importMicrodata(db, path, { level: 'sozialraum', date: '2024-12-31' });
    expect(r.result.persons).toBe(20_000);
    expect(r.replaced).toBeGreaterThan(0);
    expect(await ew()).toEqual(before); // the register extract matches the published counts exactly
    const history = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observation_history WHERE replaced_by = $1',
      [r.sourceId],
    );
    expect(history[0]!.n).toBe(r.replaced);
    const text = JSON.stringify(
      await db.query('SELECT * FROM observation WHERE source_id = $1 LIMIT 50', [r.sourceId]),
    );
    expect(text).not.toMatch(/pseudonym|P0000/i);
  });
});
