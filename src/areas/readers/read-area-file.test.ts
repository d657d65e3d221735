import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AreaIndex } from '../../geo/area-index.ts';
import type { AreaFile } from './area-file.ts';
import { readAreaFile } from './read-area-file.ts';

const DATA = resolve(process.cwd(), '../shared/data');
const BERLIN = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KOELN = `${DATA}/koeln-stadtteile/Stadtteil.shp`;

describe('Berlin LOR 2021 Planungsräume (EPSG:25833)', () => {
  let berlin: AreaFile;
  beforeAll(async () => {
    const t = performance.now();
    berlin = await readAreaFile(BERLIN, { idField: 'PLR_ID', nameField: 'PLR_NAME' });
    console.log(`Berlin read: ${(performance.now() - t).toFixed(0)} ms`);
  });

  it('reads all 542 PLR with 8-digit keys (leading zeros kept)', () => {
    expect(berlin.areas).toHaveLength(542);
    expect(berlin.crs).toBe('EPSG:25833');
    expect(berlin.fields).toEqual(['PLR_ID', 'PLR_NAME', 'BEZ', 'STAND', 'GROESSE_M2']);
    expect(berlin.fileHash).toMatch(/^[0-9a-f]{64}$/);
    for (const a of berlin.areas) expect(a.key).toMatch(/^\d{8}$/);
    expect(berlin.areas.filter((a) => a.key.startsWith('0')).length).toBeGreaterThan(100);
    expect(berlin.areas.find((a) => a.key === '11501341')?.name).toBe('Karlshorst Süd');
  });

  it('matches GROESSE_M2 (true ellipsoidal area) within 0.01 % for every PLR', () => {
    const errors = berlin.areas.map((a) => Math.abs(a.areaM2 / (a.properties.GROESSE_M2 as number) - 1));
    const max = Math.max(...errors);
    console.log(`Berlin max relative area error vs GROESSE_M2: ${max.toExponential(2)}`);
    expect(max).toBeLessThan(1e-4);
  });

  it('stores WGS84 geometry wound as RFC 7946 asks, with no repairs needed', () => {
    for (const a of berlin.areas) {
      expect(a.repairs).toEqual([]);
      const [lon, lat] = (
        a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates[0]!
      )[0]![0]!;
      expect(lon).toBeGreaterThan(13.08);
      expect(lon).toBeLessThan(13.77);
      expect(lat).toBeGreaterThan(52.33);
      expect(lat).toBeLessThan(52.68);
    }
  });

  it('locates 1,000,000 points quickly (printed, not asserted)', () => {
    const index = new AreaIndex(berlin.areas.map((a) => ({ key: a.key, geometry: a.geometry })));
    const points = new Float64Array(2_000_000);
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < points.length; i += 2) {
      points[i] = 13.08 + random() * 0.69;
      points[i + 1] = 52.33 + random() * 0.35;
    }
    const t = performance.now();
    const keys = index.locateMany(points);
    const ms = performance.now() - t;
    const hits = keys.filter((k) => k !== null).length;
    console.log(`AreaIndex: 1,000,000 points × 542 PLR in ${ms.toFixed(0)} ms (${hits} inside Berlin)`);
    // Berlin covers ~892 km² of the ~1,800 km² box.
    expect(hits / 1_000_000).toBeGreaterThan(0.4);
    expect(hits / 1_000_000).toBeLessThan(0.6);
    const gate = index.locate(13.377704, 52.516275); // Brandenburger Tor
    expect(berlin.areas.find((a) => a.key === gate)?.name).toBe('Unter den Linden');
  });
});

describe('Köln Stadtteile (UTM 32N with false easting 2,500,000, no .cpg)', () => {
  let koeln: AreaFile;
  beforeAll(async () => {
    koeln = await readAreaFile(KOELN);
  });

  it('guesses STT_NR as key and STT_NAME as name', () => {
    expect(koeln.idField).toBe('STT_NR');
    expect(koeln.nameField).toBe('STT_NAME');
    expect(koeln.areas).toHaveLength(86);
    expect(koeln.crs).toContain('+x_0=2500000');
  });

  it('puts all 86 Stadtteile inside Köln’s bounding box', () => {
    const positions = koeln.areas.flatMap((a) =>
      (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates).flat(2),
    );
    const lons = positions.map((p) => p[0]!);
    const lats = positions.map((p) => p[1]!);
    expect(Math.min(...lons)).toBeGreaterThan(6.77);
    expect(Math.max(...lons)).toBeLessThan(7.17);
    expect(Math.min(...lats)).toBeGreaterThan(50.83);
    expect(Math.max(...lats)).toBeLessThan(51.09);
  });

  it('decodes umlauts (Windows-1252 dbf)', () => {
    const names = koeln.areas.map((a) => a.name);
    expect(names).toContain('Mülheim');
    expect(names).toContain('Höhenberg');
    expect(names).toContain('Weiß');
    expect(names.join()).not.toContain('\uFFFD');
  });

  it('locates the Dom in Altstadt/Nord', () => {
    const index = new AreaIndex(koeln.areas.map((a) => ({ key: a.key, geometry: a.geometry })));
    const key = index.locate(6.9583, 50.9413);
    expect(koeln.areas.find((a) => a.key === key)?.name).toBe('Altstadt/Nord');
  });
});
