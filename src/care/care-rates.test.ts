import { describe, expect, it } from 'vitest';
import { careNeed, checkAssumptions, rateAt, splitCare, type CareAssumptions } from './care-rates.ts';
import { PFLEGESTATISTIK_2019 } from './care.defaults.ts';

const BANDS = [
  { from: 0, to: 60, rate: 0.01 },
  { from: 60, to: 80, rate: 0.1 },
  { from: 80, to: null, rate: 0.5 },
];

describe('careNeed', () => {
  it('sums the persons of each band times its rate', () => {
    // 1000 × 1 % + 200 × 10 % + 40 × 50 % (the open top band)
    expect(careNeed([1000, 200, 40], BANDS)).toBeCloseTo(50, 10);
    expect(rateAt(BANDS, 59)).toBe(0.01);
    expect(rateAt(BANDS, 60)).toBe(0.1);
    expect(rateAt(BANDS, 120)).toBe(0.5);
  });

  it('applies a yearly trend to every rate', () => {
    expect(careNeed([100], [{ from: 0, to: null, rate: 0.1 }], 1.02, 10)).toBeCloseTo(10 * 1.02 ** 10, 10);
    expect(careNeed([100], [{ from: 0, to: null, rate: 0.1 }], 0.99, 0)).toBeCloseTo(10, 10);
  });
});

describe('splitCare', () => {
  it('splits persons by the shares and turns the counted settings into places', () => {
    const split = splitCare(1000, PFLEGESTATISTIK_2019);
    expect(split.persons.stationaer).toBeCloseTo(199, 10);
    expect(split.places.stationaer).toBeCloseTo(199 / 0.95, 10);
    expect(split.places.tagespflege).toBeCloseTo(20 / 0.9, 10);
    const persons = Object.values(split.persons).reduce((a, b) => a + b, 0);
    expect(persons).toBeCloseTo(1000, 9);
  });
});

describe('the default assumptions', () => {
  it('are valid and carry the published anchors of 2019', () => {
    expect(checkAssumptions(PFLEGESTATISTIK_2019)).toEqual([]);
    expect(rateAt(PFLEGESTATISTIK_2019.bands, 72)).toBe(0.08);
    expect(rateAt(PFLEGESTATISTIK_2019.bands, 87)).toBe(0.49);
    expect(rateAt(PFLEGESTATISTIK_2019.bands, 95)).toBe(0.76);
    // 19.9 % of the persons in need lived in homes at the end of 2019
    expect(PFLEGESTATISTIK_2019.shares.stationaer).toBe(0.199);
  });

  it('reports what is wrong with entered assumptions, in German', () => {
    const bad: CareAssumptions = {
      ...PFLEGESTATISTIK_2019,
      bands: [
        { from: 0, to: 70, rate: 0.01 },
        { from: 65, to: null, rate: 1.2 },
      ],
      shares: { angehoerige: 0.5, ambulant: 0.2, tagespflege: 0.1, stationaer: 0.1 },
      occupancy: { stationaer: 0, tagespflege: 0.9 },
    };
    expect(checkAssumptions(bad)).toEqual([
      'Altersgruppe 2 überschneidet sich mit der vorigen.',
      'Pflegequote der Altersgruppe 2 liegt nicht zwischen 0 und 1.',
      'Anteile der Versorgungsarten ergeben 90,0 % statt 100 %.',
      'Auslastung (stationaer) muss über 0 und höchstens 1 sein.',
    ]);
  });
});
