/**
 * The independent attacker against Berlin: 12 Bezirke and 542 Planungsräume (LOR 2021) with the
 * register counts and the MSS 2021 shares as counts, loaded as the Berlin benchmark loads them.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBerlinCity } from '../../../bench/berlin-city.ts';
import type { Db } from '../../db/db.ts';
import { buildApp } from '../../server/app.ts';
import { engines } from '../../test/databases.ts';
import { findLeaks, formatFindings, injectTransport, type Finding, type Findings } from './index.ts';
import { readTruth } from './truth.ts';

const FIFTEEN_MINUTES = 900_000;
const describeFinding = (x: Finding) => `${x.kind} ${x.what} ${x.node} ${x.date} = ${x.truth}`;
const engine = engines[0]!;

describe(`the attacker on Berlin (${engine.name})`, () => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let f: Findings;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadBerlinCity(db);
    app = await buildApp({ db, webDir: '/nonexistent' });
    // Per-area routes only around the 20 areas with the most secrets: Berlin has 554 areas, and
    // the bulk routes already show every area at every Stichtag.
    f = await findLeaks(injectTransport(app), (frame) => readTruth(db, frame), 'Berlin', {
      maxFocusAreas: 20,
    });
    console.log(formatFindings(f, 10));
  }, FIFTEEN_MINUTES);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('reads the public outputs as a visitor and models them consistently with the truth', () => {
    expect(f.facts).toBeGreaterThan(1000);
    expect(f.unsound, formatFindings(f)).toEqual([]);
  });

  it('recomputes no cell the public sees as secret', () => {
    expect(f.recovered.map(describeFinding), formatFindings(f, 40)).toEqual([]);
  });

  it('narrows no secret cell below its protection margin', () => {
    expect(f.insufficient.map(describeFinding), formatFindings(f, 40)).toEqual([]);
  });
});
