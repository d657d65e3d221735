/**
 * The demo Kreis in the browser (`lagebild demo --kreis`: 8 Gemeinden, about 85 Wohnplätze, and
 * in the Gemeinde Musterhausen Sozialräume between Gemeinde and Wohnplatz – a ragged hierarchy):
 * the atlas draws and lists the Gemeinden and the Wohnplätze, a Wohnplatz of Musterhausen names
 * its Sozialraum as its parent, the Sozialraum level says it exists in Musterhausen only, the
 * Sozialbericht compares the Gemeinden („Kreis im Vergleich“), Musterhausen's own planner gets its
 * Steckbrief unprotected, and the atlas passes axe-core.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AreaSummary } from '../src/areas/area.schema.ts';
import { KREIS_SCOPED, KREIS_SCOPED_USERS } from '../src/demo/kreis/kreis-users.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { MAP_READY, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer({ database: 'kreis' });

/** The Mittelzentrum of the demo Kreis and its central Wohnplatz (src/demo/kreis). */
const MUSTERHAUSEN = '05999020';
const CENTRE = `${MUSTERHAUSEN}001`;

async function areas(page: Page, level: string): Promise<AreaSummary[]> {
  const response = await page.request.get(`/api/areas?level=${level}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as AreaSummary[];
}

/** The distinct areas the map has drawn (the map fits the whole Kreis, so all of them). */
const drawnAreas = (page: Page) =>
  page.evaluate(() => {
    const map = window.__lagebildMap;
    if (!map) throw new Error('window.__lagebildMap is not exposed');
    return new Set(map.querySourceFeatures('areas').map((f) => String(f.id))).size;
  });

async function openLevel(page: Page, level: string): Promise<void> {
  await page.goto(`/?ebene=${level}`);
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('level-switch').locator('input:checked')).toHaveValue(level);
}

test('the atlas draws and lists the 8 Gemeinden and every Wohnplatz', async ({ page }) => {
  const gemeinden = await areas(page, 'gemeinde');
  expect(gemeinden).toHaveLength(8);
  await openLevel(page, 'gemeinde');
  const table = page.getByTestId('area-table');
  await expect(table.locator('tbody tr')).toHaveCount(8, SLOW);
  for (const g of gemeinden) await expect(table.locator('tbody th', { hasText: g.name })).toHaveCount(1);
  await expect.poll(() => drawnAreas(page), SLOW).toBe(8);

  const wohnplaetze = await areas(page, 'wohnplatz');
  expect(wohnplaetze.length).toBeGreaterThan(60);
  await openLevel(page, 'wohnplatz');
  await expect(table.locator('tbody tr')).toHaveCount(wohnplaetze.length, SLOW);
  await expect.poll(() => drawnAreas(page), SLOW).toBe(wohnplaetze.length);
});

test('a Wohnplatz of Musterhausen names its Sozialraum as parent, one elsewhere its Gemeinde', async ({
  page,
}) => {
  const wohnplaetze = await areas(page, 'wohnplatz');
  const centre = wohnplaetze.find((w) => w.id === CENTRE)!;
  expect(centre).toMatchObject({ parentLevel: 'sozialraum' });
  await page.goto(`/?ebene=wohnplatz&gebiet=${CENTRE}`);
  const panel = page.getByTestId('side-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(centre.name, SLOW);
  await expect(panel.locator('.side-panel__meta').first()).toContainText(/^Sozialraum: Musterhausen-/, SLOW);

  // the profile page says the same
  await panel.getByTestId('profile-link').click();
  await expect(page).toHaveURL(new RegExp(`/gebiete/wohnplatz/${CENTRE}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(centre.name, SLOW);
  await expect(page.getByRole('main')).toContainText(/Sozialraum Musterhausen-/, SLOW);

  const rural = wohnplaetze.find((w) => !w.id.startsWith(MUSTERHAUSEN))!;
  await page.goto(`/?ebene=wohnplatz&gebiet=${rural.id}`);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(rural.name, SLOW);
  await expect(panel.locator('.side-panel__meta').first()).toContainText(/^Gemeinde: /, SLOW);
});

test('the Sozialbericht compares the Gemeinden: „Kreis im Vergleich“', async ({ page }) => {
  await page.goto('/berichte?vorlage=sozialbericht&ebene=gemeinde');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berichte');
  await expect(page.getByLabel('Vorlage')).toHaveValue('sozialbericht');
  await page.getByRole('button', { name: 'Vorschau' }).click();
  const frame = page.frameLocator('[data-testid=report-frame]');
  // the whole Sozialbericht with a Steckbrief per Gemeinde: slow on a busy machine
  await expect(frame.locator('body')).toContainText('Kreis im Vergleich', { timeout: 170_000 });
  await expect(frame.locator('body')).toContainText('Gemeinden im Vergleich');
  await expect(frame.locator('body')).toContainText('Musterhausen');
});

test('the Sozialraum level says where it exists; Musterhausen’s planner sees their own Wohnplatz unprotected', async ({
  page,
}) => {
  await openLevel(page, 'sozialraum');
  await expect(page.getByTestId('level-switch')).toContainText('Sozialraum (nur teilweise)');
  await expect(page.getByTestId('partial-level-note')).toContainText('in Musterhausen', SLOW);
  await openLevel(page, 'gemeinde');
  await expect(page.getByTestId('partial-level-note')).toHaveCount(0);

  const planner = KREIS_SCOPED_USERS.find((u) => u.username === KREIS_SCOPED.mittelzentrum.username)!;
  const login = await page.request.post('/api/auth/login', {
    data: { username: planner.username, password: planner.knownPassword },
  });
  expect(login.ok()).toBe(true);
  await page.goto(`/gebiete/wohnplatz/${CENTRE}`);
  await expect(page.getByTestId('profile-note')).toContainText('Ihr Zuständigkeitsgebiet', SLOW);
  const rural = (await areas(page, 'wohnplatz')).find((w) => !w.id.startsWith(MUSTERHAUSEN))!;
  await page.goto(`/gebiete/wohnplatz/${rural.id}`);
  await expect(page.getByTestId('profile-note')).toContainText('Öffentliche Ansicht', SLOW);
});

test('the atlas of the Kreis has no serious accessibility violation', async ({ page }) => {
  await openLevel(page, 'wohnplatz');
  await expect(page.getByTestId('area-table').locator('tbody tr').first()).toBeVisible(SLOW);
  await expectNoSeriousViolations(page, 'Atlas des Demo-Kreises (Wohnplätze)');
});
