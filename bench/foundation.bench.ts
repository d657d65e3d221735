/**
 * Targets: cold start, Berlin shapefile import, display geometry size, atlas timings.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { importAreas, levelGeojson } from '../src/areas/area.service.ts';
import { readAreaFile } from '../src/areas/readers/index.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { record, timeMedian } from './harness.ts';
import { startServer } from './server-process.ts';

const berlinShp = resolve('../shared/data/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp');

export async function benchFoundation(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-'));
  try {
    await startAndAtlas(join(dir, 'demo-db'));
    await berlinImport();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function startAndAtlas(dbDir: string) {
  // First ever start: PGlite initdb, migrations and the generated demo city.
  const first = await startServer(dbDir, 3931);
  record({
    name: 'first start on an empty database (incl. demo city)',
    value: first.firstPageMs,
    unit: 'ms',
    note: 'no target',
  });
  await first.stop();
  const cold = await startServer(dbDir, 3931);
  record({
    name: 'cold start to first served page (embedded db)',
    value: cold.firstPageMs,
    unit: 'ms',
    target: 5000,
  });
  try {
    const demoGeo = await fetch(`${cold.url}/api/areas/geojson?level=sozialraum`).then((r) =>
      r.arrayBuffer(),
    );
    record({
      name: 'display geometry demo city, 62 areas (gzip)',
      value: gzipSync(Buffer.from(demoGeo)).length / 1024,
      unit: 'KB',
    });
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const firstMap: number[] = [];
      const switches: number[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const t0 = performance.now();
        await page.goto(`${cold.url}/`);
        await page.waitForSelector('[data-testid=map][data-ready=true]', { timeout: 30_000 });
        firstMap.push(performance.now() - t0);
        const select = page.getByLabel('Indikator', { exact: true });
        const options = await select
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        const current = await select.inputValue();
        for (const value of options.filter((o) => o !== current).slice(0, 5)) {
          const before = await page.getAttribute('[data-testid=map]', 'data-drawn');
          await select.selectOption(value);
          await page.waitForFunction(
            (b) => document.querySelector('[data-testid=map]')?.getAttribute('data-drawn') !== b,
            before,
          );
          // In-page time from the selection to the recoloured map ('idle' after the colours were
          // set), from the app's performance marks: no Playwright round trips in the figure.
          switches.push(
            // (no named helpers inside: tsx would inject a __name() call the page does not have)
            await page.evaluate(
              () =>
                (performance.getEntriesByName('lagebild:drawn').at(-1)?.startTime ?? NaN) -
                (performance.getEntriesByName('lagebild:select').at(-1)?.startTime ?? NaN),
            ),
          );
        }
        await page.close();
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      record({
        name: 'atlas: first map drawn after navigation (median of 5)',
        value: median(firstMap),
        unit: 'ms',
        target: 1500,
      });
      record({
        name: 'atlas: switch indicator to recoloured (median of 25)',
        value: median(switches),
        unit: 'ms',
        target: 100,
        note: 'in-page: selection → map idle with new colours',
      });
    } finally {
      await browser.close();
    }
  } finally {
    await cold.stop();
  }
}

async function berlinImport() {
  const read = await timeMedian(5, () =>
    readAreaFile(berlinShp, { idField: 'PLR_ID', nameField: 'PLR_NAME' }),
  );
  record({ name: 'Berlin 542 PLR: read + validate shapefile', value: read, unit: 'ms' });
  const file = await readAreaFile(berlinShp, { idField: 'PLR_ID', nameField: 'PLR_NAME' });
  const db = await openDb('memory://');
  try {
    await migrate(db);
    const store = await timeMedian(5, () => importAreas(db, file, { level: 'planungsraum' }));
    record({ name: 'Berlin 542 PLR: store in PGlite (new Gebietsstand)', value: store, unit: 'ms' });
    record({
      name: 'Berlin 542 PLR: import total (read + store)',
      value: read + store,
      unit: 'ms',
      target: 2000,
    });
    const fc = await levelGeojson(db, 'planungsraum', 'display');
    record({
      name: 'Berlin 542 PLR: display geometry (gzip)',
      value: gzipSync(JSON.stringify(fc)).length / 1024,
      unit: 'KB',
      target: 400,
    });
  } finally {
    await db.close();
  }
}
