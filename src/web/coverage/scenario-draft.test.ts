import { describe, expect, it } from 'vitest';
import { changeInput, describeChange, emptyChange, parseCounts, type ChangeNames } from './scenario-draft.ts';

const names: ChangeNames = {
  type: (key) => (key === 'kita' ? { name: 'Kita', unit: 'Plätze' } : { name: key, unit: '' }),
  facility: (_type, key) => (key === 'kita-001' ? `Kita Sonnenschein (${key})` : key),
  area: (_level, key) => (key === '101' ? 'Altstadt' : key),
};

describe('parseCounts', () => {
  it('reads one pair a line', () => {
    expect(parseCounts('ew = 1200\new_u3: 60\n\new_u3 = 1,5')).toEqual({
      ok: true,
      population: { ew: 1200, ew_u3: 61.5 },
    });
    expect(parseCounts('ew = 1200\nviele Kinder')).toEqual({ ok: false, badLine: 2 });
    expect(parseCounts('ew = -3')).toEqual({ ok: false, badLine: 1 });
  });
});

describe('changeInput', () => {
  const empty = emptyChange('kita', 'sozialraum');

  it('asks for what each kind of change needs', () => {
    expect(changeInput(empty).problems).toEqual({
      name: 'Bitte ausfüllen.',
      capacity: 'Bitte eine Zahl ab 0 angeben.',
      lon: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
      lat: 'Bitte den Standort in der Karte setzen oder die Koordinaten eingeben.',
    });
    expect(changeInput({ ...empty, kind: 'capacity' }).problems).toEqual({
      facility: 'Bitte ausfüllen.',
      capacity: 'Bitte eine Zahl ab 0 angeben.',
    });
    expect(changeInput({ ...empty, kind: 'quarter', population: 'ew 12' }).problems).toEqual({
      area: 'Bitte ausfüllen.',
      population: 'Zeile 1: bitte „Variable = Anzahl“ angeben.',
    });
    expect(changeInput({ ...empty, kind: 'closure', facility: 'x', validFrom: '2030' }).problems).toEqual({
      validFrom: 'Bitte ein gültiges Datum angeben.',
    });
  });

  it('builds the change the server takes', () => {
    expect(
      changeInput({
        ...empty,
        name: 'Kita Neubau',
        capacity: '80',
        lon: '7,7',
        lat: '51,63',
        properties: 'plaetze_u3 = 20',
      }).change,
    ).toEqual({
      kind: 'opening',
      type: 'kita',
      name: 'Kita Neubau',
      capacity: 80,
      properties: { plaetze_u3: 20 },
      lon: 7.7,
      lat: 51.63,
    });
    expect(
      changeInput({ ...empty, kind: 'closure', facility: 'kita-001', validFrom: '2026-08-01' }).change,
    ).toEqual({
      kind: 'closure',
      type: 'kita',
      facility: 'kita-001',
      validFrom: '2026-08-01',
    });
    expect(
      changeInput({ ...empty, kind: 'quarter', area: '101', population: 'ew = 1200\new_u3 = 60' }).change,
    ).toEqual({
      kind: 'quarter',
      level: 'sozialraum',
      area: '101',
      population: { ew: 1200, ew_u3: 60 },
    });
  });
});

describe('describeChange', () => {
  it('says each change in German', () => {
    expect(
      describeChange(
        { id: 1, kind: 'opening', type: 'kita', name: 'Kita Neubau', capacity: 80, lon: 7, lat: 51 },
        names,
      ),
    ).toBe('Kita „Kita Neubau“ mit 80 Plätze, von Beginn an');
    expect(
      describeChange(
        { id: 2, kind: 'closure', type: 'kita', facility: 'kita-001', validFrom: '2026-08-01' },
        names,
      ),
    ).toBe('Kita Kita Sonnenschein (kita-001) schließt, ab 01.08.2026');
    expect(
      describeChange(
        {
          id: 3,
          kind: 'capacity',
          type: 'kita',
          facility: 'kita-001',
          capacity: 95,
          properties: { plaetze_u3: 30 },
        },
        names,
      ),
    ).toBe('Kita Kita Sonnenschein (kita-001): neue Kapazität 95 Plätze (plaetze_u3 30), von Beginn an');
    expect(
      describeChange(
        { id: 4, kind: 'quarter', level: 'sozialraum', area: '101', population: { ew: 1200, ew_u3: 60 } },
        names,
      ),
    ).toBe('Wohnquartier in Altstadt: ew +1.200, ew_u3 +60, von Beginn an');
  });
});
