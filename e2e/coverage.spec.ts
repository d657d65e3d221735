/**
 * The pages „Versorgung“ and „Szenarien“: a visitor reads the coverage of a published norm (map,
 * sortable table with districts and city, time series, CSV); a planner creates a Kita on the map
 * and sees the coverage of its area change, and compares a scenario with the Bestand.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Coverage } from '../src/coverage/coverage.schema.ts';
import type { Norm } from '../src/coverage/norm.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const DATE = '2024-12-31';

/** German number of a table cell (`1.234,5`, `−3,5`, `+12,0`); NaN for `·` and `–`. */
const german = (text: string) => Number(text.trim().replace(/\./g, '').replace(',', '.').replace('−', '-'));

/** A Kita norm whose supply is the capacity of the Kitas in the area (what a new Kita adds to). */
async function capacityNorm(page: Page): Promise<Norm> {
  const norms = (await (await page.request.get('/api/norms')).json()) as (Norm & {
    supplyProperty?: string | null;
  })[];
  const norm = norms.find(
    (n) => n.facilityType === 'kita' && !n.supplyProperty && n.catchment.kind === 'area',
  );
  if (!norm) throw new Error('no Kita norm counting the capacity');
  return norm;
}

/** Pixels well inside distinct areas of the map, once it has stopped changing size. */
async function settledAreaPoints(page: Page): Promise<{ x: number; y: number; id: string; name: string }[]> {
  const read = () =>
    page.evaluate(() => {
      const map = window.__lagebildMap;
      if (!map) throw new Error('window.__lagebildMap is not exposed');
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      const idAt = (x: number, y: number) => {
        const f = map.queryRenderedFeatures([x, y], { layers: ['areas-fill'] })[0];
        return f ? { id: String(f.id), name: String(f.properties.name) } : null;
      };
      const found: { x: number; y: number; id: string; name: string }[] = [];
      for (let gy = 0.3; gy <= 0.7; gy += 0.05)
        for (let gx = 0.3; gx <= 0.7; gx += 0.05) {
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
          if (inside && !found.some((f) => f.id === hit.id)) found.push({ x, y, ...hit });
        }
      return found;
    });
  let last = '';
  let points: Awaited<ReturnType<typeof read>> = [];
  await expect
    .poll(
      async () => {
        points = await read();
        const now = JSON.stringify(points.slice(0, 3));
        const same = now === last && points.length > 0;
        last = now;
        return same;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe(true);
  return points;
}

async function openCoverage(page: Page, query = ''): Promise<void> {
  await page.goto(`/versorgung${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versorgung');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('coverage-table').locator('tbody tr').first()).toBeVisible(SLOW);
}

test('a visitor sees the coverage of a published norm on map, table, series and CSV', async ({ page }) => {
  const norm = await capacityNorm(page);
  await openCoverage(page, `?richtwert=${norm.key}&ebene=sozialraum&stichtag=${DATE}`);
  const facts = page.getByTestId('norm-facts');
  await expect(facts.getByTestId('norm-source')).toHaveText(norm.source);
  await expect(facts.getByTestId('norm-catchment')).toContainText('im eigenen Gebiet');
  await expect(page.getByTestId('scenario-select')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Szenarien verwalten' })).toHaveCount(0);
  await expect(page.getByTestId('legend').getByTestId('legend-class').first()).toBeVisible();

  // every area of the level, then the districts and the city from their own counts
  const api = (await (
    await page.request.get(`/api/coverage?norm=${norm.key}&level=sozialraum&date=${DATE}`)
  ).json()) as Coverage;
  const table = page.getByTestId('coverage-table');
  await expect(table.locator('tbody:not(.coverage-table__totals) tr')).toHaveCount(api.rows.length);
  const totals = page.getByTestId('coverage-totals').locator('tr[data-area]');
  await expect(totals).toHaveCount(api.parents.length + 1);
  await expect(totals.last()).toContainText('Stadt gesamt');
  await expect(page.getByTestId('legend-city')).toHaveText(
    `${api.city[0]!.rate!.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`,
  );

  // sorted by the rate, lowest first: the areas with the largest gap lead
  await table.getByRole('button', { name: /^Versorgungsquote/ }).click();
  await expect(table.locator('th[aria-sort=ascending]')).toHaveText(/Versorgungsquote/);
  const rates = (
    await table.locator('tbody:not(.coverage-table__totals) td[data-column=rate]').allInnerTexts()
  )
    .map(german)
    .filter(Number.isFinite);
  expect(rates.length).toBeGreaterThan(10);
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
  // the first row is an area with the lowest rate (ties by name)
  const lowest = Math.min(...api.rows.filter((r) => r.rate !== null).map((r) => r.rate!));
  const firstArea = await table.locator('tbody tr').first().getAttribute('data-area');
  const worst = api.rows.find((r) => r.area === firstArea)!;
  expect(worst.rate).toBe(lowest);

  // the worst area's rate over the Stichtage against the city
  await table.getByRole('button', { name: `Versorgung in ${worst.name} anzeigen` }).click();
  const panel = page.getByTestId('side-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(worst.name);
  await expect(panel.getByTestId('series-chart').locator('svg path').first()).toBeAttached(SLOW);
  await expect(panel.getByTestId('series-chart')).toHaveAttribute('aria-label', /Stadt/);

  const csv = await page.request.get((await page.getByTestId('coverage-csv').getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(worst.name);
});

test('a planner creates a Kita on the map and sees the coverage of its area change', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const norm = await capacityNorm(page);

  await page.goto('/einrichtungen?art=kita&ebene=sozialraum');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await page.getByTestId('facility-create').click();
  const form = page.getByTestId('facility-form');
  await expect(form).toBeVisible();
  const [here] = await settledAreaPoints(page);
  if (!here) throw new Error('no area on the map');
  const before = (
    (await (
      await page.request.get(`/api/coverage?norm=${norm.key}&level=sozialraum&date=${DATE}`)
    ).json()) as Coverage
  ).rows.find((r) => r.area === here.id)!;

  await page.getByTestId('map').click({ position: { x: here.x, y: here.y } });
  await expect(form.getByLabel('Breitengrad (WGS 84)')).not.toHaveValue('');
  await form.getByLabel('Name').fill('Kita Versorgungstest');
  await form.getByLabel('Kapazität (Plätze)').fill('100');
  await form.getByLabel('Gültig ab').fill('2024-01-01');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('announcer')).toContainText('wurde angelegt', SLOW);

  // through the main navigation to the coverage of that norm
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Versorgung' }).click();
  await expect(nav.getByRole('link', { name: 'Versorgung' })).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('norm-select').selectOption(norm.key);
  await page.getByTestId('date-select').selectOption(DATE);
  const row = page.getByTestId('coverage-table').locator(`tbody tr[data-area="${here.id}"]`);
  await expect(row.locator('td').first()).toHaveText((before.supply! + 100).toLocaleString('de-DE'), SLOW);
  const rate = german(await row.locator('td[data-column=rate]').innerText());
  expect(rate).toBeGreaterThan(before.rate!);
});

test('a planner compares a scenario with the Bestand and deletes it', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'planer');
  const norm = await capacityNorm(page);
  await page.goto('/versorgung/szenarien');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Szenarien');
  await expect(page.getByText('Noch kein Szenario angelegt.')).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Ausbau Süd');
  await page.getByLabel('Beschreibung').fill('Zwei neue Kitas und das Quartier am Bahnhof');
  await page.getByRole('button', { name: 'Szenario anlegen' }).click();
  const card = page.getByTestId('scenario').filter({ hasText: 'Ausbau Süd' });
  await expect(card).toBeVisible(SLOW);
  await expect(page.getByTestId('announcer')).toContainText('Szenario „Ausbau Süd“ angelegt.');

  // an opening at a point set on the map
  const form = page.getByTestId('scenario-change-form');
  await form.getByLabel('Einrichtungsart').selectOption('kita');
  await form.getByLabel('Name der Einrichtung').fill('Kita Südpark');
  await form.getByLabel('Kapazität (Plätze)').fill('200');
  await form.getByRole('button', { name: 'Standort in der Karte setzen' }).click();
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  const [here] = await settledAreaPoints(page);
  if (!here) throw new Error('no area on the map');
  await page.getByTestId('map').click({ position: { x: here.x, y: here.y } });
  await expect(form.getByLabel('Längengrad (WGS 84)')).not.toHaveValue('');
  await form.getByRole('button', { name: 'Änderung hinzufügen' }).click();
  await expect(card.getByTestId('scenario-change')).toHaveCount(1, SLOW);
  await expect(card.getByTestId('scenario-change')).toContainText('„Kita Südpark“ mit 200 Plätze');

  // a new residential quarter in another way of choosing: level, area and people
  await form.getByLabel('Art der Änderung').selectOption('quarter');
  await form.getByLabel('Gebiet', { exact: true }).selectOption(here.id);
  await form.getByLabel('Zusätzliche Bevölkerung je Variable').fill('ew_u3 = 40\new_3_5 = 40');
  await form.getByRole('button', { name: 'Änderung hinzufügen' }).click();
  await expect(card.getByTestId('scenario-change')).toHaveCount(2, SLOW);
  await expect(card.getByTestId('scenario-change').nth(1)).toContainText(`in ${here.name}`);
  await expectNoSeriousViolations(page, 'scenarios with changes (planer)');

  // side by side on the coverage page
  await card.getByRole('link', { name: 'In der Versorgung zeigen' }).click();
  await expect(page.getByTestId('scenario-select')).toHaveValue('Ausbau Süd', SLOW);
  await page.getByTestId('norm-select').selectOption(norm.key);
  const table = page.getByTestId('coverage-table');
  await expect(table.getByRole('columnheader', { name: /Quote „Ausbau Süd“/ })).toBeVisible(SLOW);
  const row = table.locator(`tbody tr[data-area="${here.id}"]`);
  await expect(row.locator('td[data-column=scenario-rate]')).not.toHaveText('–', SLOW);
  const bestand = german(await row.locator('td[data-column=rate]').innerText());
  const planned = german(await row.locator('td[data-column=scenario-rate]').innerText());
  expect(planned).not.toBe(bestand);

  await row.getByRole('button', { name: `Versorgung in ${here.name} anzeigen` }).click();
  const values = page.getByTestId('side-panel').getByTestId('coverage-values');
  await expect(values.locator('thead th')).toHaveText(['Bestand', 'Ausbau Süd']);
  await expect(values.locator('tbody tr').nth(2).locator('td')).toHaveCount(2);

  await page.getByTestId('map-side').getByRole('radio', { name: 'Ausbau Süd' }).check();
  await expect(page.getByTestId('legend')).toContainText('Szenario „Ausbau Süd“');
  await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\|scenario$/, SLOW);
  await expectNoSeriousViolations(page, 'coverage with a scenario (planer)');

  // deleted after a question
  await page.goto('/versorgung/szenarien');
  await page
    .getByTestId('scenario')
    .filter({ hasText: 'Ausbau Süd' })
    .getByRole('button', { name: 'Szenario löschen' })
    .click();
  await page
    .getByRole('alertdialog', { name: 'Szenario löschen?' })
    .getByRole('button', { name: 'Szenario löschen' })
    .click();
  await expect(page.getByText('Noch kein Szenario angelegt.')).toBeVisible(SLOW);
});

test('the Bedarfsplan ranks the areas with reasons and outlines the first ones on the map', async ({
  page,
}) => {
  const norm = await capacityNorm(page);
  await page.goto(`/versorgung/bedarfsplan?richtwert=${norm.key}&ebene=sozialraum&erste=5`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedarfsplan');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  const index = await page.getByTestId('index-select').inputValue();
  const ranking = (await (
    await page.request.get(
      `/api/planning/ranking?norm=${norm.key}&level=sozialraum&date=${DATE}${index === '-' ? '' : `&index=${index}`}`,
    )
  ).json()) as { rows: { rank: number | null; area: string; name: string; reason: string }[] };

  const rows = page.getByTestId('needs-plan-table').locator('tbody tr');
  await expect(rows).toHaveCount(ranking.rows.length, SLOW);
  const first = ranking.rows[0]!;
  await expect(rows.first().locator('td').first()).toHaveText('1');
  await expect(rows.first()).toContainText(first.name);
  await expect(rows.first()).toContainText(first.reason);
  await expect(page.getByTestId('needs-plan-rule')).toContainText('Bedarfsmerkmale');
  await expect(page.getByTestId('legend')).toContainText('die ersten 5 Gebiete');
  // the download is the same table in the same order
  const csv = await page.request.get((await page.getByTestId('needs-plan-csv').getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  const csvRows = (await csv.text()).trimEnd().split('\r\n').slice(1);
  expect(csvRows.map((l) => l.split(';')[1])).toEqual(ranking.rows.map((r) => r.area));

  // the five first areas carry the dashed outline on the map
  const marked = await page.evaluate(
    (areas) =>
      areas.map(
        (id) =>
          (window.__lagebildMap?.getFeatureState({ source: 'areas', id }) as { marked?: boolean } | undefined)
            ?.marked === true,
      ),
    ranking.rows.filter((r) => r.rank !== null && r.rank <= 6).map((r) => r.area),
  );
  expect(marked).toEqual([true, true, true, true, true, false]);

  // the area's name leads to its coverage
  await rows.first().getByRole('link', { name: first.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versorgung');
  await expect(page.getByTestId('side-panel').getByRole('heading', { level: 2 })).toHaveText(
    first.name,
    SLOW,
  );
});
