/**
 * Map classification in the atlas: method and class count change legend, table and map colours,
 * live in the address and survive a reload; the next indicator starts with its own default;
 * fixed breaks are typed with a decimal comma; planners save a default; maps with secret or
 * constant values still have a sensible legend; everything works from the keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Indicator, IndicatorValues } from '../src/indicators/indicator.schema.ts';
import { login, near, openAtlas, parseRgb, pngColours } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const legendClasses = (page: Page) => page.getByTestId('legend').getByTestId('legend-class');

/** Number of areas per class as the table shows them („2 von 5“), in class order. */
async function tableCounts(page: Page, classes: number): Promise<number[]> {
  const texts = await page
    .getByTestId('area-table')
    .locator('tbody td .class-cell')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  return Array.from(
    { length: classes },
    (_, i) => texts.filter((text) => text === `${i + 1} von ${classes}`).length,
  );
}

/** Number of areas per class as the legend states it („13 Gebiete“). */
async function legendCounts(page: Page): Promise<number[]> {
  const texts = await legendClasses(page)
    .locator('.legend__count')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  return texts.map((text) => Number(/^(\d+)/.exec(text)?.[1] ?? NaN));
}

test('natural breaks: the legend, table and map change, the address holds it, a reload keeps it', async ({
  page,
}) => {
  await openAtlas(page);
  const method = page.getByLabel('Klasseneinteilung', { exact: true });
  await expect(method).toHaveValue('quantile');
  await expect(page.getByLabel('Klassen', { exact: true })).toHaveValue('5');
  await expect(page.getByTestId('legend-method')).toContainText('5 Klassen · Quantile');
  const before = await legendClasses(page).allInnerTexts();
  expect(before).toHaveLength(5);

  await method.selectOption({ label: 'Natürliche Brüche (Jenks/ckmeans)' });
  await expect(page.getByTestId('legend-method')).toContainText('Natürliche Brüche (Jenks/ckmeans)');
  await expect(page).toHaveURL(/[?&]klassen=natural-5(&|$)/);
  await expect.poll(() => legendClasses(page).allInnerTexts()).not.toEqual(before);
  const counts = await legendCounts(page);
  expect(counts).toHaveLength(5);
  // the table (same colours as the map) agrees with the legend
  expect(await tableCounts(page, 5)).toEqual(counts);

  // the map is drawn in the legend colours of the new classes
  const legendColours = await legendClasses(page)
    .locator('.swatch')
    .evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
  await expect
    .poll(async () => {
      const { colours, total } = await pngColours(page, await page.getByTestId('map').screenshot());
      const fills = colours.filter(([, n]) => n >= total * 0.002).map(([rgb]) => rgb);
      return legendColours.map(parseRgb).filter((c) => fills.some((f) => near(f, c))).length;
    })
    .toBeGreaterThanOrEqual(3);

  await page.getByLabel('Klassen', { exact: true }).selectOption('3');
  await expect(legendClasses(page)).toHaveCount(3);
  await expect(page).toHaveURL(/[?&]klassen=natural-3(&|$)/);

  await page.reload();
  await expect(page.getByLabel('Klasseneinteilung', { exact: true })).toHaveValue('natural');
  await expect(page.getByLabel('Klassen', { exact: true })).toHaveValue('3');
  await expect(legendClasses(page)).toHaveCount(3);
  expect(await tableCounts(page, 3)).toEqual(await legendCounts(page));

  // another indicator starts with its own default again, and the address forgets the choice
  const indicator = page.getByLabel('Indikator', { exact: true });
  const other = await indicator
    .locator('option')
    .evaluateAll(
      (os, current) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== current),
      await indicator.inputValue(),
    );
  await indicator.selectOption(other as string);
  await expect(page.getByLabel('Klasseneinteilung', { exact: true })).toHaveValue('quantile');
  await expect(page).not.toHaveURL(/klassen=/);
  await expect(page.getByTestId('legend-method')).toContainText('Quantile');
});

test('fixed breaks are typed with a decimal comma, checked, and linked in the address', async ({ page }) => {
  await openAtlas(page, '/?indikator=sgb2_quote');
  await page.getByLabel('Klasseneinteilung', { exact: true }).selectOption('fixed');
  const breaks = page.getByLabel('Klassengrenzen');
  // starts from the breaks on screen
  await expect(breaks).not.toHaveValue('');
  await breaks.fill('20; 10');
  await breaks.press('Enter');
  await expect(breaks).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'aufsteigend' })).toBeVisible();

  await breaks.fill('10; 20,5');
  await breaks.press('Enter');
  await expect(breaks).not.toHaveAttribute('aria-invalid');
  await expect(legendClasses(page)).toHaveCount(3);
  const labels = await legendClasses(page).locator('.legend__label').allInnerTexts();
  expect(labels.map((l) => l.replace(/\u00a0/g, ' '))).toEqual([
    'bis 10,0 %',
    'über 10,0 bis 20,5 %',
    'über 20,5 %',
  ]);
  await expect(page).toHaveURL(/[?&]klassen=fixed:10;20\.5(&|$)/);
  expect(await tableCounts(page, 3)).toEqual(await legendCounts(page));

  // the link reproduces the view
  await page.goto(page.url());
  await expect(page.getByLabel('Klassengrenzen')).toHaveValue('10; 20,5');
  await expect(legendClasses(page)).toHaveCount(3);
});

