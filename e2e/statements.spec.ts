/**
 * The page „Stellungnahmen“: a planner uploads a plan area, enters dwellings, previews the
 * computation, stores the statement and downloads it as PDF and Word; wrong input is named by
 * its field; visitors see no form.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AreaCollection } from '../src/web/api.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

/** The first area of the finest level as plan area (a real polygon of the demo city). */
async function planArea(page: Page): Promise<{ text: string; areaName: string }> {
  const config = (await (await page.request.get('/api/config')).json()) as { levels: { key: string }[] };
  const level = config.levels.at(-1)!.key;
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${level}`)
  ).json()) as AreaCollection;
  const first = areas.features[0]!;
  return { text: JSON.stringify(first.geometry), areaName: first.properties.name };
}

test('a visitor sees no statement form', async ({ page }) => {
  await page.goto('/versorgung/stellungnahmen');
  await expect(page.getByTestId('statements-needs-role')).toBeVisible(SLOW);
  await expect(page.getByTestId('statement-plan-file')).toHaveCount(0);
});

test('a planner previews, stores and downloads a statement', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'planer');
  const plan = await planArea(page);
  await page.goto('/versorgung/stellungnahmen');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Stellungnahmen zur Bauleitplanung' }),
  ).toBeVisible(SLOW);

  // nothing entered: every problem is named by its field
  await page.getByRole('button', { name: 'Speichern' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Name des Plans');
  await expect(summary).toContainText('Plangebiet');
  await expect(summary).toContainText('Wohneinheiten 1');

  await page.getByLabel('Name des Plans').fill('Wohnen am Mühlenbach');
  await page.getByLabel('Nummer des Plans (freiwillig)').fill('B-Plan Nr. 123');
  await page.getByTestId('statement-plan-file').setInputFiles({
    name: 'plangebiet.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(plan.text),
  });
  await page.getByLabel('Wohneinheiten 1').fill('120');
  await page.getByRole('button', { name: 'Zeile hinzufügen' }).click();
  await page.getByLabel('Wohnform 2').selectOption({ index: 0 });
  await page.getByLabel('Wohneinheiten 2').fill('40');

  await page.getByRole('button', { name: 'Berechnen' }).click();
  const result = page.locator('.statement-result');
  await expect(result.getByRole('heading', { level: 2 })).toContainText('noch nicht gespeichert', SLOW);
  await expect(page.getByTestId('statement-areas')).toContainText(plan.areaName);
  const needs = page.getByTestId('statement-needs');
  await expect(needs.locator('tbody tr').first()).toBeVisible();
  // the first years of a new quarter bring children: the Kita need is above zero
  const kita = needs.locator('tbody tr', { hasText: 'Kita' }).first();
  await expect(kita).toBeVisible();
  expect(
    Number((await kita.locator('td').first().innerText()).replace(/[^\d,]/g, '').replace(',', '.')),
  ).toBeGreaterThan(0);
  await expectNoSeriousViolations(page, 'Stellungnahmen mit Ergebnis');

  await page.getByRole('button', { name: 'Speichern' }).click();
  const list = page.getByTestId('statement-list');
  await expect(list.locator('tbody tr', { hasText: 'Wohnen am Mühlenbach' })).toBeVisible(SLOW);
  await expect(result.getByRole('heading', { level: 2 })).not.toContainText('noch nicht gespeichert');
  await expect(list).toContainText('B-Plan Nr. 123');
  await expect(list).toContainText('160');

  const pdfLink = list.getByRole('link', { name: 'Stellungnahme „Wohnen am Mühlenbach“ als PDF' });
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const docxLink = list.getByRole('link', { name: 'Stellungnahme „Wohnen am Mühlenbach“ als Word' });
  const docx = await page.request.get((await docxLink.getAttribute('href'))!);
  expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
});
