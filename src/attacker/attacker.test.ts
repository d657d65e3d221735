/**
 * The independent attacker checked on a tiny city published the naive way, so that a silent
 * attacker cannot pass for a safe city. Its runs against the demo city and Berlin are in
 * `npm run bench -- attacker` (thousands of requests each).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeCityTransport, fakeCityTruth } from './fake-city.ts';
import { findLeaks, formatFindings, type Findings } from './index.ts';

describe('the attacker on a naively protected city', () => {
  let f: Findings;
  beforeAll(async () => {
    f = await findLeaks(fakeCityTransport, () => Promise.resolve({ counts: fakeCityTruth() }), 'Hafenstadt');
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
