import { describe, expect, it } from 'vitest';
import { MSS_STATUS_CLASSES } from '../indices/presets.ts';
import { facilityNoun, needReason, ruleText, type ReasonContext } from './ranking-messages.ts';
import {
  DEFAULT_RANKING_PARAMS,
  areaNeed,
  rankAreas,
  type AreaNeedInput,
  type RankingParams,
} from './ranking-score.ts';

const mss = (code: '1' | '2' | '3' | '4') => {
  const c = MSS_STATUS_CLASSES.find((x) => x.code === code)!;
  return { code: c.code, label: c.label, severity: c.severity };
};

/** An area with a coverage row from supply and demand. */
function area(
  key: string,
  supply: number,
  demand: number,
  cls: '1' | '2' | '3' | '4' | null,
  distance: number | null,
): AreaNeedInput {
  return {
    area: key,
    name: `Gebiet ${key}`,
    supply,
    demand,
    rate: demand > 0 ? (supply / demand) * 100 : null,
    balance: supply - demand,
    status: 'value',
    socialClass: cls ? mss(cls) : null,
    distance,
  };
}

const ctx = (
  params: RankingParams,
  type = 'nachbarschaftszentrum',
  name = 'Nachbarschaftszentrum',
): ReasonContext => ({
  facility: facilityNoun(type, name),
  unit: 'Plätze',
  walking: null,
  part: { key: 'status', label: 'Status-Index' },
  params,
});

describe('areaNeed', () => {
  it('gives each criterion points between 0 and 1 and a need where it holds', () => {
    // 38 of 105.6 places missing (rate 64 %), class 4, the nearest centre 1,430 m away
    const a = areaNeed(area('1', 67.6, 105.6, '4', 1430), DEFAULT_RANKING_PARAMS);
    expect(a.points.gap).toBeCloseTo(1 - 67.6 / 105.6, 12);
    expect(a.points.class).toBe(1);
    expect(a.points.distance).toBe(1);
    expect(a.missing).toBeCloseTo(38, 12);
    expect(a.need).toEqual({ gap: true, class: true, distance: true });
    expect(a.needs).toBe(3);
    expect(a.score).toBeCloseTo((100 * (1 - 67.6 / 105.6 + 1 + 1)) / 3, 12);
  });

  it('scales the distance up to the radius, counts unknowns 0 and leaves out a criterion of weight 0', () => {
    const near = areaNeed(area('2', 120, 100, '2', 250), DEFAULT_RANKING_PARAMS);
    expect(near.points).toEqual({ gap: 0, class: 1 / 3, distance: 0.25 });
    expect(near.need).toEqual({ gap: false, class: false, distance: false });
    expect(near.score).toBeCloseTo((100 * (1 / 3 + 0.25)) / 3, 12);
    const secret = areaNeed(
      { ...area('3', 40, 0, null, null), demand: null, rate: null, balance: null, status: 'secret' },
      DEFAULT_RANKING_PARAMS,
    );
    // no facility in operation at all: the full distance points and a need
    expect(secret.points).toEqual({ gap: null, class: null, distance: 1 });
    expect(secret.need).toEqual({ gap: false, class: false, distance: true });
    expect(secret.score).toBeCloseTo(100 / 3, 12);
    const noGap = areaNeed(area('4', 0, 50, '3', 2000), {
      ...DEFAULT_RANKING_PARAMS,
      weights: { gap: 0, class: 1, distance: 1 },
    });
    expect(noGap.points.gap).toBeNull();
    expect(noGap.need.gap).toBe(false);
    expect(noGap.score).toBeCloseTo((100 * (2 / 3 + 1)) / 2, 12);
  });

  it('needs at least one missing place after rounding, and a class from the minimum severity', () => {
    expect(areaNeed(area('5', 99.6, 100, '3', 0), DEFAULT_RANKING_PARAMS).need.gap).toBe(false);
    expect(areaNeed(area('5', 99.5, 100, '3', 0), DEFAULT_RANKING_PARAMS).need.gap).toBe(true);
    const strict = { ...DEFAULT_RANKING_PARAMS, minSeverity: 1 };
    expect(areaNeed(area('6', 0, 10, '3', 0), strict).need.class).toBe(false);
    expect(areaNeed(area('6', 0, 10, '4', 0), strict).need.class).toBe(true);
  });
});

