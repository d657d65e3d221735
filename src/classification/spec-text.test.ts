import { describe, expect, it } from 'vitest';
import { ClassificationSpec } from './classification.schema.ts';
import { formatBreaks, fromParam, parseBreaks, toParam } from './spec-text.ts';

describe('address parameter klassen', () => {
  it('round-trips every method', () => {
    const specs: ClassificationSpec[] = [
      { method: 'quantile', classes: 5 },
      { method: 'equal', classes: 2 },
      { method: 'natural', classes: 9 },
      { method: 'stddev', classes: 4 },
      { method: 'quantile', classes: 10 },
      { method: 'fixed', classes: 5, breaks: [-1, 1, 1.5] },
      { method: 'fixed', classes: 5, breaks: [0.001, 1234.5] },
      { method: 'categorical', classes: 5 },
    ];
    for (const spec of specs) {
      const text = toParam(spec);
      expect(fromParam(text), text).toEqual(spec);
      // whatever the address yields, the API schema accepts
      expect(ClassificationSpec.safeParse(fromParam(text)).success, text).toBe(true);
    }
    expect(toParam({ method: 'natural', classes: 5 })).toBe('natural-5');
    expect(toParam({ method: 'fixed', classes: 5, breaks: [-1, 1, 1.5] })).toBe('fixed:-1;1;1.5');
  });

  it('ignores malformed parameters (the default applies)', () => {
    for (const bad of [
      '',
      null,
      'natural',
      'natural-1',
      'natural-11',
      'jenks-5',
      'fixed:',
      'fixed:1;-1',
      'fixed:1;1',
      'fixed:a',
      'fixed:1,5',
      `fixed:${Array.from({ length: 21 }, (_, i) => i).join(';')}`,
      'quantile-5x',
    ]) {
      expect(fromParam(bad), String(bad)).toBeNull();
    }
  });
});

describe('breaks field', () => {
  it('reads German numbers, both minus signs and either separator', () => {
    expect(parseBreaks('−1; 1; 1,5')).toEqual({ ok: true, breaks: [-1, 1, 1.5] });
    expect(parseBreaks(' -1 0,5  2 ')).toEqual({ ok: true, breaks: [-1, 0.5, 2] });
    expect(parseBreaks('1.000; 2.500,5')).toEqual({ ok: true, breaks: [1000, 2500.5] });
    expect(parseBreaks('1.5')).toEqual({ ok: true, breaks: [1.5] });
  });

  it('explains in German what is wrong', () => {
    expect(parseBreaks('')).toEqual({ ok: false, message: 'Mindestens eine Klassengrenze angeben.' });
    expect(parseBreaks('1; zwei')).toEqual({
      ok: false,
      message: '„zwei“ ist keine Zahl (Dezimalkomma, z. B. 1,5).',
    });
    expect(parseBreaks('2; 1')).toEqual({ ok: false, message: 'Klassengrenzen aufsteigend angeben.' });
  });

  it('writes breaks back with decimal comma and only the decimals they need', () => {
    expect(formatBreaks([-1, 1, 1.5])).toBe('-1; 1; 1,5');
    expect(formatBreaks([1000, 0.25])).toBe('1.000; 0,25');
    const back = parseBreaks(formatBreaks([-1, 1, 1.5, 1000.25]));
    expect(back).toEqual({ ok: true, breaks: [-1, 1, 1.5, 1000.25] });
  });
});
