import { describe, expect, it } from 'vitest';
import { classIndex } from './classes.ts';
import { aggregatePart, computeIndex, type IndexInput } from './engine.ts';
import { IndexDefinition } from './index.schema.ts';
import { BUILTIN_INDICES, MSS_DYNAMICS_CLASSES, MSS_STATUS_CLASSES, presetDefinition } from './presets.ts';

const f = (...x: number[]) => Float64Array.from(x);

/** Five areas, status from a and b, dynamics from c. */
function setup(over: Partial<IndexDefinition> = {}) {
  const def: IndexDefinition = {
    ...presetDefinition('berlin-mss', [
      { indicator: 'a', code: 'S1' },
      { indicator: 'b', code: 'S2' },
      { indicator: 'c', code: 'D1' },
    ]),
    ...over,
  };
  const input: IndexInput = {
    ids: ['p1', 'p2', 'p3', 'p4', 'p5'],
    population: [1000, 2000, 250, null, 5000],
    values: new Map([
      ['a', f(1, 2, 3, 4, 5)],
      ['b', f(10, 30, 20, 40, 50)],
      ['c', f(0, 1, 0, -1, 2)],
    ]),
    names: new Map([['b', 'Kinderarmut']]),
  };
  return { def, input };
}

describe('class assignment', () => {
  it('uses the MSS intervals on unrounded values', () => {
    const label = (v: number) => MSS_STATUS_CLASSES[classIndex(v, MSS_STATUS_CLASSES)]!.label;
    expect(label(-1.0000001)).toBe('hoch');
    expect(label(-1)).toBe('mittel');
    expect(label(1)).toBe('mittel');
    expect(label(1.0000001)).toBe('niedrig');
    expect(label(1.5)).toBe('niedrig');
    expect(label(1.5000001)).toBe('sehr niedrig');
    const dyn = (v: number) => MSS_DYNAMICS_CLASSES[classIndex(v, MSS_DYNAMICS_CLASSES)]!.code;
    expect([dyn(-1.01), dyn(-1), dyn(1), dyn(1.01)]).toEqual(['+', '+/-', '+/-', '-']);
    expect(classIndex(NaN, MSS_STATUS_CLASSES)).toBe(-1);
  });
});

describe('aggregation', () => {
  it('sums, averages and takes the weighted geometric mean', () => {
    const cols = [f(1, 2), f(3, NaN)];
    expect([...aggregatePart(cols, [1, 1], 'sum', false, new Float64Array(2))]).toEqual([4, 4]); // 2 scaled by W / available
    expect([...aggregatePart(cols, [1, 3], 'mean', false, new Float64Array(2))]).toEqual([2.5, 2]);
    const logs = [f(Math.log(2)), f(Math.log(8))];
    expect(aggregatePart(logs, [1, 1], 'mean', true, new Float64Array(1))[0]).toBeCloseTo(4, 12);
    expect(aggregatePart([f(NaN)], [1], 'sum', false, new Float64Array(1))[0]).toBeNaN();
  });
});

