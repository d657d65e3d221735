import { describe, expect, it } from 'vitest';
import { catchmentText, factorText, plainNumber, supplyText } from './norm-text.ts';

describe('a norm in words', () => {
  it('writes numbers without trailing zeros', () => {
    expect(plainNumber(0.51)).toBe('0,51');
    expect(plainNumber(1500)).toBe('1.500');
    expect(plainNumber(1.3)).toBe('1,3');
  });

  it('says where the supply is found for every kind of catchment', () => {
    expect(catchmentText({ kind: 'area' })).toBe(
      'im eigenen Gebiet: alle Einrichtungen im Gebiet zählen für seine Bevölkerung',
    );
    expect(catchmentText({ kind: 'district', level: 'stadtbezirk' }, () => 'Stadtbezirk')).toBe(
      'im übergeordneten Gebiet (Stadtbezirk): alle Gebiete darin teilen sich dessen Einrichtungen',
    );
    expect(catchmentText({ kind: 'distance', maxDistance: 1500 })).toBe(
      'im Umkreis von 1.500 m Weg (Luftlinie × 1,3); Plätze werden unter allen geteilt, die sie erreichen (2SFCA)',
    );
    expect(catchmentText({ kind: 'walking', maxDistance: 200, detour: 1.2 })).toBe(
      'Fußweg bis 200 m (Luftlinie × 1,2): Anteil der Bedarfsgruppe, die eine Einrichtung erreicht',
    );
    expect(
      catchmentText({ kind: 'fca', maxCost: 1000, method: '3sfca', decay: { kind: 'gravity', beta: 1 } }),
    ).toBe(
      '3SFCA bis 1.000 m Weg (Luftlinie × 1,3), Gewicht nimmt mit der Entfernung ab (Gravitation, β = 1)',
    );
    expect(
      catchmentText({ kind: 'fca', maxCost: 15, costs: { matrix: 3 }, decay: { kind: 'gaussian' } }),
    ).toBe('2SFCA bis 15 laut Reisezeitmatrix 3, Gewicht nimmt mit der Entfernung ab (Gauß)');
  });

  it('says what one person of the demand group needs, with weights and names', () => {
    const names = new Map([
      ['ew_u3', 'Kinder unter 3 Jahren'],
      ['ew_3_5', 'Kinder von 3 bis 5 Jahren'],
    ]);
    const name = (k: string) => names.get(k) ?? k;
    expect(
      factorText(
        { factor: 0.51, capacityUnit: 'Plätze', demand: ['ew_u3'], catchment: { kind: 'area' } },
        name,
      ),
    ).toBe('0,51 Plätze je Person der Bedarfsgruppe (Kinder unter 3 Jahren)');
    expect(
      factorText({
        factor: 1,
        capacityUnit: 'Plätze',
        demand: ['ew_u3', 'ew_3_5'],
        weights: [0.51, 0.97],
        catchment: { kind: 'area' },
      }),
    ).toBe('Plätze = 0,51 × ew_u3 + 0,97 × ew_3_5');
    expect(
      factorText({
        factor: 1,
        capacityUnit: 'm² Spielfläche',
        demand: ['ew_u6'],
        catchment: { kind: 'walking', maxDistance: 200 },
      }),
    ).toBe('Anteil der Bedarfsgruppe (ew_u6) mit einer Einrichtung in Reichweite');
  });

  it('says what counts as supply', () => {
    expect(supplyText({ capacityUnit: 'Plätze', supplyProperty: null })).toBe(
      'Kapazität der Einrichtungen (Plätze)',
    );
    expect(supplyText({ capacityUnit: 'Plätze', supplyProperty: 'plaetze_u3' })).toContain('„plaetze_u3“');
  });
});
