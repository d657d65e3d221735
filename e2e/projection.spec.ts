/**
 * The page „Prognose“: a planner reads the population projection of the areas from the Datenstand,
 * chooses 2040 as the horizon and sees its column, and reads the care plan of the city; a planner
 * reads the Kita U3 coverage ahead per area and for the city per year, with a scenario's quarter
 * beside the Bestand; a planner sets the upper variant and an Eckwert der Stadt, stores the run
 * published, sees it in the atlas, withdraws and deletes it; a visitor reads that projections are
 * internal and sees no table.
 */
import { expect, test } from '@playwright/test';
import type { StoredProjection } from '../src/projection/projection-series.schema.ts';
import type { AreaCollection, AppConfig } from '../src/web/api.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, SLOW } from './helpers.ts';
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

test('a planner reads the Kita coverage ahead, with a scenario beside the Bestand', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const config = (await (await page.request.get('/api/config')).json()) as AppConfig;
  const level = config.defaultLevel;
  if (!level) throw new Error('the demo city has no default level');
  const baseYear = Number((config.currentDate ?? config.dates.at(-1)!).slice(0, 4));
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${level}`)
  ).json()) as AreaCollection;
  const quarterIn = areas.features[0]!.properties;
  // the demo city has no scenario: a new quarter with 200 children under 3 from 2030 on
  const created = await page.request.post('/api/scenarios', {
    data: {
      name: 'Quartier Nord',
      changes: [
        {
          kind: 'quarter',
          level,
          area: quarterIn.id,
          population: { ew_u3: 200 },
          validFrom: '2030-01-01',
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto('/versorgung/prognose');
  const section = page.getByTestId('coverage-forecast');
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Versorgung bis 2040');
  const norm = section.getByLabel('Richtwert');
  await expect(norm.locator('option[value="kita_u3"]')).toHaveCount(1, SLOW);
  await norm.selectOption('kita_u3');

  const areaTable = page.getByTestId('forecast-area-table');
  await expect(areaTable.locator('caption')).toContainText('Kita-Plätze für Kinder unter 3 Jahren', SLOW);
  await expect(areaTable.locator('caption')).toContainText('31.12.2040 – Prognose, gerundet');
  await expect(areaTable.locator('tbody tr')).toHaveCount(areas.features.length);
  await expect(areaTable.locator(`tbody tr[data-key="${quarterIn.id}"] th`)).toHaveText(quarterIn.name);
  const cityTable = page.getByTestId('forecast-city-table');
  const years = Array.from({ length: 2040 - baseYear }, (_, i) => String(baseYear + 1 + i));
  await expect(cityTable.locator('tbody th')).toHaveText(years);
  await expect(cityTable.locator('caption')).toContainText('Prognose, gerundet');
  await expect(cityTable.locator('thead th[data-group=scenario]')).toHaveCount(0);
  const city2040 = cityTable.locator('tbody tr[data-key="2040"]');
  const number = (text: string) => Number(text.replace(/\./g, '').replace('−', '-').replace('+', ''));
  const demand = number(await city2040.locator('td[data-column=bestand-demand]').innerText());
  expect(demand).toBeGreaterThan(0);
  const supply = number(await city2040.locator('td[data-column=bestand-supply]').innerText());
  expect(number(await city2040.locator('td[data-column=bestand-balance]').innerText())).toBe(supply - demand);
  await expect(page.getByTestId('forecast-source')).toContainText('Quelle:');

  await section.getByLabel('Szenario').selectOption('Quartier Nord');
  await expect(cityTable.locator('thead th[data-group=scenario]')).toHaveText(
    'Szenario „Quartier Nord“',
    SLOW,
  );
  await expect(areaTable.locator('thead th[data-group=scenario]')).toHaveText('Szenario „Quartier Nord“');
  // 51 % of 200 more children: about 102 more places needed in the quarter's area and the city
  const extra = async (row: ReturnType<typeof page.locator>) =>
    number(await row.locator('td[data-column=scenario-demand]').innerText()) -
    number(await row.locator('td[data-column=bestand-demand]').innerText());
  expect(Math.abs((await extra(city2040)) - 102)).toBeLessThanOrEqual(1);
  expect(
    Math.abs((await extra(areaTable.locator(`tbody tr[data-key="${quarterIn.id}"]`))) - 102),
  ).toBeLessThanOrEqual(1);
  expect(await extra(cityTable.locator(`tbody tr[data-key="${baseYear + 1}"]`))).toBe(0);
  const other = areaTable.locator(`tbody tr:not([data-key="${quarterIn.id}"])`).first();
  expect(await extra(other)).toBe(0);

  await expectNoSeriousViolations(page, 'Prognose, Versorgung mit Szenario (planer)');
});

test('a planner sets variant and Eckwert, stores the run published, withdraws and deletes it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'planer');
  const config = (await (await page.request.get('/api/config')).json()) as AppConfig;
  const level = config.defaultLevel;
  if (!level) throw new Error('the demo city has no default level');
  const base = config.currentDate ?? config.dates.at(-1)!;
  const baseDay = base.slice(5).split('-').reverse().join('.');
  const name = 'E2E-Prognose obere Variante';

  try {
    await page.goto('/versorgung/prognose');
    const table = page.getByTestId('projection-table');
    await expect(table.locator('tbody tr').first()).toBeVisible(SLOW);
    const report = page.getByTestId('projection-assumptions');
    await expect(report).toHaveText(
      'Variante: Hauptvariante. Eckwerte der Stadt: keine (die Hauptvariante ist die Summe der Gebietsprognosen).',
    );

    const form = page.getByTestId('projection-assumptions-form');
    const control = form.getByLabel('Eckwerte der Stadt (optional)');
    const apply = form.getByRole('button', { name: 'Annahmen übernehmen' });
    // checked in the page before anything is sent: the Eckwerte must reach the target year
    await control.fill(`${baseDay}.2035: 530.000`);
    await apply.click();
    await expect(page.getByTestId('control-error')).toContainText(
      `Die Eckwerte reichen nur bis ${baseDay}.2035; die Prognose bis ${baseDay}.2040`,
    );
    await expect(control).toBeFocused();
    await expect(control).toHaveAttribute('aria-invalid', 'true');

    // accepted for the horizon 2035; a later horizon is refused by the server, in German
    await page.getByTestId('horizon-select').selectOption('2035');
    await apply.click();
    await expect(page.getByTestId('control-error')).toHaveCount(0);
    await expect(report).toHaveText(
      `Variante: Hauptvariante. Eckwerte der Stadt: ${baseDay}.2035: 530.000.`,
      SLOW,
    );
    await page.getByTestId('horizon-select').selectOption('2040');
    await expect(page.getByRole('alert').filter({ hasText: 'braucht einen Eckwert' })).toBeVisible(SLOW);

    await form.getByRole('radio', { name: 'obere Variante' }).check();
    await control.fill(`${baseDay}.2040: 560.000`);
    await apply.click();
    await expect(report).toHaveText(
      `Variante: obere Variante. Eckwerte der Stadt: ${baseDay}.2040: 560.000.`,
      SLOW,
    );
    await expect(page.getByRole('alert').filter({ hasText: 'braucht einen Eckwert' })).toHaveCount(0);
    // the city in 2040: the Eckwert, and 0.5 % more a year for the upper variant (areas rounded to tens)
    await expect(table.locator('thead th[data-year="2040"]')).toHaveText('2040');
    const city2040 = Number((await table.locator('tfoot td').last().innerText()).replace(/\./g, ''));
    const expected = 560_000 * 1.005 ** (2040 - Number(base.slice(0, 4)));
    expect(Math.abs(city2040 - expected) / expected).toBeLessThan(0.002);

    // stored as set, published at once
    const runs = page.getByTestId('stored-runs');
    await expect(runs.getByTestId('run-current')).toContainText('obere Variante, mit Eckwerten');
    await runs.getByLabel('Name', { exact: true }).fill(name);
    await runs.getByLabel('Mindestgröße für die Veröffentlichung (Einwohner)').fill('2.500');
    await runs.getByLabel('gleich veröffentlichen').check();
    await runs.getByRole('button', { name: 'Prognose speichern' }).click();
    const row = runs.getByTestId('stored-run').filter({ hasText: name });
    await expect(row.getByTestId('run-status')).toContainText('veröffentlicht', SLOW);
    await expect(row).toContainText('obere Variante');
    await expect(row).toContainText(`Eckwerte: ${baseDay}.2040: 560.000`);
    await expect(row).toContainText('2.500');
    await expect(row).toContainText(config.user!.displayName);
    const toAtlas = row.getByRole('link', { name: 'Im Atlas ansehen' });
    const last = `2040${base.slice(4)}`;
    await expect(toAtlas).toHaveAttribute('href', `/?indikator=einwohner&stichtag=${last}&ebene=${level}`);
    await expectNoSeriousViolations(page, 'Prognose, gespeicherte Prognosen (planer)');

    // the atlas knows the new run without a reload of the page
    await toAtlas.click();
    await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
    await expect(page.getByLabel('Jahr (Stichtag)')).toHaveValue(last);
    await expect(page.getByTestId('projection-note')).toContainText(name, SLOW);

    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Prognose' })
      .click();
    await expect(row.getByTestId('run-status')).toContainText('veröffentlicht', SLOW);
    await row.getByRole('button', { name: `Zurückziehen: ${name}` }).click();
    await expect(row.getByTestId('run-status')).toHaveText('intern', SLOW);
    await expect(row.getByRole('link', { name: 'Im Atlas ansehen' })).toHaveCount(0);

    await row.getByRole('button', { name: `Löschen: ${name}` }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Prognose löschen?' });
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(row).toHaveCount(0, SLOW);
    await expect(page.getByTestId('announcer')).toHaveText(`Prognose „${name}“ gelöscht.`);
  } finally {
    // whatever failed: the other specs see the demo city without this run
    const left = (await (await page.request.get('/api/projection/runs')).json()) as StoredProjection[];
    for (const run of left.filter((r) => r.name === name))
      await page.request.delete(`/api/projection/runs/${run.id}`);
  }
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
