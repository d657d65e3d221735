/**
 * Atlas analysis tools in the browser: linked charts, one highlight across chart, map and tables,
 * filters and selection in the address, statistics table download, Kennblatt PDF.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MAP_READY, near, openAtlas, pngColours, pointInsideArea, type Rgb, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const FILTERED_FILL = '#e4e7eb';
const FILTERED_RGB: Rgb = [0xe4, 0xe7, 0xeb];

/** Share of the map's pixels in the grey of filtered-out areas (what a person sees). */
async function greyShare(page: Page): Promise<number> {
  const { colours, total } = await pngColours(page, await page.getByTestId('map').screenshot());
  return colours.filter(([rgb]) => near(rgb, FILTERED_RGB, 1)).reduce((n, [, count]) => n + count, 0) / total;
}

/** Feature state of one area on the map (colour, hover, focus, selected, marked). */
const featureState = (page: Page, id: string): Promise<Record<string, unknown>> =>
  page.evaluate(
    (areaId) =>
      window.__lagebildMap!.getFeatureState({ source: 'areas', id: areaId }) as Record<string, unknown>,
    id,
  );

/** Scrolls to the analysis part (its charts are drawn once near the viewport) and waits for them. */
async function showCharts(page: Page): Promise<void> {
  await page.getByTestId('analysis').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-ranking').locator('svg')).toBeVisible();
}

/** Moves the pointer onto bar `index` of the ranking chart; returns the area name of that bar. */
async function hoverRankingBar(page: Page, index: number): Promise<string> {
  const chart = page.getByTestId('chart-ranking');
  await chart.scrollIntoViewIfNeeded();
  const { x, y, name } = await page.evaluate((i) => {
    const c = window.__lagebildCharts!.ranking!;
    const option = c.getOption() as {
      xAxis: { data: string[] }[];
      series: { data: { value: number }[] }[];
    };
    const value = option.series[0]!.data[i]!.value;
    const [px, py] = c.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 }, [i, value / 2]);
    return { x: px!, y: py!, name: option.xAxis[0]!.data[i]! };
  }, index);
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  return name;
}

test('draws the linked charts after the map; a bar pointed at is highlighted on the map and in the tables', async ({
  page,
}) => {
  await openAtlas(page);
  await showCharts(page);
  for (const name of ['ranking', 'histogram', 'boxplot', 'scatter'])
    await expect(page.getByTestId(`chart-${name}`).locator('svg')).toBeVisible();
  // the atlas opens without waiting for them: the first chart is drawn after the map (performance
  // marks of the app, kept after the fact – not the placeholder, which may be gone by now)
  const drawn = await page.evaluate(() => ({
    map: performance.getEntriesByName('lagebild:drawn')[0]?.startTime ?? Number.NaN,
    chart: performance.getEntriesByName('lagebild:chart')[0]?.startTime ?? Number.NaN,
  }));
  expect(drawn.chart, `first chart at ${drawn.chart} ms, map at ${drawn.map} ms`).toBeGreaterThan(drawn.map);
  // the ranking has a bar per area with a shown value, and the city line
  await expect(page.getByTestId('chart-ranking').locator('svg text', { hasText: /^Stadt / })).toBeVisible();
  await expect(page.getByTestId('scatter-fit')).toHaveText(/^r = -?\d,\d\d \(Pearson, n = \d+\) · y = /);

  const name = await hoverRankingBar(page, 0);
  const row = page.getByTestId('area-table').locator('tbody tr', { hasText: name });
  await expect(row).toHaveClass(/is-highlighted/);
  const id = await page.getByTestId('chart-histogram').getAttribute('data-highlight');
  expect(id).toBeTruthy();
  await expect(page.locator(`[data-testid=stat-table] tr[data-area-row="${id}"]`)).toHaveClass(
    /is-highlighted/,
  );
  await expect.poll(async () => (await featureState(page, id!)).focus).toBe(true);

  // and the other way round: an area pointed at on the map is highlighted in the charts
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await featureState(page, id!)).focus).toBeFalsy();
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  const spot = await pointInsideArea(page);
  const map = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(map.x + spot.x, map.y + spot.y);
  await expect(page.getByTestId('chart-ranking')).toHaveAttribute('data-highlight', spot.id);
  await expect(page.getByTestId('area-table').locator('tbody tr', { hasText: spot.name })).toHaveClass(
    /is-highlighted/,
  );

  // clicking an area opens it, and the radar shows its profile against the city
  await page.getByTestId('map').click({ position: { x: spot.x, y: spot.y } });
  await expect(page.getByTestId('chart-radar').locator('svg')).toBeVisible();
  await expect(page.getByTestId('chart-radar')).toHaveAttribute(
    'aria-label',
    new RegExp(`^Profil ${spot.name} `),
  );
});

