/** The facility files: GeoJSON and German CSV, and the CSV read back by the facility import. */
import { describe, expect, it } from 'vitest';
import { facilitiesToCsv, facilitiesToGeojson } from './facility-export.ts';
import type { Facility, FacilityType } from './facility.schema.ts';
import { readFacilityFiles } from './read-facility-file.ts';

const SPIELPLATZ: FacilityType = {
  key: 'spielplatz',
  name: 'Spielplatz',
  capacityUnit: 'm² Spielfläche',
  description: '',
  sort: 60,
  capacityParts: [],
};

const facility = (changes: Partial<Facility>): Facility => ({
  id: 1,
  type: 'spielplatz',
  key: 'S1',
  name: 'Spielplatz Mauerpark',
  capacity: 3400.5,
  parts: {},
  carrier: 'Bezirksamt Pankow; Straßen- und Grünflächenamt',
  address: 'Gleimstr. 55, 10437 Berlin',
  lon: 13.4024317,
  lat: 52.5434,
  area: '03701658',
  validFrom: '2020-05-01',
  validTo: null,
  status: 'in Betrieb',
  ...changes,
});

const list = [
  facility({}),
  facility({
    id: 2,
    key: 'S2',
    name: '=Spielplatz "Am Wall"',
    capacity: null,
    carrier: null,
    area: null,
    status: 'geplant',
  }),
];

describe('facility exports', () => {
  it('writes GeoJSON points with German fields', () => {
    const fc = facilitiesToGeojson(list, SPIELPLATZ);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      id: 'S1',
      geometry: { type: 'Point', coordinates: [13.4024317, 52.5434] },
      properties: {
        Nummer: 'S1',
        Name: 'Spielplatz Mauerpark',
        Art: 'Spielplatz',
        Kapazität: 3400.5,
        Einheit: 'm² Spielfläche',
        Träger: 'Bezirksamt Pankow; Straßen- und Grünflächenamt',
        Adresse: 'Gleimstr. 55, 10437 Berlin',
        Gebiet: '03701658',
        Status: 'in Betrieb',
        'gültig ab': '2020-05-01',
        'gültig bis': null,
      },
    });
  });

  it('writes German CSV that quotes separators and neutralises formulas', () => {
    const lines = facilitiesToCsv(list, SPIELPLATZ).split('\r\n');
    expect(lines[1]).toBe(
      'S1;Spielplatz Mauerpark;Spielplatz;3400,5;m² Spielfläche;"Bezirksamt Pankow; Straßen- und Grünflächenamt";' +
        'Gleimstr. 55, 10437 Berlin;13,4024317;52,5434;03701658;in Betrieb;2020-05-01;',
    );
    expect(lines[2]).toBe(
      `S2;"'=Spielplatz ""Am Wall""";Spielplatz;;m² Spielfläche;;Gleimstr. 55, 10437 Berlin;13,4024317;52,5434;;geplant;2020-05-01;`,
    );
  });

  it('gives a CSV the facility import reads back', () => {
    const csv = facilitiesToCsv([list[0]!], SPIELPLATZ);
    const read = readFacilityFiles([{ name: 'export.csv', data: new TextEncoder().encode(csv) }]);
    expect(read.problems).toEqual([]);
    expect(read.choice).toMatchObject({
      idField: 'Nummer',
      nameField: 'Name',
      capacityField: 'Kapazität',
      carrierField: 'Träger',
    });
    expect(read.facilities[0]).toMatchObject({
      key: 'S1',
      name: 'Spielplatz Mauerpark',
      capacity: 3400.5,
      carrier: 'Bezirksamt Pankow; Straßen- und Grünflächenamt',
      address: 'Gleimstr. 55, 10437 Berlin',
      lon: 13.4024317,
      lat: 52.5434,
    });
  });
});
