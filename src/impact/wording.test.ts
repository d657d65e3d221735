import { describe, expect, it } from 'vitest';
import { effectText, type EffectWordingInput, type Polarity, type Reliability } from './wording.ts';

const reliable: Reliability = {
  reliable: true,
  comparisonPool: 50,
  preYears: 5,
  fewComparisons: false,
  fewPreYears: false,
  noInterval: false,
  minComparisons: 10,
  minPreYears: 2,
};

const base: EffectWordingInput = {
  subject: 'die SGB-II-Quote',
  unit: '%',
  polarity: 'high_bad',
  estimate: -1.2,
  interval: { lower: -2, upper: -0.4 },
  treatedChange: -1.5,
  comparisonChange: -0.3,
  reliability: reliable,
  k: 3,
};

const CLAIMS = /spricht für eine Wirkung|größer, als er .* zufällig|ungünstiger als/;

describe('effectText', () => {
  it('words a favourable, reliable difference without claiming proof', () => {
    const t = effectText(base);
    expect(t.verdict).toBe('favourable');
    expect(t.sentences).toEqual([
      'Im Vergleich zu ähnlichen Gebieten ist die SGB-II-Quote in den Maßnahmegebieten um 1,2 Prozentpunkte stärker gesunken (Unsicherheitsbereich 0,4 bis 2,0 Prozentpunkte).',
      'Das spricht für eine Wirkung, beweist sie aber nicht.',
    ]);
    expect(t.notes[0]).toMatch(/je 3 ähnlichen Gebieten/);
  });

  it('never claims an effect when the interval covers 0', () => {
    const polarities: Polarity[] = ['high_bad', 'high_good', 'neutral'];
    for (const polarity of polarities)
      for (const estimate of [-3, -0.5, -0.04, 0, 0.3, 2.5])
        for (const [lo, hi] of [
          [-1, 1],
          [-4, 0],
          [0, 3],
          [-0.01, 5],
        ] as const) {
          const t = effectText({
            ...base,
            polarity,
            estimate,
            interval: { lower: estimate + lo, upper: estimate + hi },
            treatedChange: estimate,
            comparisonChange: 0,
          });
          if (estimate + lo > 0 || estimate + hi < 0) continue;
          expect(t.verdict).toBe('no_reliable_difference');
          expect(t.sentences[0]).toMatch(/^Kein belastbarer Unterschied zu ähnlichen Gebieten: /);
          expect(t.sentences.join(' ')).not.toMatch(CLAIMS);
          expect(t.sentences[1]).toBe(
            'Eine Wirkung der Maßnahme lässt sich damit weder zeigen noch ausschließen.',
          );
        }
  });

  it('gives the interval in the direction of the sentence, in German number format', () => {
    const t = effectText({
      ...base,
      unit: 'je 1.000 EW',
      decimals: 2,
      estimate: -1234.567,
      interval: { lower: -2000.5, upper: 12.25 },
      treatedChange: -1500,
      comparisonChange: -265.433,
    });
    expect(t.sentences[0]).toBe(
      'Kein belastbarer Unterschied zu ähnlichen Gebieten: Im Vergleich zu ähnlichen Gebieten ist die SGB-II-Quote in den Maßnahmegebieten um 1.234,57 je 1.000 EW stärker gesunken (Unsicherheitsbereich -12,25 bis 2.000,50 je 1.000 EW).',
    );
  });

  it('says when treated and comparison areas moved in opposite directions', () => {
    const t = effectText({ ...base, treatedChange: -0.5, comparisonChange: 0.7 });
    expect(t.sentences[0]).toBe(
      'Die SGB-II-Quote ist in den Maßnahmegebieten gesunken, in ähnlichen Gebieten dagegen gestiegen; der Unterschied beträgt 1,2 Prozentpunkte (Unsicherheitsbereich 0,4 bis 2,0 Prozentpunkte).',
    );
    const slower = effectText({ ...base, treatedChange: 0.3, comparisonChange: 1.5 });
    expect(slower.sentences[0]).toMatch(/um 1,2 Prozentpunkte schwächer gestiegen/);
  });

  it('calls an unfavourable difference unfavourable, and a neutral one only unusual', () => {
    const bad = effectText({ ...base, polarity: 'high_good' });
    expect(bad.verdict).toBe('unfavourable');
    expect(bad.sentences.join(' ')).not.toMatch(/spricht für eine Wirkung/);
    const neutral = effectText({ ...base, polarity: 'neutral' });
    expect(neutral.verdict).toBe('difference');
    expect(neutral.sentences[1]).toMatch(/zeigt diese Rechnung allein nicht/);
  });

  it('shows an estimate on too few comparisons or pre-period years only as a hint', () => {
    const t = effectText({
      ...base,
      reliability: {
        ...reliable,
        reliable: false,
        comparisonPool: 6,
        fewComparisons: true,
        preYears: 1,
        fewPreYears: true,
      },
      droppedTreated: ['0102'],
    });
    expect(t.verdict).toBe('not_reliable');
    expect(t.sentences).toHaveLength(1);
    expect(t.sentences[0]).toMatch(/^Nur als Hinweis, nicht belastbar: Im Vergleich/);
    expect(t.sentences.join(' ')).not.toMatch(CLAIMS);
    expect(t.notes).toContain(
      'Nur 6 Gebiete ohne die Maßnahme stehen zum Vergleich bereit (mindestens 10); die Schätzung gilt deshalb nicht als belastbar.',
    );
    expect(
      t.notes.some((n) => n.startsWith('Vor Beginn der Maßnahme liegt nur ein Jahr vor (mindestens 2)')),
    ).toBe(true);
    expect(t.notes).toContain(
      '1 Maßnahmegebiet ohne Werte vor oder nach Beginn bleibt unberücksichtigt (0102).',
    );
  });

  it('says when nothing can be estimated', () => {
    const t = effectText({
      ...base,
      estimate: null,
      interval: null,
      treatedChange: null,
      comparisonChange: null,
    });
    expect(t.verdict).toBe('no_estimate');
    expect(t.sentences[0]).toMatch(/lässt sich nicht schätzen/);
  });

  it('does not invent a direction for a difference that rounds to 0', () => {
    const t = effectText({ ...base, estimate: 0.01, interval: { lower: -0.5, upper: 0.6 } });
    expect(t.sentences[0]).toMatch(/praktisch genauso entwickelt .*Unterschied 0,0 Prozentpunkte/);
  });
});
