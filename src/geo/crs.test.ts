import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { resolveCrs } from './crs.ts';
import { parseEpsgCode } from './epsg.ts';

const DATA = resolve(process.cwd(), '../shared/data');
const BERLIN_PRJ = readFileSync(`${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.prj`, 'utf8');
const KOELN_PRJ = readFileSync(`${DATA}/koeln-stadtteile/Stadtteil.prj`, 'utf8');

function thrown(fn: () => unknown): LagebildError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LagebildError) return e;
    throw e;
  }
  throw new Error('expected a LagebildError');
}

describe('parseEpsgCode', () => {
  it.each([
    ['EPSG:25833', 25833],
    ['epsg: 25832', 25832],
    ['4326', 4326],
    ['urn:ogc:def:crs:EPSG::25832', 25832],
    ['http://www.opengis.net/def/crs/EPSG/0/3035', 3035],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 4326],
    ['+proj=utm +zone=32', null],
  ])('%s → %s', (text, code) => expect(parseEpsgCode(text)).toBe(code));
});

describe('resolveCrs', () => {
  it('recognises Berlin’s ESRI WKT as EPSG:25833 (Brandenburger Tor)', () => {
    const crs = resolveCrs({ prj: BERLIN_PRJ, fileName: 'lor.shp' });
    expect(crs.label).toBe('EPSG:25833');
    // 13.377704 E, 52.516275 N is 33U 389918 5819699 (UTM 33N, GRS80).
    const [x, y] = crs.fromWgs84(13.377704, 52.516275);
    expect(Math.abs(x - 389_918)).toBeLessThan(1);
    expect(Math.abs(y - 5_819_699)).toBeLessThan(1);
  });

  it('honours the false easting 2,500,000 of Köln’s compound WKT (Dom)', () => {
    const crs = resolveCrs({ prj: KOELN_PRJ, fileName: 'Stadtteil.shp' });
    expect(crs.label).toMatch(/^WGS_1984_UTM_Zone_32N \(.*\+x_0=2500000/);
    const [x, y] = crs.fromWgs84(6.9583, 50.9413);
    expect(x).toBeGreaterThan(2_356_000);
    expect(x).toBeLessThan(2_357_000);
    const [lon, lat] = crs.toWgs84(x, y);
    expect(lon).toBeCloseTo(6.9583, 9);
    expect(lat).toBeCloseTo(50.9413, 9);
  });

  it('lets --crs win over the .prj', () => {
    expect(resolveCrs({ prj: KOELN_PRJ, crs: 'EPSG:25832', fileName: 'a.shp' }).label).toBe('EPSG:25832');
  });

  it('has the zone-prefixed UTM systems 4647 and 5650', () => {
    const [x32] = resolveCrs({ crs: 'EPSG:25832', fileName: 'a' }).fromWgs84(7, 51);
    const [x4647] = resolveCrs({ crs: 'EPSG:4647', fileName: 'a' }).fromWgs84(7, 51);
    expect(x4647 - x32).toBeCloseTo(32_000_000, 3);
    const [x33] = resolveCrs({ crs: 'EPSG:25833', fileName: 'a' }).fromWgs84(13, 52);
    const [x5650] = resolveCrs({ crs: 'EPSG:5650', fileName: 'a' }).fromWgs84(13, 52);
    expect(x5650 - x33).toBeCloseTo(33_000_000, 3);
  });

  it.each([4326, 3857, 25832, 25833, 32632, 32633, 31466, 31467, 31468, 31469, 3035, 4647, 5650])(
    'EPSG:%i converts there and back',
    (code) => {
      const crs = resolveCrs({ crs: `EPSG:${code}`, fileName: 'a' });
      const [x, y] = crs.fromWgs84(10.5, 51.2);
      const [lon, lat] = crs.toWgs84(x, y);
      expect(lon).toBeCloseTo(10.5, 7);
      expect(lat).toBeCloseTo(51.2, 7);
    },
  );

  it('maps a Gauss-Krüger WKT onto EPSG:31467 with the DHDN datum shift', () => {
    const wkt =
      'PROJCS["DHDN_3_Degree_Gauss_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",' +
      'SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
      'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",3500000.0],PARAMETER["False_Northing",0.0],' +
      'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(resolveCrs({ prj: wkt, fileName: 'gk.shp' }).label).toBe('EPSG:31467');
  });

  it('takes lon/lat coordinates without .prj as WGS84', () => {
    expect(resolveCrs({ fileName: 'a.geojson', bbox: [6.7, 50.8, 7.2, 51.1] }).label).toBe('EPSG:4326');
  });

  it('refuses projected coordinates without CRS and asks for --crs', () => {
    const e = thrown(() => resolveCrs({ fileName: 'gebiete.shp', bbox: [370000, 5799520, 415786, 5837259] }));
    expect(e.code).toBe('import.crs_missing');
    expect(e.message).toContain('„gebiete.shp“');
    expect(e.message).toContain('--crs');
  });

  it.each<[string, { crs?: string; prj?: string }]>([
    ['EPSG:999999', { crs: 'EPSG:999999' }],
    ['garbage .prj', { prj: 'das ist kein WKT' }],
    ['broken WKT', { prj: 'PROJCS["foo"]' }],
  ])('refuses %s as import.unknown_crs', (_label, input) => {
    const e = thrown(() => resolveCrs({ ...input, fileName: 'gebiete.shp' }));
    expect(e.code).toBe('import.unknown_crs');
    expect(e.message).toContain('„gebiete.shp“');
    expect(e.message).toContain(input.crs ?? input.prj ?? '');
  });
});
