/**
 * The page „Stellungnahmen“: a planner uploads or draws a plan area, enters dwellings, previews
 * the computation, stores the statement and downloads it as PDF and Word; wrong input is named by
 * its field; visitors see no form.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AreaCollection } from '../src/web/api.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, near, pngColours, pointInsideArea, SLOW } from './helpers.ts';
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
  await page.getByRole('radio', { name: 'Datei hochladen' }).check();
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

test('a planner draws the plan area on the map, clears and redraws it, and previews the statement', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'planer');
  await page.goto('/versorgung/stellungnahmen');
  await expect(page.getByRole('radio', { name: 'Auf der Karte zeichnen' })).toBeChecked(SLOW);
  const map = page.locator(MAP_READY);
  await expect(map).toBeAttached(SLOW);
  await map.scrollIntoViewIfNeeded();
  await expect(map).toBeInViewport();
  await expect(page.getByTestId('map').locator('canvas')).toHaveAttribute(
    'aria-label',
    'Karte zum Zeichnen des Plangebiets',
  );
  const status = page.getByTestId('plan-area-status');
  await expect(status).toHaveText('Noch keine Fläche gezeichnet.');

  const inside = await pointInsideArea(page);
  const box = (await map.boundingBox())!;
  // corners farther apart than terra-draw's 40 px snap to the first and last point, so every
  // click adds a corner; a click on the first corner closes the polygon
  const at = (dx: number, dy: number) => ({ x: box.x + inside.x + dx, y: box.y + inside.y + dy });
  const clickAll = async (points: { x: number; y: number }[]) => {
    for (const p of points) {
      await page.mouse.move(p.x, p.y, { steps: 4 });
      await page.mouse.click(p.x, p.y);
    }
  };
  const triangle = [at(-50, 40), at(50, 40), at(0, -50)];
  await clickAll([...triangle, triangle[0]!]);
  await expect(status).toHaveText('Fläche mit 3 Ecken gezeichnet.', SLOW);

  await page.getByRole('button', { name: 'Fläche löschen und neu zeichnen' }).click();
  await expect(status).toHaveText('Noch keine Fläche gezeichnet.');
  const square = [at(-45, -45), at(45, -45), at(45, 45), at(-45, 45)];
  await clickAll([...square, square[0]!]);
  await expect(status).toHaveText('Fläche mit 4 Ecken gezeichnet.', SLOW);
  // the closed polygon is on screen in the plan area's outline colour
  const { colours } = await pngColours(page, await map.screenshot());
  expect(colours.some(([rgb]) => near(rgb, [122, 42, 16], 12))).toBe(true);

  // the closed polygon can be edited: one corner dragged outwards
  const from = at(45, 45);
  const to = at(75, 70);
  // where the corner should land, in lon/lat, and how far 4 px reach there (before anything moves)
  const drop = await page.evaluate(
    ({ x, y }) => {
      const map = window.__lagebildMap!;
      const a = map.unproject([x, y]);
      const b = map.unproject([x + 4, y + 4]);
      return { lon: a.lng, lat: a.lat, dLon: Math.abs(b.lng - a.lng), dLat: Math.abs(b.lat - a.lat) };
    },
    { x: inside.x + 75, y: inside.y + 70 },
  );
  await page.mouse.move(from.x, from.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await expect(status).toHaveText('Fläche mit 4 Ecken gezeichnet.');
  await expectNoSeriousViolations(page, 'Stellungnahmen mit gezeichnetem Plangebiet');

  await page.getByLabel('Name des Plans').fill('Am Stadtpark');
  await page.getByLabel('Wohneinheiten 1').fill('90');
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/statements/compute'));
  await page.getByRole('button', { name: 'Berechnen' }).click();
  // the drawn square goes to the server as a closed lon/lat polygon
  const body = (await sent).postDataJSON() as {
    planArea: { type: string; coordinates: number[][][] };
    crs?: string;
  };
  expect(body.planArea.type).toBe('Polygon');
  const ring = body.planArea.coordinates[0]!;
  expect(ring).toHaveLength(5);
  expect(ring.at(-1)).toEqual(ring[0]);
  for (const [lon = NaN, lat = NaN] of ring) {
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
  }
  expect(body.crs).toBeUndefined();
  // the dragged corner is where it was dropped (the map itself did not move)
  expect(
    ring.some(
      ([lon = NaN, lat = NaN]) =>
        Math.abs(lon - drop.lon) < drop.dLon && Math.abs(lat - drop.lat) < drop.dLat,
    ),
  ).toBe(true);

  const result = page.locator('.statement-result');
  await expect(result.getByRole('heading', { level: 2 })).toContainText('noch nicht gespeichert', SLOW);
  await expect(page.getByTestId('statement-areas')).toContainText(inside.name);

  // the file stays the way without a mouse, and the drawing survives a look at it
  await page.getByRole('radio', { name: 'Datei hochladen' }).check();
  await expect(page.getByTestId('statement-plan-file')).toBeVisible();
  await page.getByRole('radio', { name: 'Auf der Karte zeichnen' }).check();
  await expect(status).toHaveText('Fläche mit 4 Ecken gezeichnet.', SLOW);
});