describe('rankAreas', () => {
  it('puts Braunschweig’s areas first: status class 3–4 without a centre within 1,000 m', () => {
    const params = { ...DEFAULT_RANKING_PARAMS, weights: { gap: 0, class: 1, distance: 1 } };
    const ranked = rankAreas(
      [
        area('A', 0, 100, '2', 3000), // far, but a middle status
        area('B', 0, 100, '3', 1200), // status 3, no centre within 1 km
        area('C', 0, 100, '4', 900), // status 4, a centre at 900 m
        area('D', 0, 100, '4', 1001), // status 4, no centre within 1 km
        area('E', 0, 0, '4', 5000), // nobody lives there
        area('F', 0, 100, '1', 100),
      ],
      params,
    );
    expect(ranked.map((a) => [a.area, a.rank, a.needs])).toEqual([
      ['D', 1, 2],
      ['B', 2, 2],
      ['C', 3, 1],
      ['A', 4, 1],
      ['F', 5, 0],
      ['E', null, 2],
    ]);
    // within the same number of needs the score decides: D (1 + 1) before B (2/3 + 1)
    expect(ranked[0]!.score).toBe(100);
    expect(ranked[1]!.score).toBeCloseTo((100 * (2 / 3 + 1)) / 2, 12);
  });

  it('breaks ties by missing places, then distance, then key; refuses all weights 0', () => {
    const ranked = rankAreas(
      [area('b', 50, 100, '2', 500), area('a', 50, 100, '2', 500), area('c', 100, 200, '2', 500)],
      DEFAULT_RANKING_PARAMS,
    );
    expect(ranked.map((a) => a.area)).toEqual(['c', 'a', 'b']);
    expect(() =>
      rankAreas([], { ...DEFAULT_RANKING_PARAMS, weights: { gap: 0, class: 0, distance: 0 } }),
    ).toThrow();
  });
});

describe('needReason', () => {
  it('says why in plain German, as the planner would write it', () => {
    const [a] = rankAreas([area('1', 67.6, 105.6, '4', 1430)], DEFAULT_RANKING_PARAMS);
    expect(needReason(a!, ctx(DEFAULT_RANKING_PARAMS), null)).toBe(
      'Statusklasse 4 (sehr niedrig), kein Nachbarschaftszentrum innerhalb von 1.000 m (nächstes in 1.430 m), ' +
        '38 fehlende Plätze (Versorgungsquote 64 %)',
    );
    const [b] = rankAreas([area('2', 130, 120, '2', 434)], DEFAULT_RANKING_PARAMS);
    expect(needReason(b!, ctx(DEFAULT_RANKING_PARAMS, 'kita', 'Kindertageseinrichtung'), null)).toBe(
      'Statusklasse 2 (mittel), nächste Kita in 430 m, Versorgungsquote 108 %',
    );
    const [c] = rankAreas(
      [{ ...area('3', 12, 0, null, null), demand: null, rate: null, balance: null, status: 'secret' }],
      DEFAULT_RANKING_PARAMS,
    );
    expect(
      needReason(c!, ctx(DEFAULT_RANKING_PARAMS, 'spielplatz', 'Spielplatz'), 'Weniger als 300 Einwohner'),
    ).toBe(
      'Statusklasse nicht ermittelt (Weniger als 300 Einwohner), kein Spielplatz in Betrieb, ' +
        'Versorgungsquote geheim (Geheimhaltung kleiner Zahlen)',
    );
    const [d] = rankAreas([area('4', 0, 1, null, 90)], DEFAULT_RANKING_PARAMS);
    expect(needReason(d!, { ...ctx(DEFAULT_RANKING_PARAMS, 'x', 'Tafel'), part: null }, null)).toBe(
      'nächste Einrichtung der Art „Tafel“ in 90 m, 1 fehlender Platz (Versorgungsquote 0 %)',
    );
  });

  it('leaves out what does not count, and names the rule with its weights', () => {
    const params = { ...DEFAULT_RANKING_PARAMS, weights: { gap: 0, class: 2, distance: 1 } };
    const [a] = rankAreas([area('1', 67.6, 105.6, '3', 2000)], params);
    expect(needReason(a!, ctx(params), null)).toBe(
      'Statusklasse 3 (niedrig), kein Nachbarschaftszentrum innerhalb von 1.000 m (nächstes in 2.000 m)',
    );
    expect(ruleText(ctx(params), 'Statusklasse 3 (niedrig) oder 4 (sehr niedrig)')).toBe(
      'Zuerst stehen die Gebiete, auf die mehr Bedarfsmerkmale zutreffen (Statusklasse 3 (niedrig) oder 4 ' +
        '(sehr niedrig); kein Nachbarschaftszentrum innerhalb von 1.000 m Luftlinie). Bei gleich vielen ' +
        'Merkmalen entscheidet die Punktzahl von 0 bis 100: das gewichtete Mittel aus der Schwere der Klasse ' +
        '(0 bis 1) und der Entfernung zur nächsten Einrichtung im Verhältnis zu 1.000 m (höchstens 1), ' +
        'gewichtet 2 : 1. Unbekannte Werte zählen 0 Punkte; Gebiete ohne Bedarf werden nicht gereiht.',
    );
  });
});