describe('computeIndex', () => {
  it('leaves out areas below the minimum population, without population, or excluded by hand', () => {
    const { def, input } = setup({ validity: { minPopulation: 300, excluded: ['p5'] } });
    const r = computeIndex(def, input);
    expect([...r.valid]).toEqual([1, 1, 0, 0, 0]);
    expect(r.invalidReason).toEqual([
      null,
      null,
      'Weniger als 300 Einwohner',
      'Einwohnerzahl unbekannt (Mindestgröße 300 Einwohner)',
      'Von Hand ausgeschlossen (z. B. Gewerbegebiet oder Ausreißer)',
    ]);
    // statistics over the two valid areas only
    expect(r.standardised.get('a')![0]).toBe(-1);
    expect(r.standardised.get('a')![2]).toBeNaN();
    expect(r.code[2]).toBeNull();
  });

  it('computes MSS-style sums, re-standardised indices, classes and codes', () => {
    const { def, input } = setup({ validity: { minPopulation: null, excluded: [] } });
    const r = computeIndex(def, input);
    const [status, dyn] = r.parts;
    const za = r.standardised.get('a')!;
    const zb = r.standardised.get('b')!;
    for (let i = 0; i < 5; i++) expect(status!.sum[i]).toBeCloseTo(za[i]! + zb[i]!, 12);
    // the index is the z-score of the sum (population SD)
    const mean = status!.index.reduce((s, v) => s + v, 0) / 5;
    const sd = Math.sqrt(status!.index.reduce((s, v) => s + (v - mean) ** 2, 0) / 5);
    expect(mean).toBeCloseTo(0, 12);
    expect(sd).toBeCloseTo(1, 12);
    expect(r.code[4]).toBe(
      status!.classes[status!.classIdx[4]!]!.code + dyn!.classes[dyn!.classIdx[4]!]!.code,
    );
    // highest status sum: z 2√2 / √3.8 = 1.451 ≤ 1.5 → 'niedrig'; largest increase: DI 1.569 → '-'
    expect(status!.index[4]).toBeCloseTo((2 * Math.SQRT2) / Math.sqrt(3.8), 12);
    expect(r.code[4]).toBe('3-');
  });

  it('turns the direction: -1 means a high value is better', () => {
    const { def, input } = setup({ validity: { minPopulation: null, excluded: [] } });
    const flipped = structuredClone(def);
    flipped.parts[0]!.indicators[0]!.direction = -1;
    const a = computeIndex(def, input).standardised.get('a')!;
    const b = computeIndex(flipped, input).standardised.get('a')!;
    for (let i = 0; i < 5; i++) expect(b[i]).toBeCloseTo(-a[i]!, 12);
  });

  it('exclude_area: an area with a missing or secret value is left out with a German reason', () => {
    const { def, input } = setup({ validity: { minPopulation: null, excluded: [] } });
    input.values.get('b')![1] = NaN;
    input.values.get('c')![1] = NaN;
    input.secret = new Map([['b', Uint8Array.of(0, 1, 0, 0, 0)]]);
    const r = computeIndex(def, input);
    expect(r.valid[1]).toBe(0);
    expect(r.invalidReason[1]).toBe('Fehlende Werte: Kinderarmut (geheim), D1');
    expect(r.validCount).toBe(4);
  });

  it('available_mean: the part uses the available inputs; an area with none in a part is left out', () => {
    const { def, input } = setup({
      validity: { minPopulation: null, excluded: [] },
      missing: 'available_mean',
    });
    input.values.get('b')![1] = NaN;
    input.values.get('c')![2] = NaN;
    const r = computeIndex(def, input);
    expect(r.valid[1]).toBe(1);
    // the status sum of p2 is its one z-value scaled to the full weight (2 indicators)
    expect(r.parts[0]!.sum[1]).toBeCloseTo(2 * r.standardised.get('a')![1]!, 12);
    expect(r.valid[2]).toBe(0);
    expect(r.invalidReason[2]).toBe('Keine Werte für den Dynamik-Index');
  });

  it('keeps the aggregate as index without re-standardisation (Münster style)', () => {
    const def = presetDefinition('muenster', [
      { indicator: 'a', code: 'S1' },
      { indicator: 'b', code: 'S2' },
    ]);
    const { input } = setup();
    const r = computeIndex(def, input);
    const za = r.standardised.get('a')!;
    const zb = r.standardised.get('b')!;
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]!.index[0]).toBeCloseTo((za[0]! + zb[0]!) / 2, 12);
    expect(r.parts[0]!.index).toBe(r.parts[0]!.sum);
    expect(r.code[0]).toBe('1'); // mean z of the lowest area < −0.5: 'hoch'
  });

  it('takes the geometric mean of the standardised values rescaled to 1–100 (COINr)', () => {
    const { def, input } = setup({
      validity: { minPopulation: null, excluded: [] },
      standardisation: 'minmax',
      aggregation: 'mean',
      mean: 'geometric',
      restandardise: false,
    });
    const r = computeIndex(def, input);
    // a: 1…5 → min-max 0, 25, 50, 75, 100 → 1–100: 1, 25.75, 50.5, 75.25, 100; b likewise from its ranks
    const a = [1, 25.75, 50.5, 75.25, 100];
    const b = [1, 50.5, 25.75, 75.25, 100];
    for (let i = 0; i < 5; i++) expect(r.parts[0]!.sum[i]).toBeCloseTo(Math.sqrt(a[i]! * b[i]!), 10);
    expect(r.standardised.get('a')![4]).toBe(100);
  });

  it('reports too few valid areas instead of inventing z-values', () => {
    const { def, input } = setup({ validity: { minPopulation: 4000, excluded: [] } });
    const r = computeIndex(def, input);
    expect(r.validCount).toBe(0);
    expect(r.invalidReason[4]).toMatch(/Zu wenige gültige Gebiete/);
  });

  it('refuses an input without the values of an indicator', () => {
    const { def, input } = setup();
    const values = new Map(input.values);
    values.delete('c');
    expect(() => computeIndex(def, { ...input, values })).toThrow(
      expect.objectContaining({ code: 'indices.missing_input' }),
    );
  });
});

describe('index definitions', () => {
  const mss = BUILTIN_INDICES[0]!;

  it('accepts every built-in definition', () => {
    for (const d of BUILTIN_INDICES) expect(IndexDefinition.safeParse(d).success, d.key).toBe(true);
    expect(BUILTIN_INDICES.map((d) => d.key)).toEqual([
      'berlin_mss',
      'hamburg_sozialmonitoring',
      'muenster_status',
    ]);
  });

  const issues = (d: unknown) => {
    const r = IndexDefinition.safeParse(d);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('rejects overlapping classes, a geometric sum and a doubly used indicator, in German', () => {
    const overlapping = structuredClone(mss);
    overlapping.parts[0]!.classes[1]!.max = 1.2; // 'mittel' up to 1.2 overlaps 'niedrig' from 1
    expect(issues(overlapping)).toContain('Die Klassen „mittel“ und „niedrig“ überschneiden sich.');
    const touching = structuredClone(mss);
    touching.parts[0]!.classes[2]!.minInclusive = true; // 1 in both 'mittel' and 'niedrig'
    expect(issues(touching)).toContain('Die Klassen „mittel“ und „niedrig“ überschneiden sich.');
    expect(issues({ ...mss, mean: 'geometric' })).toContain(
      'Das geometrische Mittel geht nur mit der Aggregation „Mittelwert“.',
    );
    const twice = structuredClone(mss);
    twice.parts[1]!.indicators[0]!.indicator = 'arbeitslosenanteil';
    expect(issues(twice)[0]).toMatch(/kommt mehrfach vor/);
  });

  it('builds presets from the indicator codes present, and names a missing part', () => {
    const d = presetDefinition('hamburg', [
      { indicator: 'x3', code: 'S3' },
      { indicator: 'x1', code: 's1' },
      { indicator: 'y1', code: 'D1' },
      { indicator: 'k1', code: 'K1' },
    ]);
    expect(d.parts[0]!.indicators.map((i) => i.code)).toEqual(['S1', 'S3']);
    expect(d.parts[1]!.indicators.map((i) => i.indicator)).toEqual(['y1']);
    expect(() => presetDefinition('berlin-mss', [{ indicator: 'x', code: 'S1' }])).toThrow(
      'Für den Dynamik-Index fehlen die Indikatoren (Spalten d1_…, d2_… usw.).',
    );
  });
});
