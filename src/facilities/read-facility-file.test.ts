import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAddress, readFacilityFiles } from './read-facility-file.ts';

const BERLIN_KITAS = '../shared/data/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson';
const file = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

describe('readFacilityFiles on Berlin’s Kitas (GeoJSON, EPSG:25833 named in „crs“)', () => {
  const result = readFacilityFiles([{ name: 'kitas.geojson', data: readFileSync(BERLIN_KITAS) }]);

  it('reads all 2,880 Kitas with their licensed places, Träger and address', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.crs).toBe('EPSG:25833');
    expect(result.choice).toEqual({
      idField: 'e_nr',
      nameField: 'e_name',
      capacityField: 'e_platz',
      carrierField: 't_name',
      addressFields: ['e_strasse', 'e_hnr', 'e_plz', 'e_ort'],
    });
    expect(result.facilities).toHaveLength(2880);
    expect(result.facilities.reduce((s, f) => s + (f.capacity ?? 0), 0)).toBe(194979);
    const first = result.facilities[0]!;
    expect(first).toMatchObject({
      key: '01010010',
      name: 'Kita F.A.I.R.play',
      capacity: 69,
      address: 'Albrechtstr. 20, 10117 Berlin',
    });
    expect(first.carrier).toMatch(/^GFJ/);
    // Albrechtstraße, Berlin-Mitte
    expect(first.lon).toBeCloseTo(13.383, 2);
    expect(first.lat).toBeCloseTo(52.522, 2);
  });
});

describe('readFacilityFiles on a Shapefile written by GDAL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-facility-shp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the points with .prj and .cpg as ogr2ogr writes them', () => {
    execFileSync('ogr2ogr', [
      '-f',
      'ESRI Shapefile',
      '-lco',
      'ENCODING=UTF-8',
      join(dir, 'kitas.shp'),
      BERLIN_KITAS,
    ]);
    const files = readdirSync(dir).map((name) => ({ name, data: readFileSync(join(dir, name)) }));
    const result = readFacilityFiles(files, { idField: 'e_nr', capacityField: 'e_platz' });
    expect(result.crs).toBe('EPSG:25833');
    expect(result.facilities).toHaveLength(2880);
    expect(result.facilities.reduce((s, f) => s + (f.capacity ?? 0), 0)).toBe(194979);
    expect(result.facilities.find((f) => f.key === '01010010')?.name).toBe('Kita F.A.I.R.play');
  });
});

describe('readFacilityFiles on CSV lists', () => {
  it('reads lon/lat columns with a decimal comma and a semicolon', () => {
    const result = readFacilityFiles([
      file(
        'kitas.csv',
        'Nr;Name;Plätze;Träger;lon;lat\n' +
          '1;Kita Sonnenschein;45;AWO;6,9583;50,9413\n' +
          '2;Kita Regenbogen;;Stadt;6,96;50,94\n',
      ),
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'Plätze',
        code: 'import.capacity_empty',
        severity: 'warning',
      }),
    ]);
    expect(result.crs).toBe('EPSG:4326');
    expect(result.facilities.map((f) => [f.key, f.capacity, f.carrier, f.lon])).toEqual([
      ['1', 45, 'AWO', 6.9583],
      ['2', null, 'Stadt', 6.96],
    ]);
  });

  it('reads projected coordinates with the CRS given', () => {
    const result = readFacilityFiles(
      [file('pflege.csv', 'id,name,betten,rechtswert,hochwert\nP1,Haus am Park,80,356000,5645000\n')],
      { crs: 'EPSG:25832' },
    );
    expect(result.facilities[0]!.lon).toBeCloseTo(6.96, 1);
    expect(result.facilities[0]!.capacity).toBe(80);
  });

  it('reports every bad row with row, field and problem, and keeps none of them', () => {
    const result = readFacilityFiles([
      file(
        'kitas.csv',
        'Nr;Name;Plätze;lon;lat\n' +
          '1;A;viele;6,95;50,94\n' +
          '2;B;-5;6,95;50,94\n' +
          '1;C;10;6,95;50,94\n' +
          ';D;10;6,95;50,94\n' +
          '5;E;10;Dom;50,94\n' +
          '6;F;10;6,95\n' +
          '7;G;10;6,95;50,94\n',
      ),
    ]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'Plätze', 'import.capacity_not_number'],
      [3, 'Plätze', 'import.capacity_negative'],
      [4, 'Nr', 'import.duplicate_key'],
      [5, 'Nr', 'import.empty_key'],
      [6, 'lon', 'import.coordinate_text'],
      [7, null, 'import.column_count'],
    ]);
    expect(errors[0]!.message).toBe(
      '„kitas.csv“, Zeile 2 (Nr. „1“), Feld „Plätze“: Die Kapazität „viele“ ist keine Zahl.',
    );
    expect(errors[2]!.message).toContain('steht schon in Zeile 2');
    expect(result.facilities.map((f) => f.key)).toEqual(['7']);
  });

  it('refuses a list without coordinate columns, naming the columns it has', () => {
    expect(() => readFacilityFiles([file('a.csv', 'Nr;Name;Strasse\n1;A;Hauptstr. 1\n')])).toThrow(
      /Keine Spalten mit Koordinaten.*„Strasse“/,
    );
  });

  it('refuses polygons where points are expected', () => {
    const polygon = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 1 },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    });
    expect(() => readFacilityFiles([file('a.geojson', polygon)])).toThrow(/eine Fläche, kein Punkt/);
  });
});

describe('formatAddress', () => {
  it('puts a comma before the postcode', () => {
    expect(formatAddress(['Hauptstr.', '1', '50667', 'Köln'])).toBe('Hauptstr. 1, 50667 Köln');
    expect(formatAddress([null, 'Am Markt 3'])).toBe('Am Markt 3');
  });
});
