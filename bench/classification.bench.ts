/**
 * Map classification: the classification itself (every method, Berlin's 542 areas and a
 * large 10,000-area case) and, in headless Chromium, the atlas recoloured after a change of method
 * and after a change of indicator with a classification chosen (target: ≤ 100 ms).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import type { ClassificationSpec } from '../src/classification/classification.schema.ts';
import { classify } from '../src/classification/classify.ts';
import type { Measurement } from './harness.ts';
import { startServer } from './server-process.ts';

const SPECS: ClassificationSpec[] = [
  { method: 'quantile', classes: 5 },
  { method: 'equal', classes: 5 },
  { method: 'natural', classes: 5 },
  { method: 'stddev', classes: 5 },
  { method: 'fixed', classes: 5, breaks: [-1, 1, 1.5] },
  { method: 'categorical', classes: 5 },
];

/** Deterministic, skewed values like a social indicator (a few areas with very high rates). */
function values(n: number): number[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => Math.round(-Math.log(1 - next()) * 80) / 10);
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

function timeSync(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchClassification(record: (m: Measurement) => void): Promise<void> {
  const berlin = values(542);
  const all = timeSync(51, () => {
    for (const spec of SPECS) classify(berlin, spec, { decimals: 1, unit: '%' });
  });
  record({
    name: 'classification: all 6 methods on 542 areas (labels incl.)',
    value: all,
    unit: 'ms',
    target: 10,
  });
  const large = values(10_000);
  record({
    name: 'classification: natural breaks, 9 classes, 10,000 areas',
    value: timeSync(11, () => classify(large, { method: 'natural', classes: 9 })),
    unit: 'ms',
  });
  await atlas(record);
}

/** In-page time from the last 'lagebild:select' mark to the last 'lagebild:drawn' mark. */
const lastSwitch = (page: Page) =>
  page.evaluate(
    () =>
      (performance.getEntriesByName('lagebild:drawn').at(-1)?.startTime ?? NaN) -
      (performance.getEntriesByName('lagebild:select').at(-1)?.startTime ?? NaN),
  );

async function atlas(record: (m: Measurement) => void) {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-classes-'));
  const server = await startServer(join(dir, 'db'), 3931);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const methodChanges: number[] = [];
    const indicatorChanges: number[] = [];
    for (let round = 0; round < 3; round++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}/?klassen=natural-7`);
      await page.waitForSelector('[data-testid=map][data-ready=true]', { timeout: 60_000 });
      const method = page.getByLabel('Klasseneinteilung', { exact: true });
      for (const next of ['quantile', 'equal', 'stddev', 'natural', 'equal']) {
        const marks = await page.evaluate(() => performance.getEntriesByName('lagebild:drawn').length);
        await method.selectOption(next);
        await page.waitForFunction((n) => performance.getEntriesByName('lagebild:drawn').length > n, marks);
        methodChanges.push(await lastSwitch(page));
      }
      const select = page.getByLabel('Indikator', { exact: true });
      const options = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      for (const value of options.filter((o) => o !== '').slice(1, 6)) {
        // a chosen classification on the current indicator, then the next indicator (its default)
        const drawn = await page.evaluate(() => performance.getEntriesByName('lagebild:drawn').length);
        await method.selectOption('natural');
        await page.waitForFunction((n) => performance.getEntriesByName('lagebild:drawn').length > n, drawn);
        // as a person would: look at the map for a moment (the atlas fetches neighbours meanwhile)
        await page.waitForTimeout(300);
        const before = await page.getAttribute('[data-testid=map]', 'data-drawn');
        await select.selectOption(value);
        await page.waitForFunction(
          (b) => document.querySelector('[data-testid=map]')?.getAttribute('data-drawn') !== b,
          before,
        );
        indicatorChanges.push(await lastSwitch(page));
      }
      await page.close();
    }
    record({
      name: `atlas: change of classification method to recoloured (median of ${methodChanges.length})`,
      value: median(methodChanges),
      unit: 'ms',
      target: 100,
      note: 'in-page: selection → map idle with new colours',
    });
    record({
      name: `atlas: switch indicator (classification chosen) to recoloured (median of ${indicatorChanges.length})`,
      value: median(indicatorChanges),
      unit: 'ms',
      target: 100,
      note: 'in-page: selection → map idle with new colours',
    });
  } finally {
    await browser.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
