/**
 * The typology of the 536 valid Berlin PLR (MSS 2021 index indicators) against a golden file.
 * Regenerate on purpose only: `REGEN=1 npx vitest run src/typology/typology.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { MSS_INDICATORS, mssTable } from './berlin-mss.testdata.ts';
import { buildTypology } from './typology.ts';
import { expectGoldenJson, goldenFile } from '../test/golden.ts';

const GOLDEN = goldenFile(import.meta.url, 'berlin-mss-2021-typology.golden.json');
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

function summary() {
  const { ids, rows } = mssTable();
  const t = buildTypology(rows, MSS_INDICATORS, 'auto');
  return {
    input: 'berlin-mss-2021/mss2021-table-2-1.csv: S1, S3, S4, D1, D3, D4 of 536 valid PLR; k = auto, seed 1',
    k: t.k,
    silhouette: round(t.silhouette),
    criterion: t.criterion.map((c) => ({ k: c.k, silhouette: round(c.silhouette), wcss: round(c.wcss) })),
    types: t.types.map((type) => ({
      label: type.label,
      size: type.members.length,
      burden: round(type.burden),
      centre: Object.fromEntries(MSS_INDICATORS.map((ind, j) => [ind.key, round(type.centre[j]!)])),
      members: type.members.map((i) => ids[i]).join(' '),
    })),
  };
}

describe('buildTypology on Berlin MSS 2021', () => {
  it('matches the golden file', () => {
    expectGoldenJson(GOLDEN, summary(), 1);
  });

  it('numbers types by falling burden and puts every area in exactly one type', () => {
    const { rows } = mssTable();
    const t = buildTypology(rows, MSS_INDICATORS, 'auto');
    const burdens = t.types.map((x) => x.burden!);
    expect([...burdens].sort((a, b) => b - a)).toEqual(burdens);
    expect(t.types.reduce((s, x) => s + x.members.length, 0)).toBe(rows.length);
    t.typeOf.forEach((n, i) => expect(t.types[n - 1]!.members).toContain(i));
    // centres in original units: mean + z · SD of the clustered rows
    for (const type of t.types)
      type.centre.forEach((c, j) =>
        expect(c).toBeCloseTo(t.stats[j]!.mean + type.centreZ[j]! * t.stats[j]!.sd, 9),
      );
  });

  it('is deterministic and honours a fixed k', () => {
    const { rows } = mssTable();
    expect(buildTypology(rows, MSS_INDICATORS, 4)).toEqual(buildTypology(rows, MSS_INDICATORS, 4));
    expect(buildTypology(rows, MSS_INDICATORS, 4).types).toHaveLength(4);
  });
});
