import { describe, expect, it } from 'vitest';
import { inArea, subjectOf } from '../core/grammar.ts';
import { profileText, withUnit, type ProfileTextInput, type TextIndicator } from './profile-text.ts';

const NB = '\u00a0';

/** A level indicator (share in %) with a deviation and a change over the window. */
function share(
  key: string,
  name: string,
  polarity: TextIndicator['polarity'],
  value: number | null,
  city: number,
  deviation: number | null,
  trend: { change: number | null; cityChange: number | null; deviation: number | null } = {
    change: 0.1,
    cityChange: 0.1,
    deviation: 0,
  },
  status: TextIndicator['value']['status'] = 'value',
): TextIndicator {
  return {
    key,
    name,
    unit: '%',
    changeUnit: 'Pp.',
    decimals: 1,
    polarity,
    formula: 'share',
    value: { value, status },
    city: { value: city, status: 'value' },
    deviation,
    trend,
  };
}

const mssIndex: ProfileTextInput['index'] = {
  name: 'Monitoring Soziale Stadtentwicklung',
  parts: [
    {
      key: 'status',
      label: 'Status-Index',
      classes: [
        { code: '1', label: 'hoch', severity: 0 },
        { code: '2', label: 'mittel', severity: 0.33 },
        { code: '3', label: 'niedrig', severity: 0.67 },
        { code: '4', label: 'sehr niedrig', severity: 1 },
      ],
    },
    {
      key: 'dynamics',
      label: 'Dynamik-Index',
      classes: [
        { code: '+', label: 'positiv', severity: 0 },
        { code: '+/-', label: 'stabil', severity: 0.5 },
        { code: '-', label: 'negativ', severity: 1 },
      ],
    },
  ],
  current: {
    valid: true,
    invalidReason: null,
    code: '3+/-',
    parts: { status: { index: 1.2, class: '3' }, dynamics: { index: 0.1, class: '+/-' } },
  },
  robustness: {
    runs: 1000,
    seed: 1,
    rank: 8,
    rankOf: 61,
    medianRank: 8,
    rankLow: 6,
    rankHigh: 11.4,
    classStability: { status: 0.95, dynamics: 0.97 },
    robust: true,
  },
};

/** Nordviertel: high SGB-II rate, rising child poverty, low unemployment share, one secret value. */
const nordviertel: ProfileTextInput = {
  areaName: 'Nordviertel',
  levelName: 'Sozialraum',
  years: 2,
  indicators: [
    share('sgb2_quote', 'SGB-II-Quote', 'high_bad', 24.06, 12.3, 1.8),
    share('kinderarmut', 'Kinderarmut (SGB II unter 15)', 'high_bad', 30.2, 18.4, 1.3, {
      change: 3.2,
      cityChange: 0.7,
      deviation: 2.1,
    }),
    share('alleinerziehende', 'Alleinerziehendenanteil', 'high_bad', 25, 19.8, 1.1),
    share('arbeitslosenanteil', 'Arbeitslosenanteil', 'high_bad', 3.1, 4.8, -1.2),
    share('auslaenderanteil', 'Ausländeranteil', 'neutral', 20, 16.7, 0.6),
    share(
      'grundsicherung_alter',
      'Grundsicherung im Alter',
      'high_bad',
      null,
      5.1,
      null,
      undefined,
      'secret',
    ),
    {
      ...share('sgb2_quote_veraenderung_2j', 'Veränderung SGB-II-Quote (2 Jahre)', 'high_bad', 4, 0.5, 3),
      formula: 'change_pp',
      unit: 'Pp.',
      decimals: 2,
    },
  ],
  index: mssIndex,
  warnings: [{ severity: 'hoch' }, { severity: 'mittel' }],
};

