/**
 * The page „Prognose“: a planner reads the population projection of the areas from the Datenstand,
 * chooses 2040 as the horizon and sees its column, and reads the care plan of the city; a visitor
 * reads that projections are internal and sees no table.
 */
import { expect, test } from '@playwright/test';
import type { AreaCollection, AppConfig } from '../src/web/api.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

test('a planner reads the projection of every area and the care plan of the city', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'planer');
  const config = (await (await page.request.get('/api/config')).json()) as AppConfig;
  const level = config.defaultLevel;
  if (!level) throw new Error('the demo city has no default level');
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${level}`)
  ).json()) as AreaCollection;
  const names = areas.features.map((f) => f.properties.name);
  expect(names.length).toBeGreaterThan(0);

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Prognose' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prognose');
  await expect(nav.getByRole('link', { name: 'Prognose' })).toHaveAttribute('aria-current', 'page');

  const table = page.getByTestId('projection-table');
  await expect(table.locator('tbody tr')).toHaveCount(names.length, SLOW);
  for (const name of names) await expect(table.locator('tbody th', { hasText: name }).first()).toBeVisible();
  await expect(table.locator('caption')).toContainText('Prognose – gerundet, mit Unsicherheit');
  await expect(page.getByTestId('projection-method')).toContainText('Methode:');
  await expect(page.getByTestId('projection-chart').locator('svg')).toBeVisible(SLOW);
  // every shown number is rounded to tens
  const cells = await table.locator('tbody td').allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) expect(c.trim()).toMatch(/^(–|[\d.]*0)$/);

  await page.getByTestId('horizon-select').selectOption('2030');
  await expect(table.locator('thead th[data-year="2035"]')).toHaveCount(0, SLOW);
  await page.getByTestId('horizon-select').selectOption('2040');
  await expect(table.locator('thead th[data-year="2040"]')).toHaveText('2040', SLOW);
  await expect(table.locator('tbody tr')).toHaveCount(names.length);

  const care = page.getByTestId('care-table');
  await expect(care.locator('caption')).toContainText('31.12.2040', SLOW);
  const city = care.locator('tbody tr').first();
  await expect(city.locator('td')).toHaveCount(7);
  const need = (await city.locator('td').first().innerText()).replace(/\./g, '');
  expect(Number(need)).toBeGreaterThan(0);
  await expect(page.getByTestId('care-source')).toContainText('Quelle:');

  // rising care rates: more persons in need in the city than with constant rates
  await page.getByTestId('trend-select').selectOption({ label: 'steigen 1 % je Jahr' });
  await expect
    .poll(async () => Number((await city.locator('td').first().innerText()).replace(/\./g, '')), SLOW)
    .toBeGreaterThan(Number(need));

  await expectNoSeriousViolations(page, 'Prognose (planer)');
});

test('a visitor reads that projections are internal and sees no table', async ({ page }) => {
  await page.goto('/versorgung/prognose');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prognose');
  await expect(page.getByTestId('projection-internal')).toContainText('interne Planungsgrundlagen');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Prognose' }),
  ).toHaveCount(0);
  await expectNoSeriousViolations(page, 'Prognose (visitor)');
});
