// Sozialraumtypen and the compare view in a real browser against the demo city.
import { expect, test } from '@playwright/test';
import type { ClustersResult } from '../src/typology/typology.schema.ts';
import { MAP_READY, near, parseRgb, pngColours, type Rgb, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const isGrey = ([r, g, b]: Rgb) => Math.max(r, g, b) - Math.min(r, g, b) < 12;

test('the typology page draws the map in the type colours and lists k types with the criterion chart', async ({
  page,
}) => {
  await page.goto('/typologie?ebene=sozialraum&k=4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sozialraumtypen');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);

  // four types in the legend, the table of profiles and the area lists
  const legend = page.getByTestId('type-legend');
  await expect(legend.locator('[data-type]')).toHaveCount(4);
  await expect(legend.locator('[data-type="1"]')).toContainText(/^Typ 1: /);
  await expect(page.getByTestId('type-profiles').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('type-areas').locator('h3')).toHaveCount(4);
  await expect(page.getByTestId('typology-summary')).toContainText('4 Typen');

  // the criterion chart: one point per k = 2 … 8, the chosen k marked and named
  const chart = page.getByTestId('criterion-chart');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart).toHaveAttribute('data-k', '4');
  await expect(chart).toHaveAttribute('aria-label', /k = 2: Silhouette 0,\d{3}.*k = 8: .*Gewählt: k = 4\./);
  await expect(chart.locator('svg text', { hasText: 'gewählt: k = 4' })).toBeVisible();

  // the map shows the legend's type colours
  const { colours, total } = await pngColours(page, await page.getByTestId('map').screenshot());
  const fills = colours.filter(([rgb, n]) => n >= total * 0.002 && !isGrey(rgb)).map(([rgb]) => rgb);
  const swatches = await legend
    .locator('[data-type] .swatch')
    .evaluateAll((s) => s.map((x) => getComputedStyle(x).backgroundColor));
  const onMap = swatches.map(parseRgb).filter((c) => fills.some((f) => near(f, c, 12)));
  expect(onMap.length, `legend colours on the map: ${JSON.stringify(fills)}`).toBeGreaterThanOrEqual(3);

  // the public view leaves areas with secret values out and says why
  await expect(page.getByTestId('unassigned')).toContainText('geheim gehalten');

  // the address reproduces the view; changing k to auto gives the chosen k of the API
  await expect(page).toHaveURL(/k=4/);
  await expect(page).toHaveURL(/indikatoren=sgb2_quote/);
  await page.getByTestId('k-select').selectOption('auto');
  await expect(page).toHaveURL(/k=auto/);
  const shown = new URL(page.url()).searchParams;
  const query = new URLSearchParams({
    level: shown.get('ebene') ?? '',
    date: shown.get('stichtag') ?? '',
    indicators: shown.get('indikatoren') ?? '',
    k: 'auto',
  });
  const api = await page.request.get(`/api/typology/clusters?${query.toString()}`);
  expect(api.ok()).toBe(true);
  const auto = (await api.json()) as ClustersResult;
  await expect(legend.locator('[data-type]')).toHaveCount(auto.k);
  await expect(chart).toHaveAttribute('data-k', String(auto.k));
});

test('the compare view shows two areas side by side and comparable areas', async ({ page }) => {
  await page.goto('/vergleich?ebene=sozialraum&a=101&b=205');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebiete vergleichen');
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  const aName = (await page.getByTestId('compare-a').locator('option:checked').textContent()) ?? '';
  const bName = (await page.getByTestId('compare-b').locator('option:checked').textContent()) ?? '';
  await expect(page.getByTestId('compare-a-head')).toHaveText(aName);
  await expect(page.getByTestId('compare-b-head')).toHaveText(bName);

  // values of both areas in German number format, differences with sign, ranks „n von m“
  const row = table.locator('tbody tr[data-key="sgb2_quote"]');
  const cells = await row.locator('td').allTextContents();
  expect(cells[0]).toMatch(/^\d{1,3}(\.\d{3})*,\d$/);
  expect(cells[1]).toMatch(/^\d{1,3}(\.\d{3})*,\d$/);
  expect(cells[2]).toMatch(/^[+−±]\d+,\d\u00a0Pp\.$/);
  expect(cells[3]).toMatch(/^\d+ von \d+$/);
  expect(cells[4]).toMatch(/^\d+ von \d+$/);
  const a = Number(cells[0]!.replace(/\./g, '').replace(',', '.'));
  const b = Number(cells[1]!.replace(/\./g, '').replace(',', '.'));
  const diff = Number(
    cells[2]!
      .replace('−', '-')
      .replace('±', '')
      .replace(/[^\d,+-]/g, '')
      .replace(',', '.'),
  );
  expect(Math.abs(diff - (a - b))).toBeLessThanOrEqual(0.11);

  await expect(page.getByTestId('compare-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('compare-chart')).toHaveAttribute(
    'aria-label',
    new RegExp(`z-Werte von ${aName}`),
  );

  // comparable areas: a wide band finds some; choosing one makes it B
  await page.getByTestId('tolerance-input').fill('1,5');
  await expect(page).toHaveURL(/toleranz=1.5&/);
  const similar = page.getByTestId('similar-table').locator('tbody tr[data-key]');
  await expect(similar.first()).toBeVisible();
  const pick = await similar.first().getAttribute('data-key');
  await similar.first().getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`b=${pick}`));
  await expect(page.getByTestId('compare-b-head')).not.toHaveText(bName);

  // against the city: B is „Stadt“
  await page.getByTestId('compare-b').selectOption('stadt');
  await expect(page.getByTestId('compare-b-head')).toHaveText('Stadt');
});
