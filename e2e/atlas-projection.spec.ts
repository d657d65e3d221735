/**
 * The atlas on a Stichtag of the published projection: a visitor picks „31.12.2032 (Prognose)“,
 * reads that the values are projected, rounded and uncertain, sees rounded numbers in the table
 * and the small areas only as ·; the page passes axe. The run is published through the API by a
 * planner and deleted afterwards, so the other specs see the demo city as it was.
 */
import { expect, test } from '@playwright/test';
import type { StoredProjection } from '../src/projection/projection-series.schema.ts';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { openAtlas, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

test('a visitor reads the published projection on the map, marked as Prognose', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const planner = await playwright.request.newContext({ baseURL });
  const login = await planner.post('/api/auth/login', {
    data: { username: 'planer', password: knownDemoPassword('planer') },
  });
  expect(login.ok()).toBe(true);
  const saved = await planner.post('/api/projection/runs', {
    data: {
      name: 'Bevölkerungsprognose 2024–2032',
      level: 'sozialraum',
      base: '2024-12-31',
      to: '2032-12-31',
      variables: ['ew_u3', 'ew_65plus'],
      minPopulation: 2500,
      published: true,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const run = (await saved.json()) as StoredProjection;
  try {
    await openAtlas(page, '/?indikator=einwohner&ebene=sozialraum');
    const dateSelect = page.getByLabel('Jahr (Stichtag)');
    await expect(dateSelect.locator('option', { hasText: '31.12.2032 (Prognose)' })).toHaveCount(1);
    await dateSelect.selectOption('2032-12-31');
    const note = page.getByTestId('projection-note');
    await expect(note).toContainText('vorausberechnet', SLOW);
    await expect(note).toContainText('Bevölkerungsprognose 2024–2032');
    await expect(note).toContainText('2.500');
    const cells = page.getByTestId('area-table').locator('tbody tr td:first-of-type');
    await expect(cells.first()).toBeVisible(SLOW);
    const texts = await cells.allTextContents();
    expect(texts).toContain('·');
    // every shown count is a multiple of ten
    for (const text of texts.filter((x) => x !== '·'))
      expect(Number(text.replace(/\./g, '').replace(/\D+$/, '')) % 10, text).toBe(0);
    await expectNoSeriousViolations(page, 'Atlas mit Prognose');

    // an indicator the projection has no values for offers observed Stichtage only
    await page.getByLabel('Indikator').selectOption('bevoelkerungsentwicklung_1j');
    await expect(dateSelect.locator('option', { hasText: 'Prognose' })).toHaveCount(0);
    await expect(page.getByTestId('projection-note')).toHaveCount(0, SLOW);
  } finally {
    await planner.delete(`/api/projection/runs/${run.id}`);
    await planner.dispose();
  }
});
