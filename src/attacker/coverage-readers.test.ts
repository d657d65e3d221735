/**
 * The coverage readers turn published rows into facts on the count cells behind them, so that a
 * naive publication — a rate beside a public capacity while the demand is hidden — is caught.
 */
import { describe, expect, it } from 'vitest';
import { readCoverage, readCoverageCsv, readRanking, readRankingCsv } from './coverage-readers.ts';
import { FactSink } from './facts.ts';
import { countKey, type CityFrame } from './model.ts';

const DATE = '2024-12-31';
const u3 = {
  key: 'kita_u3',
  demand: ['ew_u3'],
  factor: 0.51,
  districtLevel: null,
  validFrom: null,
  validTo: null,
};

const gesamt = {
  key: 'kita_gesamt',
  demand: ['ew_u3', 'ew_3_5'],
  weights: [0.51, 0.97],
  factor: 1,
  districtLevel: null,
  validFrom: null,
  validTo: null,
};

function frame(): CityFrame {
  const nodes = new Map([
    ['stadt:0', { key: 'stadt:0', level: 'stadt', id: '0', name: 'Stadt', parent: null }],
    [
      'sozialraum:309',
      { key: 'sozialraum:309', level: 'sozialraum', id: '309', name: 'A', parent: 'stadt:0' },
    ],
    [
      'sozialraum:310',
      { key: 'sozialraum:310', level: 'sozialraum', id: '310', name: 'B', parent: 'stadt:0' },
    ],
  ]);
  return {
    levels: [
      { key: 'stadt', name: 'Stadt', rank: 0 },
      { key: 'sozialraum', name: 'Sozialraum', rank: 1 },
    ],
    dates: ['2023-12-31', DATE],
    indicators: new Map(),
    nodes,
    root: 'stadt:0',
    children: new Map([['stadt:0', ['sozialraum:309', 'sozialraum:310']]]),
    norms: new Map([
      ['kita_u3', [u3]],
      ['kita_gesamt', [gesamt]],
    ]),
  };
}

/** The attacker's interval of one count from the facts over it alone. */
function interval(sink: FactSink, key: string): [number, number] {
  let lo = -Infinity;
  let hi = Infinity;
  for (const f of sink.facts) {
    if (f.form.size !== 1 || !f.form.has(key)) continue;
    const c = f.form.get(key)!;
    lo = Math.max(lo, c > 0 ? f.lo / c : f.hi / c);
    hi = Math.min(hi, c > 0 ? f.hi / c : f.lo / c);
  }
  return [lo, hi];
}