describe('profileText', () => {
  it('names the notable deviations and changes with German numbers (fixed input, exact text)', () => {
    expect(profileText(nordviertel).sentences).toEqual([
      `Im Sozialraum Nordviertel liegt die SGB-II-Quote mit 24,1${NB}% deutlich über dem städtischen Wert von 12,3${NB}% (ungünstig).`,
      `Ebenfalls deutlich ungünstiger als in der Stadt: Kinderarmut (SGB II unter 15) mit 30,2${NB}% (Stadt: 18,4${NB}%) und Alleinerziehendenanteil mit 25,0${NB}% (Stadt: 19,8${NB}%).`,
      `Deutlich günstiger als in der Stadt: Arbeitslosenanteil mit 3,1${NB}% (Stadt: 4,8${NB}%).`,
      `Die Kinderarmut (SGB II unter 15) ist in den letzten zwei Jahren um 3,2${NB}Prozentpunkte gestiegen (Stadt: +0,7${NB}Prozentpunkte) – ungünstiger als in der Stadt insgesamt.`,
      `Im Index „Monitoring Soziale Stadtentwicklung“ hat das Gebiet den Status „niedrig“ mit stabiler Dynamik (3+/-); die Einstufung ist robust (Rang 8 von 61, 5–95${NB}%: 6–11).`,
      'Die Frühwarnung meldet für das Gebiet zwei Hinweise, davon einen mit hoher Dringlichkeit.',
    ]);
  });

  it('compares a Gemeinde with the Kreis, never with a city', () => {
    const gemeinde = { ...nordviertel, areaName: 'Adorf', levelName: 'Gemeinde', wholeLevelName: 'Kreis' };
    const text = profileText(gemeinde).sentences;
    expect(text.slice(0, 4)).toEqual([
      `In der Gemeinde Adorf liegt die SGB-II-Quote mit 24,1${NB}% deutlich über dem Wert des Kreises von 12,3${NB}% (ungünstig).`,
      `Ebenfalls deutlich ungünstiger als im Kreis: Kinderarmut (SGB II unter 15) mit 30,2${NB}% (Kreis: 18,4${NB}%) und Alleinerziehendenanteil mit 25,0${NB}% (Kreis: 19,8${NB}%).`,
      `Deutlich günstiger als im Kreis: Arbeitslosenanteil mit 3,1${NB}% (Kreis: 4,8${NB}%).`,
      `Die Kinderarmut (SGB II unter 15) ist in den letzten zwei Jahren um 3,2${NB}Prozentpunkte gestiegen (Kreis: +0,7${NB}Prozentpunkte) – ungünstiger als im Kreis insgesamt.`,
    ]);
    const calm = profileText({
      ...gemeinde,
      indicators: [share('x', 'SGB-II-Quote', 'high_bad', 12, 12, 0)],
    });
    expect(calm.sentences.slice(0, 2)).toEqual([
      'In der Gemeinde Adorf weicht kein Indikator deutlich vom Wert des Kreises ab.',
      'Die Entwicklung in den letzten zwei Jahren weicht bei keinem Indikator deutlich von der des Kreises ab.',
    ]);
  });

  it('lists the indicators the text names, most notable first', () => {
    expect(profileText(nordviertel).indicators).toEqual([
      'sgb2_quote',
      'kinderarmut',
      'alleinerziehende',
      'arbeitslosenanteil',
    ]);
  });

  it('keeps the secrecy sentence when there is room, and never prints a secret value', () => {
    const text = profileText({ ...nordviertel, index: null, warnings: null }).sentences;
    expect(text.at(-1)).toBe('Ein Wert ist zum Schutz von Einzelangaben geheim gehalten (·).');
    expect(text.join(' ')).not.toContain('Grundsicherung');
  });

  it('says so when nothing stands out, and still gives three sentences', () => {
    const calm: ProfileTextInput = {
      areaName: 'Altstadt',
      levelName: 'Stadtbezirk',
      years: 5,
      indicators: [share('sgb2_quote', 'SGB-II-Quote', 'high_bad', 12.5, 12.3, 0.1)],
      index: null,
      warnings: [],
    };
    expect(profileText(calm).sentences).toEqual([
      'Im Stadtbezirk Altstadt weicht kein Indikator deutlich vom städtischen Wert ab.',
      'Die Entwicklung in den letzten fünf Jahren weicht bei keinem Indikator deutlich von der der Stadt ab.',
      'Die Frühwarnung meldet für das Gebiet keine Hinweise.',
    ]);
  });

  it('words favourable leads, falling values and neutral indicators by polarity', () => {
    const text = profileText({
      areaName: 'Südhang',
      levelName: 'Sozialraum',
      years: 5,
      indicators: [
        share('arbeitslosenanteil', 'Arbeitslosenanteil', 'high_bad', 2.04, 4.8, -2.5, {
          change: -1.26,
          cityChange: 0.31,
          deviation: -1.4,
        }),
        // the largest deviation, but neutral: the polar indicators lead, it follows as „außerdem“
        share('anteil_65plus', 'Anteil 65 Jahre und älter', 'neutral', 31.2, 23.1, 3.0, {
          change: 2.5,
          cityChange: 0.4,
          deviation: 1.2,
        }),
        share('sgb2_quote', 'SGB-II-Quote', 'high_bad', 16.1, 12.3, 1.1),
      ],
      index: {
        ...mssIndex,
        robustness: { ...mssIndex.robustness!, robust: false, rankLow: 3, rankHigh: 19 },
      },
      warnings: [{ severity: 'mittel' }],
    }).sentences;
    expect(text).toEqual([
      `Im Sozialraum Südhang liegt der Arbeitslosenanteil mit 2,0${NB}% weit unter dem städtischen Wert von 4,8${NB}% (günstig).`,
      `Deutlich ungünstiger als in der Stadt: SGB-II-Quote mit 16,1${NB}% (Stadt: 12,3${NB}%).`,
      `Außerdem weicht deutlich ab: Anteil 65 Jahre und älter mit 31,2${NB}% (Stadt: 23,1${NB}%).`,
      `Der Arbeitslosenanteil ist in den letzten fünf Jahren um 1,3${NB}Prozentpunkte gesunken (Stadt: +0,3${NB}Prozentpunkte) – günstiger als in der Stadt insgesamt.`,
      `Im Index „Monitoring Soziale Stadtentwicklung“ hat das Gebiet den Status „niedrig“ mit stabiler Dynamik (3+/-); die Einstufung ist unsicher (Rang 8 von 61, 5–95${NB}%: 3–19).`,
      'Die Frühwarnung meldet für das Gebiet einen Hinweis.',
    ]);
  });

  it('ignores differences that are 1 SD off but immaterial (under 5 % of the city value)', () => {
    const text = profileText({
      areaName: 'Lindenau',
      levelName: 'Sozialraum',
      years: 5,
      indicators: [
        share('frauenanteil', 'Frauenanteil', 'neutral', 51.9, 51.4, 1.8, {
          change: 0.14,
          cityChange: 0.02,
          deviation: 1.5,
        }),
        // rose less than the city: the better development, though rising
        share('kinderarmut', 'Kinderarmut', 'high_bad', 18.0, 18.4, 0.1, {
          change: 0.8,
          cityChange: 2.3,
          deviation: -1.2,
        }),
      ],
      index: null,
      warnings: [],
    }).sentences;
    expect(text).toEqual([
      'Im Sozialraum Lindenau weicht kein Indikator deutlich vom städtischen Wert ab.',
      `Die Kinderarmut ist in den letzten fünf Jahren um 0,8${NB}Prozentpunkte gestiegen (Stadt: +2,3${NB}Prozentpunkte) – günstiger als in der Stadt insgesamt.`,
      'Die Frühwarnung meldet für das Gebiet keine Hinweise.',
    ]);
  });

  it('says only shown values are unremarkable when some are secret', () => {
    const text = profileText({
      areaName: 'Gewerbegebiet',
      levelName: 'Sozialraum',
      years: 5,
      indicators: [
        share('sgb2_quote', 'SGB-II-Quote', 'high_bad', null, 12.3, null, undefined, 'secret'),
        share('frauenanteil', 'Frauenanteil', 'neutral', 50, 51.4, 0.2),
      ],
      index: null,
      warnings: null,
    }).sentences;
    expect(text[0]).toBe(
      'Im Sozialraum Gewerbegebiet weicht kein ausgewiesener Indikator deutlich vom städtischen Wert ab.',
    );
    expect(text[1]).toBe(
      'Die Entwicklung in den letzten fünf Jahren weicht bei keinem ausgewiesenen Indikator deutlich von der der Stadt ab.',
    );
    expect(text.at(-1)).toBe('Ein Wert ist zum Schutz von Einzelangaben geheim gehalten (·).');
  });

  it('gives a rank interval of one rank as one number', () => {
    const text = profileText({
      ...nordviertel,
      index: {
        ...mssIndex,
        robustness: { ...mssIndex.robustness!, rankLow: 4, rankHigh: 4.2, rank: 4, rankOf: 6 },
      },
    }).sentences;
    expect(text).toContain(
      `Im Index „Monitoring Soziale Stadtentwicklung“ hat das Gebiet den Status „niedrig“ mit stabiler Dynamik (3+/-); die Einstufung ist robust (Rang 4 von 6, 5–95${NB}%: 4).`,
    );
  });

  it('explains an area the index does not rate', () => {
    const text = profileText({
      ...nordviertel,
      indicators: [],
      index: {
        ...mssIndex,
        current: { valid: false, invalidReason: 'Weniger als 300 Einwohner.', code: null, parts: {} },
        robustness: null,
      },
    }).sentences;
    expect(text).toContain(
      'Im Index „Monitoring Soziale Stadtentwicklung“ wird das Gebiet nicht eingestuft (Weniger als 300 Einwohner).',
    );
  });

  it('is deterministic', () => {
    expect(profileText(nordviertel)).toEqual(profileText(structuredClone(nordviertel)));
  });
});