test('filters by value range and district: greyed on the map, kept in the address and after reload', async ({
  page,
}) => {
  await openAtlas(page, '/?indikator=sgb2_quote&ebene=sozialraum');
  expect(await greyShare(page)).toBeLessThan(0.01);
  await page.getByTestId('filter-min').fill('10,5');
  await page.getByTestId('filter-min').press('Enter');
  await expect(page).toHaveURL(/[?&]von=10\.5(&|$)/);
  const status = page.getByTestId('filter-status');
  await expect(status).toHaveText(/^\d+ von 62 Gebieten angezeigt$/);
  const shown = Number((await status.textContent())!.split(' ')[0]);
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(62);

  // every area left in the table is ≥ 10,5; one that is not is greyed on the map
  const values = await page
    .getByTestId('area-table')
    .locator('tbody td.num')
    .evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace('.', '').replace(',', '.'))));
  expect(values).toHaveLength(shown);
  expect(values.every((v) => v >= 10.5)).toBe(true);
  const hidden = await page.evaluate(async () => {
    const response = await fetch('/api/indicators/sgb2_quote/values?level=sozialraum&date=2024-12-31');
    const all = (await response.json()) as { values: { id: string; value: number | null }[] };
    return all.values.find((v) => v.value !== null && v.value < 10.5)!.id;
  });
  await expect.poll(async () => (await featureState(page, hidden)).color).toBe(FILTERED_FILL);
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true');
  // greyed for real on screen: a good part of the map is the filter grey
  await expect.poll(() => greyShare(page)).toBeGreaterThan(0.05);

  // a district on top
  const parents = page.getByTestId('filter-parents');
  const first = parents.getByRole('checkbox').first();
  await first.check();
  await expect(page).toHaveURL(/[?&]bezirke=[^&]+/);
  const text = await status.textContent();
  await showCharts(page);
  const rankingBars = await page.evaluate(
    () =>
      (window.__lagebildCharts!.ranking!.getOption() as { series: { data: unknown[] }[] }).series[0]!.data
        .length,
  );
  expect(rankingBars).toBe(Number(text!.split(' ')[0]));

  await page.reload();
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('filter-min')).toHaveValue('10,5');
  await expect(page.getByTestId('filter-parents').getByRole('checkbox').first()).toBeChecked();
  await expect(page.getByTestId('filter-status')).toHaveText(text!);
  await expect.poll(async () => (await featureState(page, hidden)).color).toBe(FILTERED_FILL);
  await showCharts(page);

  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(page.getByTestId('filter-status')).toHaveText('Alle 62 Gebiete angezeigt');
  await expect(page).not.toHaveURL(/von=|bezirke=/);
});

test('a selection of areas gives its statistics table, lives in the address and downloads as CSV', async ({
  page,
}) => {
  await openAtlas(page, '/?indikator=sgb2_quote&ebene=sozialraum&vergleich=kinderarmut');
  await showCharts(page);
  await expect(page.getByTestId('scatter-indicator')).toHaveValue('kinderarmut');
  await page.getByTestId('map').scrollIntoViewIfNeeded();
  // Ctrl-click on the map adds the area under the pointer; the table's list adds another
  const spot = await pointInsideArea(page);
  await page.getByTestId('map').click({ position: { x: spot.x, y: spot.y }, modifiers: ['Control'] });
  await expect(page.getByTestId('stat-table-scope')).toHaveText('Auswahl: 1 Gebiet');
  await expect(page.getByTestId('side-panel')).toHaveCount(0); // added, not opened
  const add = page.getByTestId('stat-table-add');
  const other = add.locator('option').nth(1);
  const otherId = (await other.getAttribute('value'))!;
  const otherName = (await other.textContent())!;
  expect(otherId).not.toBe(spot.id);
  await add.selectOption(otherId);
  await expect(page.getByTestId('stat-table-scope')).toHaveText('Auswahl: 2 Gebiete');
  await expect(page).toHaveURL(new RegExp(`[?&]auswahl=${spot.id}(%2C|,)${otherId}(&|$)`));
  await expect.poll(async () => (await featureState(page, spot.id)).marked).toBe(true);

  const table = page.getByTestId('stat-table');
  await expect(table.locator('thead th')).toHaveText([
    'Gebiet',
    'SGB-II-Quote (%)',
    'Kinderarmut (SGB II unter 15) (%)',
    /Auswahl aufheben/,
  ]);
  await expect(table.locator('tbody tr[data-area-row]')).toHaveCount(2);
  await expect(table.locator('tr[data-row-kind=city] th')).toHaveText('Musterstadt (Gesamtstadt)');
  await expect(table.locator('tr[data-row-kind=parent]').first()).toContainText('(Stadtbezirk)');
  await expect(table.locator('tr[data-row-kind=target] th')).toHaveText('Zielwert');
  for (const td of await table.locator('td.num').allTextContents()) expect(td).toMatch(/^(-?\d+,\d|·|–)$/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('stat-table-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('statistik_sozialraum_2024-12-31.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(
    csv.startsWith('\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%);Kinderarmut (SGB II unter 15) (%)'),
  ).toBe(true);
  const lines = csv.split('\r\n');
  expect(lines[1]).toMatch(
    new RegExp(`^${spot.id};${spot.name};Sozialraum;(\\d+,\\d|·);(\\d+,\\d|·);2024-12-31;`),
  );
  expect(lines[2]).toMatch(new RegExp(`^${otherId};${otherName};Sozialraum;`));
  expect(csv).toContain(';Musterstadt;Gesamtstadt;');
  expect(csv).not.toContain('Zähler'); // anonymous visitor: no counts

  // the link reproduces the view
  const url = page.url();
  await page.goto('/indikatoren');
  await page.goto(url);
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await showCharts(page);
  await expect(page.getByTestId('stat-table-scope')).toHaveText('Auswahl: 2 Gebiete');
  await expect(page.getByTestId('scatter-indicator')).toHaveValue('kinderarmut');
});

test('the Kennblatt page links its PDF', async ({ page }) => {
  await page.goto('/indikatoren/sgb2_quote');
  const link = page.getByRole('link', { name: 'Kennblatt als PDF' });
  await expect(link).toHaveAttribute('href', '/api/analysis/sheet/sgb2_quote.pdf');
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
