import { expect, test, type Page } from '@playwright/test';
import type { IndexDefinition, IndexResult } from '../src/indices/index.schema.ts';
import { login, MAP_READY, near, parseRgb, pngColours, type Rgb, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const isGrey = ([r, g, b]: Rgb) => Math.max(r, g, b) - Math.min(r, g, b) < 12;

async function openMonitoring(page: Page, query = ''): Promise<URLSearchParams> {
  await page.goto(`/monitoring${query}`);
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  return new URL(page.url()).searchParams;
}

async function result(page: Page, params: URLSearchParams): Promise<IndexResult> {
  const response = await page.request.get(
    `/api/indices/${params.get('index')}/result?level=${params.get('ebene')}&date=${params.get('stichtag')}`,
  );
  expect(response.ok()).toBe(true);
  return (await response.json()) as IndexResult;
}

test('shows the 4×3 status/dynamics matrix, the index map with legend and the area table', async ({
  page,
}) => {
  const params = await openMonitoring(page);
  const readyMs = await page.evaluate(() =>
    Math.round(performance.getEntriesByName('lagebild:drawn')[0]?.startTime ?? NaN),
  );
  console.log(`[bench] navigation → index map ready: ${readyMs} ms`);
  expect(params.get('index')).toBe('berlin_mss');
  expect(params.get('ebene')).toBe('sozialraum');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sozialmonitoring');

  const matrix = page.getByTestId('index-matrix');
  await expect(matrix).toBeVisible();
  const rowHeads = await matrix.locator('tbody th[scope=row]').allTextContents();
  expect(rowHeads).toEqual(['hoch (1)', 'mittel (2)', 'niedrig (3)', 'sehr niedrig (4)']);
  const colHeads = await matrix.locator('thead th[scope=col]').allTextContents();
  expect(colHeads).toEqual(['positiv (+)', 'stabil (+/-)', 'negativ (-)', 'Summe']);
  const cells = matrix.getByTestId('matrix-cell');
  await expect(cells).toHaveCount(12);
  const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));

  // the cells add up to the valid areas of the result the server computes
  const data = await result(page, params);
  const valid = data.areas.filter((a) => a.valid && a.code !== null).length;
  expect(valid).toBeGreaterThan(30);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(valid);
  await expect(matrix.getByTestId('matrix-total')).toHaveText(String(valid));
  // every cell count matches the areas with that code
  const codes = await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
  codes.forEach((cell, i) => {
    const [s, d] = cell.split('|');
    expect(counts[i], cell).toBe(data.areas.filter((a) => a.valid && a.code === `${s}${d}`).length);
  });
  // anonymous visitors see no inhabitants' shares
  await expect(matrix.locator('.index-matrix__share')).toHaveCount(0);

  await expect(page.getByTestId('index-summary')).toContainText(`Von ${data.areas.length} Sozialräumen`);

  // the map: a canvas, drawn in the legend colours
  await expect(page.locator('[data-testid=map] canvas')).toHaveAttribute('aria-label', /Karte: .*Sozialraum/);
  const legend = page.getByTestId('index-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('sehr niedrig');
  await expect(legend).toContainText('ungültig');
  const { colours, total } = await pngColours(page, await page.getByTestId('map').screenshot());
  const fills = colours.filter(([rgb, n]) => n >= total * 0.002 && !isGrey(rgb)).map(([rgb]) => rgb);
  const legendColours = await legend
    .locator('.legend__item[data-entry] .swatch')
    .evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
  const drawn = legendColours.map(parseRgb).filter((c) => fills.some((fill) => near(fill, c)));
  expect(drawn.length, `legend colours on the map: ${JSON.stringify(fills)}`).toBeGreaterThanOrEqual(2);

  // the table: every area, names linking to their profiles; robustness arrives after the map
  const table = page.getByTestId('index-table');
  await expect(table.locator('tbody tr')).toHaveCount(data.areas.length);
  const first = table.locator('tbody tr').first().getByRole('link');
  await expect(first).toHaveAttribute('href', /^\/gebiete\/sozialraum\//);
  await expect(legend.getByTestId('legend-not-robust')).toContainText(/\d+ Gebiet/, SLOW);
  await expect(table.locator('tbody tr td.num').nth(2)).toHaveText(/^\d+ \(\d+–\d+\)$|^–$/);
  await expect(page.getByTestId('index-summary')).toContainText('robust');
});

test('clicking a matrix cell selects its areas on the map and in the table', async ({ page }) => {
  await openMonitoring(page);
  const cells = page.getByTestId('matrix-cell');
  await expect(cells).toHaveCount(12);
  const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  const index = counts.findIndex((n) => n > 0 && n < 20);
  expect(index).toBeGreaterThanOrEqual(0);
  const cell = cells.nth(index);
  const key = (await cell.getAttribute('data-cell')) ?? '';
  const drawnBefore = await page.getByTestId('map').getAttribute('data-drawn');

  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('index-table').locator('tbody tr')).toHaveCount(counts[index] ?? -1);
  await expect(page).toHaveURL(new RegExp(`feld=${encodeURIComponent(key).replace(/[+]/g, '\\+')}`));
  // the map is recoloured for the selection
  await expect(page.getByTestId('map')).not.toHaveAttribute('data-drawn', drawnBefore ?? '');
  await expect(page.getByTestId('map')).toHaveAttribute(
    'data-drawn',
    new RegExp(`\\|${key.replace(/[|+/-]/g, '\\$&')}$`),
  );
  await expect(page.getByTestId('announcer')).toContainText('Ausgewählt');

  // the selection survives a reload (address)
  await page.reload();
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.locator(`[data-testid=matrix-cell][data-cell="${key}"]`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.getByRole('button', { name: 'Auswahl aufheben' }).click();
  await expect(page.getByTestId('index-table').locator('tbody tr')).toHaveCount(62);
});

test('a planner changes a weight in the index editor; the saved definition and the result change', async ({
  page,
}) => {
  await login(page, 'planer');
  const before = (await (await page.request.get('/api/indices/berlin_mss')).json()) as IndexDefinition;
  try {
    const params = await openMonitoring(page);
    const resultBefore = await result(page, params);
    // planners see the inhabitants' shares
    await expect(page.getByTestId('index-matrix').locator('.index-matrix__share').first()).toContainText('%');

    await page.getByTestId('index-list').getByRole('link', { name: 'Definition bearbeiten' }).first().click();
    await expect(page).toHaveURL(/\/monitoring\/indizes\/berlin_mss$/);
    const form = page.getByTestId('index-form');
    const weight = form.getByLabel('Teilindex 1, Indikator 1: Gewicht');
    await expect(weight).toHaveValue('1');

    // a German field error first
    await weight.fill('viel');
    await form.getByRole('button', { name: 'Speichern' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Teilindex 1, Indikator 1: Gewicht: Bitte eine Zahl angeben');
    await expect(weight).toHaveAttribute('aria-invalid', 'true');

    await weight.fill('3');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect(page).toHaveURL(/\/monitoring\?index=berlin_mss/);
    await expect(page.locator(MAP_READY)).toBeVisible(SLOW);

    const saved = (await (await page.request.get('/api/indices/berlin_mss')).json()) as IndexDefinition;
    expect(saved.parts[0]?.indicators[0]?.weight).toBe(3);
    expect({ ...saved, parts: saved.parts.map((p, i) => (i === 0 ? before.parts[0] : p)) }).toEqual(before);
    const resultAfter = await result(page, params);
    const changed = resultAfter.areas.filter(
      (a, i) => a.parts.status?.index !== resultBefore.areas[i]?.parts.status?.index,
    );
    expect(changed.length).toBeGreaterThan(0);
  } finally {
    await page.request.put('/api/indices/berlin_mss', { data: before });
  }
});

test('visitors see an index definition read-only', async ({ page }) => {
  await page.goto('/monitoring/indizes/berlin_mss');
  await expect(page.getByTestId('index-read-only')).toBeVisible();
  const weight = page.getByLabel('Teilindex 1, Indikator 1: Gewicht');
  await expect(weight).toHaveValue(/^\d/);
  // inside the disabled fieldset: no control can be changed
  await expect(weight).toBeDisabled();
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Speichern' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export (JSON)' })).toBeEnabled();
});

test('a planner creates an index from a template, exports it and deletes it', async ({ page }) => {
  await login(page, 'planer');
  await page.goto('/monitoring/indizes/neu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neuer Index');
  await page.getByLabel('Vorlage übernehmen').selectOption('muenster_status');
  const form = page.getByTestId('index-form');
  await expect(form.getByLabel('Teilindex 1, Indikator 3: Code')).toHaveValue('S3');
  await form.getByLabel('Schlüssel').fill('test_status');
  await form.getByLabel('Name', { exact: true }).fill('Test-Statusindex');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('index-test_status.json');

  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(/\/monitoring\?index=test_status/);
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  // one part: a column of four classes
  await expect(page.getByTestId('matrix-cell')).toHaveCount(4);
  await expect(page.getByTestId('index-matrix').locator('th[scope=row]').first()).toHaveText('hoch (1)');

  await page.goto('/monitoring/indizes/test_status');
  await page.getByRole('button', { name: 'Löschen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page).toHaveURL(/\/monitoring(\?|$)/);
  expect((await page.request.get('/api/indices/test_status')).status()).toBe(404);
});