describe('German grammar of the templates', () => {
  it.each([
    ['SGB-II-Quote', 'die SGB-II-Quote'],
    ['Kinderarmut (SGB II unter 15)', 'die Kinderarmut (SGB II unter 15)'],
    ['Alleinerziehendenanteil', 'der Alleinerziehendenanteil'],
    ['Anteil Kinder unter 6', 'der Anteil Kinder unter 6'],
    ['Grundsicherung im Alter', 'die Grundsicherung im Alter'],
    ['Durchschnittliche Haushaltsgröße', 'die durchschnittliche Haushaltsgröße'],
    ['Quote erwerbsfähiger Leistungsberechtigter', 'die Quote erwerbsfähiger Leistungsberechtigter'],
    ['Jugendquotient', 'der Jugendquotient'],
    ['Haushalte mit Kindern', 'der Indikator „Haushalte mit Kindern“'],
    ['Arbeitslose im Rechtskreis SGB II', 'der Indikator „Arbeitslose im Rechtskreis SGB II“'],
  ])('subjectOf(%s)', (name, expected) => {
    expect(subjectOf(name).text).toBe(expected);
  });

  it.each([
    ['Sozialraum', 'Im Sozialraum Nordviertel'],
    ['Stadtbezirk', 'Im Stadtbezirk Nordviertel'],
    ['Planungsraum', 'Im Planungsraum Nordviertel'],
    ['Gemeinde', 'In der Gemeinde Nordviertel'],
    ['Statistischer Bezirk', 'Im Gebiet Nordviertel'],
  ])('inArea(%s)', (level, expected) => {
    expect(inArea(level, 'Nordviertel')).toBe(expected);
  });

  it('formats numbers the German way', () => {
    expect(withUnit(12345.678, 1, '%')).toBe(`12.345,7${NB}%`);
    expect(withUnit(-0.04, 1, 'Pp.', true)).toBe(`0,0${NB}Pp.`);
    expect(withUnit(-0.44, 1, '', true)).toBe('-0,4');
  });
});
