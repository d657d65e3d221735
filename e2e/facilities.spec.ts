/**
 * The page „Einrichtungen“: the demo city's facilities as points on the map and as a sortable
 * table; a visitor reads them, a planner creates a Kita by clicking the map, changes, moves and
 * closes it (each change a version in its history) and imports a delivery with its problem list.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Facility } from '../src/facilities/facility.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, near, pngColours, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

/** The colour of facilities in operation (src/web/facilities/map-colors.ts). */
const IN_OPERATION: [number, number, number] = [0x1f, 0x4e, 0x79];

/** German number of a table cell; NaN for `–`. */
const german = (text: string) => Number(text.trim().replace(/\./g, '').replace(',', '.'));

/**
 * Pixels (relative to the map element) well inside areas of the level shown, each with its area,
 * found through the map instance exposed to automated browsers; the central ones first.
 */
async function areaPoints(page: Page): Promise<{ x: number; y: number; id: string; name: string }[]> {
  return page.evaluate(() => {
    const map = window.__lagebildMap;
    if (!map) throw new Error('window.__lagebildMap is not exposed');
    const { clientWidth: w, clientHeight: h } = map.getCanvas();
    const idAt = (x: number, y: number) => {
      const feature = map.queryRenderedFeatures([x, y], { layers: ['areas-fill'] })[0];
      return feature ? { id: String(feature.id), name: String(feature.properties.name) } : null;
    };
    const found: { x: number; y: number; id: string; name: string }[] = [];
    for (let gy = 0.25; gy <= 0.75; gy += 0.05)
      for (let gx = 0.25; gx <= 0.75; gx += 0.05) {
        const [x, y] = [Math.round(gx * w), Math.round(gy * h)];
        const hit = idAt(x, y);
        const inside =
          hit &&
          [
            [10, 0],
            [-10, 0],
            [0, 10],
            [0, -10],
          ].every(([dx = 0, dy = 0]) => idAt(x + dx, y + dy)?.id === hit.id);
        // not on a facility's point: a click there must still set the position
        const onPoint = map.queryRenderedFeatures([x, y], { layers: ['facilities-circle'] }).length > 0;
        if (inside && !onPoint && !found.some((f) => f.id === hit.id)) found.push({ x, y, ...hit });
      }
    return found.sort((a, b) => Math.hypot(a.x - w / 2, a.y - h / 2) - Math.hypot(b.x - w / 2, b.y - h / 2));
  });
}

