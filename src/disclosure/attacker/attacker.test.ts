/**
 * The independent attacker against the public outputs of the demo city: nothing the public sees
 * as secret may be recomputed, nor narrowed below its protection margin (METHODS.md §6). The
 * first block checks the attacker itself on a tiny city published the naive way, so that a
 * silent attacker cannot pass for a safe city.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { buildApp } from '../../server/app.ts';
import { engines } from '../../test/databases.ts';
import { fakeCityTransport, fakeCityTruth } from './fake-city.ts';
import { findLeaks, formatFindings, injectTransport, type Finding, type Findings } from './index.ts';
import { readTruth } from './truth.ts';

const TEN_MINUTES = 600_000;
const describeFinding = (x: Finding) => `${x.kind} ${x.what} ${x.node} ${x.date} = ${x.truth}`;

describe('the attacker on a naively protected city', () => {
  let f: Findings;
  beforeAll(async () => {
    f = await findLeaks(fakeCityTransport, () => Promise.resolve(fakeCityTruth()), 'Hafenstadt');
  });
  const recovered = (kind: string, what: string, node: string) =>
    f.recovered.find((x) => x.kind === kind && x.what === what && x.node === node);

  it('recovers the one child of 3–5 through u6 = u3 + 3–5, rate × inhabitants and the district total', () => {
    const child = recovered('count', 'ew_3_5', 'sozialraum:309');
    expect(child, formatFindings(f)).toMatchObject({ truth: 1, lo: 1, hi: 1 });
    const sibling = recovered('count', 'ew_3_5', 'sozialraum:310');
    expect(sibling?.truth).toBe(75);
    expect(f.identities.join(' ')).toContain('ew_u6 = ew_u3 + ew_3_5');
  });

  it('recovers the rates of the 164-inhabitant area from the district rate minus the sibling', () => {
    const rate = recovered('rate', 'anteil_65plus', 'sozialraum:309');
    expect(rate, formatFindings(f)).toBeDefined();
    expect(rate!.lo).toBeCloseTo((23 / 164) * 100, 6);
    expect(rate!.hi).toBeCloseTo((23 / 164) * 100, 6);
  });

  it('never claims more than the published numbers allow', () => {
    expect(f.unsound).toEqual([]);
    expect(f.conflicts).toEqual([]);
  });
});

// One engine is enough: the attacker sees the routes, not the database engine.
const engine = engines[0]!;

describe(`the attacker on the demo city (${engine.name})`, () => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let f: Findings;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
    app = await buildApp({ db, webDir: '/nonexistent' });
    f = await findLeaks(injectTransport(app), (frame) => readTruth(db, frame), 'Musterstadt');
    console.log(formatFindings(f, 10));
  }, TEN_MINUTES);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('reads the public outputs as a visitor and models them consistently with the truth', () => {
    const ok = (route: string) => f.routes.find((r) => r.route === route)?.ok ?? 0;
    expect(ok('/api/indicators/{key}/values')).toBeGreaterThan(0);
    expect(f.facts).toBeGreaterThan(1000);
    expect(f.secretCounts + f.secretRates).toBeGreaterThan(0);
    expect(f.unsound, formatFindings(f)).toEqual([]);
  });

  it('recomputes no cell the public sees as secret', () => {
    expect(f.recovered.map(describeFinding), formatFindings(f, 40)).toEqual([]);
  });

  it('narrows no secret cell below its protection margin', () => {
    expect(f.insufficient.map(describeFinding), formatFindings(f, 40)).toEqual([]);
  });
});
