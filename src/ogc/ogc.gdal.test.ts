/**
 * The OGC API as another program reads it: GDAL's OAPIF driver (what QGIS uses too) against the
 * real app listening on loopback — it must find the collections, page through every area of a
 * level and read the same names, parents and values the API serves. GDAL (Debian `gdal-bin`)
 * is installed by .ci/run; where it is missing the test fails and says so, rather than pass unseen.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { OgcFeatureCollection } from './ogc.schema.ts';

const run = promisify(execFile);
const pglite = engines.find((e) => e.name === 'pglite')!;
// GDAL asks the server with its own HTTP client; the test process must stay free to answer,
// hence execFile (asynchronous), never spawnSync
const gdal = (tool: string, args: string[]) =>
  run(tool, args, {
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CPL_DEBUG: 'OFF', GDAL_HTTP_TIMEOUT: '60' },
  });

describe('OGC API read by GDAL (OAPIF driver)', () => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    const gdalVersion = spawnSync('ogrinfo', ['--version']);
    if (gdalVersion.status !== 0)
      throw new Error('ogrinfo is missing: install Debian gdal-bin (as .ci/run does) to run this test');
    ctx = await demoApp(pglite);
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    url = `OAPIF:http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/ogc`;
    dir = mkdtempSync(join(tmpdir(), 'lagebild-oapif-'));
  }, 300_000);
  afterAll(async () => {
    await ctx?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists every level as a layer with its areas', async () => {
    const { stdout, stderr } = await gdal('ogrinfo', ['-ro', '-al', '-so', url]);
    expect(stderr).not.toMatch(/ERROR/);
    const layers = [...stdout.matchAll(/^Layer name: (.*)$/gm)].map((m) => m[1]);
    expect(layers).toEqual(['stadt', 'stadtbezirk', 'sozialraum']);
    const counts = [...stdout.matchAll(/^Feature Count: (\d+)$/gm)].map((m) => Number(m[1]));
    const levels = (await ctx.app.inject('/api/areas/levels')).json<{ key: string; areaCount: number }[]>();
    expect(counts).toEqual(levels.map((l) => l.areaCount));
    expect(stdout).toMatch(/^Geometry: (Multi )?Polygon/m);
    expect(stdout).toMatch(/^name: String/m);
  }, 240_000);

  it('copies every area of a level with its properties (ogr2ogr to GeoJSON)', async () => {
    const out = join(dir, 'sozialraum.geojson');
    const { stderr } = await gdal('ogr2ogr', ['-f', 'GeoJSON', out, url, 'sozialraum']);
    expect(stderr).not.toMatch(/ERROR/);
    const copied = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    const served = (
      await ctx.app.inject('/ogc/collections/sozialraum/items?limit=10000')
    ).json<OgcFeatureCollection>();
    expect(copied.features).toHaveLength(served.numberMatched);
    const byKey = new Map(copied.features.map((f) => [f.properties.key, f]));
    for (const feature of served.features) {
      const read = byKey.get(feature.id);
      expect(read, feature.id).toBeDefined();
      expect(read!.geometry.type).toMatch(/Polygon$/);
      for (const [name, value] of Object.entries(feature.properties))
        if (typeof value === 'number')
          expect(read!.properties[name], `${feature.id} ${name}`).toBeCloseTo(value, 9);
        else expect(read!.properties[name] ?? null, `${feature.id} ${name}`).toEqual(value);
    }
  }, 240_000);
});