describe('coverage readers', () => {
  it('pin a hidden demand from the rate beside a public capacity (the naive publication)', () => {
    const sink = new FactSink(frame());
    const body = {
      norm: { key: 'kita_u3' },
      level: 'sozialraum',
      parentLevel: 'stadt',
      stichtage: [
        {
          date: DATE,
          populationDate: DATE,
          version: { id: 1, demand: ['ew_u3'], factor: 0.51, catchment: { kind: 'area' } },
        },
      ],
      // 37 children: demand 18.87 hidden, but 41 places at 217.3 % and a balance of 22.1 say it
      rows: [
        { area: '309', date: DATE, supply: 41, demand: null, rate: 217.3, balance: 22.1, status: 'secret' },
      ],
      parents: [],
      city: [],
    };
    readCoverage({ sink, url: '/api/coverage', params: {}, body: JSON.stringify(body) });
    const [lo, hi] = interval(sink, countKey('ew_u3', 'sozialraum:309', DATE));
    expect(lo).toBeLessThanOrEqual(37);
    expect(hi).toBeGreaterThanOrEqual(37);
    expect(hi - lo).toBeLessThan(1);
  });

  it('read the German CSV export with the norm of its Stichtag', () => {
    const sink = new FactSink(frame());
    const csv =
      '\uFEFFGebietsschlüssel;Gebiet;Ebene;Stichtag;Versorgung (Plätze);Bedarf (Plätze);Versorgungsquote (%);Saldo (Plätze);Status;Richtwert;Quelle\r\n' +
      '310;B;Sozialraum;2024-12-31;40,0;30,6;130,7;9,4;Wert;Kita;BMFSFJ\r\n' +
      '0;Stadt;Gesamtstadt;2024-12-31;80,0;·;·;·;geheim;Kita;BMFSFJ\r\n';
    readCoverageCsv({ sink, url: '/api/coverage/export', params: { norm: 'kita_u3' }, body: csv });
    const [lo, hi] = interval(sink, countKey('ew_u3', 'sozialraum:310', DATE));
    expect(lo).toBeLessThanOrEqual(60);
    expect(hi).toBeGreaterThanOrEqual(60);
    expect(sink.facts.some((f) => [...f.form.keys()].some((k) => k.includes('stadt:0')))).toBe(false);
  });

  it('read the ranking’s coverage rows with the weights of the norm', () => {
    const sink = new FactSink(frame());
    // 20 children under 3 and 30 from 3 to 5: demand 0.51 × 20 + 0.97 × 30 = 39.3
    const body = {
      norm: { key: 'kita_gesamt' },
      level: 'sozialraum',
      date: DATE,
      populationDate: DATE,
      rows: [
        {
          area: '310',
          rank: 1,
          coverage: { supply: 30, demand: 39.3, rate: 76.3, balance: -9.3, missing: 9.3, status: 'value' },
          score: 50,
        },
      ],
    };
    readRanking({ sink, url: '/api/planning/ranking', params: {}, body: JSON.stringify(body) });
    // the sink scales each fact to its largest coefficient: 0.51/0.97 × ew_u3 + ew_3_5 = 39.3/0.97
    const demand = sink.facts.find((f) => f.form.size === 2)!;
    const u3 = demand.form.get(countKey('ew_u3', 'sozialraum:310', DATE))!;
    const from3 = demand.form.get(countKey('ew_3_5', 'sozialraum:310', DATE))!;
    expect(u3 / from3).toBeCloseTo(0.51 / 0.97, 12);
    const scaled = (39.3 * from3) / 0.97;
    expect(demand.lo).toBeLessThanOrEqual(scaled);
    expect(demand.hi).toBeGreaterThanOrEqual(scaled);
    expect(sink.read).toBe(3);
  });

  it('read the ranking’s CSV export: a rate and a balance beside the capacity pin the demand', () => {
    const sink = new FactSink(frame());
    // 37 children under 3: demand 18.87 hidden, 41 places, rate 217,3 % and balance 22,13 printed
    const csv =
      '\uFEFFRang;Gebietsschlüssel;Gebiet;Übergeordnetes Gebiet;Stichtag;Punkte (0–100);Bedarfsmerkmale (0–3);' +
      'Versorgung (Plätze);Bedarf (Plätze);Versorgungsquote (%);Saldo (Plätze);Fehlend (Plätze);Status;Indexklasse;' +
      'Entfernung zur nächsten Einrichtung (m);Nächste Einrichtung;Begründung;Richtwert;Quelle\r\n' +
      '1;309;A;Stadt;2024-12-31;12,5;1;41,0;·;217,3;22,1;0,0;geheim;;240;Kita A;Text;Kita;BMFSFJ\r\n';
    readRankingCsv({
      sink,
      url: '/api/planning/ranking/export',
      params: { norm: 'kita_u3', level: 'sozialraum' },
      body: csv,
    });
    const [lo, hi] = interval(sink, countKey('ew_u3', 'sozialraum:309', DATE));
    expect(lo).toBeLessThanOrEqual(37);
    expect(hi).toBeGreaterThanOrEqual(37);
    expect(hi - lo).toBeLessThan(1);
    expect(sink.read).toBe(2);
  });
});