/** The area points once the map has stopped changing size (a side panel opened beside it). */
async function settledAreaPoints(page: Page): Promise<Awaited<ReturnType<typeof areaPoints>>> {
  let last = '';
  let points: Awaited<ReturnType<typeof areaPoints>> = [];
  await expect
    .poll(
      async () => {
        points = await areaPoints(page);
        const now = JSON.stringify(points.slice(0, 3));
        const same = now === last;
        last = now;
        return same && points.length >= 2;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  return points;
}

async function openFacilities(page: Page, query = '?art=kita'): Promise<void> {
  await page.goto(`/einrichtungen${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einrichtungen');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('facility-summary')).toContainText('Einrichtung', SLOW);
  await expect(page.getByTestId('facility-table')).toBeVisible(SLOW);
}

test('the map shows the Kitas as points and the table sorts them', async ({ page }) => {
  await openFacilities(page);
  const api = (await (await page.request.get('/api/facilities?type=kita')).json()) as Facility[];
  const table = page.getByTestId('facility-table');
  await expect(table.locator('tbody tr')).toHaveCount(api.length);
  await expect(page.getByTestId('facility-summary')).toContainText(`${api.length} Einrichtungen`);

  // the points are drawn in the colour of facilities in operation
  const { colours } = await pngColours(page, await page.getByTestId('map').screenshot());
  const dots = colours.filter(([rgb]) => near(rgb, IN_OPERATION, 6)).reduce((sum, [, n]) => sum + n, 0);
  expect(dots, 'pixels in the colour of facilities in operation').toBeGreaterThan(300);

  await table.getByRole('button', { name: /^Kapazität/ }).click();
  await expect(table.locator('th[aria-sort=descending]')).toHaveText(/Kapazität/);
  const capacities = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(german);
  const known = capacities.filter((c) => Number.isFinite(c));
  expect(known.length).toBeGreaterThan(100);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(known[0]).toBe(Math.max(...api.map((f) => f.capacity ?? 0)));

  // the type switches the list: playgrounds in m²
  await page.getByTestId('facility-type').selectOption('spielplatz');
  await expect(table.locator('caption')).toContainText('Spielplatz');
  await expect(table.getByRole('columnheader', { name: /Kapazität \(m² Spielfläche\)/ })).toBeVisible();
});

test('a visitor reads a facility and its history but cannot edit', async ({ page }) => {
  await openFacilities(page);
  await expect(page.getByTestId('facility-create')).toHaveCount(0);
  await expect(page.getByTestId('facility-import')).toHaveCount(0);
  const first = page
    .getByTestId('facility-table')
    .getByRole('button', { name: /^Einrichtung .+ anzeigen$/ })
    .first();
  const name = (await first.textContent()) ?? '';
  await first.click();
  const panel = page.getByTestId('facility-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(panel.getByTestId('facility-history').locator('tbody tr')).toHaveCount(1);
  await expect(panel.getByTestId('facility-history')).toContainText('erste Fassung');
  await expect(panel.getByRole('button', { name: 'Bearbeiten' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Einrichtung schließen', exact: true })).toHaveCount(0);
  // the API refuses a visitor's change all the same
  const id = ((await (await page.request.get('/api/facilities?type=kita')).json()) as Facility[])[0]!.id;
  expect((await page.request.patch(`/api/facilities/${id}`, { data: { capacity: 1 } })).status()).toBe(401);
});

test('a planner creates a Kita on the map, changes, moves and closes it', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  await openFacilities(page, '?art=kita&ebene=sozialraum');
  await page.getByTestId('facility-create').click();
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-picking', 'true');
  await expect(page.getByTestId('facility-form')).toBeVisible();
  // the form opened beside the map: the points are taken once the map has its new size
  const [here, there] = await settledAreaPoints(page);
  if (!here || !there) throw new Error('fewer than two areas on the map');
  await map.click({ position: { x: here.x, y: here.y } });
  const form = page.getByTestId('facility-form');
  await expect(form.getByLabel('Längengrad (WGS 84)')).not.toHaveValue('');
  await expect(map).toHaveAttribute('data-picking', 'false');
  await form.getByLabel('Name').fill('Kita Am Testpark');
  await form.getByLabel('Träger').fill('Elterninitiative Testpark e. V.');
  await form.getByLabel('Kapazität (Plätze)').fill('80');
  await form.getByLabel('Plätze für Kinder unter 3 Jahren').fill('20');
  await form.getByLabel('Plätze für Kinder ab 3 Jahren').fill('60');
  await form.getByLabel('Gültig ab').fill('2024-01-01');
  await expectNoSeriousViolations(page, 'new facility form (planer)');
  await form.getByRole('button', { name: 'Speichern' }).click();

  const panel = page.getByTestId('facility-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Kita Am Testpark', SLOW);
  await expect(page.getByTestId('announcer')).toContainText('„Kita Am Testpark“ wurde angelegt.');
  const facts = panel.getByTestId('facility-facts');
  await expect(facts).toContainText(here.name);
  await expect(facts).toContainText('Elterninitiative Testpark e. V.');
  const history = panel.getByTestId('facility-history').locator('tbody tr');
  await expect(history).toHaveCount(1);
  await expect(
    page.getByTestId('facility-table').locator('tbody tr', { hasText: 'Kita Am Testpark' }),
  ).toHaveCount(1);

  // a new capacity from 2025: a second version, the first one kept
  await panel.getByRole('button', { name: 'Bearbeiten' }).click();
  await expect(form.getByLabel('Plätze für Kinder unter 3 Jahren')).toHaveValue('20');
  await form.getByLabel('Kapazität (Plätze)').fill('95');
  await form.getByLabel('Plätze für Kinder unter 3 Jahren').fill('35');
  await form.getByLabel('Gültig ab').fill('2025-01-01');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(history).toHaveCount(2, SLOW);
  await expect(history.nth(1)).toContainText('Kapazität, Teilkapazitäten');
  await expect(history.nth(1)).toContainText('35');
  await expect(facts).toContainText('Plätze für Kinder unter 3 Jahren35');
  await expect(history.nth(0)).toContainText('01.01.2025');

  // moved into another area by a click on the map: a third version in that area
  await panel.getByRole('button', { name: 'Bearbeiten' }).click();
  await form.getByRole('button', { name: 'In der Karte verschieben' }).click();
  await expect(map).toHaveAttribute('data-picking', 'true');
  const lonBefore = await form.getByLabel('Längengrad (WGS 84)').inputValue();
  await map.click({ position: { x: there.x, y: there.y } });
  await expect(form.getByLabel('Längengrad (WGS 84)')).not.toHaveValue(lonBefore);
  await form.getByLabel('Gültig ab').fill('2025-06-01');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(history).toHaveCount(3, SLOW);
  await expect(history.nth(2)).toContainText('Standort');
  await expect(facts).toContainText(there.name);

  // closed at the end of 2025: at today's date the table shows it closed
  await panel.getByLabel('Geschlossen ab').fill('2025-12-31');
  await panel.getByRole('button', { name: 'Einrichtung schließen', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Einrichtung schließen?' });
  await dialog.getByRole('button', { name: 'Schließen' }).click();
  await expect(dialog).toBeHidden();
  await expect(history.nth(2)).toContainText('31.12.2025', SLOW);
  await expect(facts).toContainText('geschlossen');
  await expect(panel.getByRole('button', { name: 'Bearbeiten' })).toHaveCount(0);

  // every version is stored, none overwritten
  const listed = (
    (await (await page.request.get('/api/facilities?type=kita&date=2025-03-01')).json()) as Facility[]
  ).find((f) => f.name === 'Kita Am Testpark');
  expect(listed).toMatchObject({ capacity: 95, status: 'in Betrieb' });
  const versions = (await (
    await page.request.get(`/api/facilities/${listed!.id}/versions`)
  ).json()) as Facility[];
  expect(versions.map((v) => [v.capacity, v.validFrom, v.validTo])).toEqual([
    [80, '2024-01-01', '2025-01-01'],
    [95, '2025-01-01', '2025-06-01'],
    [95, '2025-06-01', '2025-12-31'],
  ]);
});

test('an import lists every problem with file, row and field, and a good delivery is taken', async ({
  page,
}) => {
  await login(page, 'planer');
  await openFacilities(page, '?art=kindertagespflege');
  const kita = ((await (await page.request.get('/api/facilities?type=kita')).json()) as Facility[])[0]!;
  const point = `${String(kita.lon).replace('.', ',')};${String(kita.lat).replace('.', ',')}`;
  const section = page.getByTestId('facility-import');
  await expect(section.getByLabel('Einrichtungsart der Lieferung')).toHaveValue('kindertagespflege');

  const upload = (name: string, body: string) =>
    section
      .getByLabel('Dateien')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body, 'utf8') });
  await upload(
    'tagespflege.csv',
    `Nr;Name;Plätze;lon;lat\nT1;Tagespflege Eins;zwölf;${point}\nT2;Tagespflege Zwei;5;${point}\n`,
  );
  await section.getByRole('button', { name: 'Importieren' }).click();
  await expect(section.getByTestId('facility-import-refused')).toContainText(
    'Es wurde nichts gespeichert',
    SLOW,
  );
  const problems = section.getByTestId('facility-import-problems').locator('tbody tr');
  await expect(problems).toHaveCount(1);
  await expect(problems.first().locator('td')).toHaveText([
    'tagespflege.csv',
    '2',
    'Plätze',
    'Fehler',
    /zwölf/,
  ]);
  await expectNoSeriousViolations(page, 'refused facility import (planer)');

  await upload(
    'tagespflege.csv',
    `Nr;Name;Plätze;lon;lat\nT1;Tagespflege Eins;12;${point}\nT2;Tagespflege Zwei;5;${point}\n`,
  );
  await section.getByRole('button', { name: 'Importieren' }).click();
  await expect(section.getByTestId('facility-import-done')).toContainText(
    '2 Einrichtungen gelesen: 2 neu',
    SLOW,
  );
  await expect(
    page.getByTestId('facility-table').locator('tbody tr', { hasText: 'Tagespflege Eins' }),
  ).toHaveCount(1);
  await expect(page.getByTestId('facility-summary')).toContainText('17 Plätze');
});