test('a planner saves the classification as the indicator default; visitors cannot', async ({ page }) => {
  await openAtlas(page, '/?indikator=kinderarmut');
  await page.getByLabel('Klasseneinteilung', { exact: true }).selectOption('stddev');
  // the new classification is on screen: only now does the absent button say something
  await expect(page.getByTestId('legend-method')).toContainText('Standardabweichung');
  await expect(page.getByRole('button', { name: 'Als Standard speichern' })).toHaveCount(0);

  await login(page, 'planer');
  try {
    await openAtlas(page, '/?indikator=kinderarmut');
    await page.getByLabel('Klasseneinteilung', { exact: true }).selectOption('stddev');
    await page.getByLabel('Klassen', { exact: true }).selectOption('4');
    await expect(page.getByTestId('legend')).toContainText('< −1 SD');
    await page.getByRole('button', { name: 'Als Standard speichern' }).click();
    await expect(page.getByTestId('announcer')).toContainText('als Standard für');
    await expect(page.getByText('Standard dieses Indikators')).toBeVisible();

    // a fresh visit without the parameter starts with the saved default
    await openAtlas(page, '/?indikator=kinderarmut');
    await expect(page.getByLabel('Klasseneinteilung', { exact: true })).toHaveValue('stddev');
    await expect(page.getByLabel('Klassen', { exact: true })).toHaveValue('4');
    await expect(page.getByTestId('legend-method')).toContainText('Standardabweichung');
    await expect(page).not.toHaveURL(/klassen=/);
  } finally {
    // the other tests of this file expect the indicator's own default
    await page.request.patch('/api/indicators/kinderarmut', { data: { classification: null } });
  }
});

test('with secret values the legend keeps its classes and counts „geheim (·)“ and „keine Angabe“', async ({
  page,
  request,
}) => {
  const config = (await (await request.get('/api/config')).json()) as { dates: string[] };
  const indicators = (await (await request.get('/api/indicators')).json()) as { key: string }[];
  const date = config.dates.at(-1) as string;
  let found: { key: string; secret: number; missing: number } | null = null;
  for (const { key } of indicators) {
    const values = (await (
      await request.get(`/api/indicators/${key}/values?level=sozialraum&date=${date}`)
    ).json()) as IndicatorValues;
    const secret = values.values.filter((v) => v.status === 'secret').length;
    if (secret > 0) {
      found = { key, secret, missing: values.values.filter((v) => v.status === 'missing').length };
      break;
    }
  }
  // the demo city always has secret cells at the finest level (small areas, counts of 1 and 2)
  expect(found, 'a secret value on this level and date').not.toBeNull();
  if (!found) return;
  await openAtlas(page, `/?indikator=${found.key}&ebene=sozialraum&stichtag=${date}&klassen=natural-9`);
  const legend = page.getByTestId('legend');
  await expect(legend.getByTestId('legend-secret')).toHaveText(
    new RegExp(`geheim \\(·\\)\\s*${found.secret} Gebiet`),
  );
  await expect(legend.getByTestId('legend-missing')).toContainText('keine Angabe');
  await expect(legend.getByTestId('legend-missing')).toContainText(`${found.missing} Gebiet`);
  // the classes count every shown area, none of the secret ones
  const counts = await legendCounts(page);
  expect(counts.length).toBeGreaterThanOrEqual(2);
  expect(counts.reduce((a, b) => a + b, 0) + found.secret + found.missing).toBe(62);
});

test('constant values still draw one class with a legend „alle Gebiete: …“', async ({ page }) => {
  await login(page, 'planer');
  const base = (await (await page.request.get('/api/indicators/sgb2_quote')).json()) as Indicator;
  // a share of a count in itself: 100 % in every area
  const constant = {
    ...base,
    key: 'e2e_konstant',
    name: 'Konstanter Anteil (Test)',
    numerator: base.denominator as string,
    classification: { method: 'natural', classes: 5 },
  };
  expect((await page.request.post('/api/indicators', { data: constant })).status()).toBe(201);
  try {
    await openAtlas(page, '/?indikator=e2e_konstant');
    await expect(legendClasses(page)).toHaveCount(1);
    await expect(legendClasses(page)).toContainText(/alle Gebiete: 100,0\s%/);
    await expect(page.getByTestId('legend-note')).toHaveText('Alle Gebiete haben denselben Wert.');
    // the stored default applies, and every area is drawn in the one class
    await expect(page.getByLabel('Klasseneinteilung', { exact: true })).toHaveValue('natural');
    const [count] = await legendCounts(page);
    expect(count).toBeGreaterThan(50);
    expect(await tableCounts(page, 1)).toEqual([count]);
  } finally {
    await page.request.delete('/api/indicators/e2e_konstant');
  }
});

test('the classification is reachable and usable with the keyboard', async ({ page }) => {
  await openAtlas(page);
  await page.getByLabel('Indikator', { exact: true }).focus();
  const method = page.getByLabel('Klasseneinteilung', { exact: true });
  for (let i = 0; i < 10 && !(await method.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(method).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(method).toHaveValue('equal');
  await expect(page.getByTestId('legend-method')).toContainText('Gleiche Intervalle');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Klassen', { exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(legendClasses(page)).toHaveCount(4);
  await expect(page).toHaveURL(/[?&]klassen=equal-4(&|$)/);
  await expect(page.getByTestId('announcer')).toContainText('Klasseneinteilung: Gleiche Intervalle');
});
