import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.ts';
import type { Indicator } from '../src/indicators/indicator.schema.ts';
import { useServer } from './server.ts';

useServer();

const rows = (page: Page) => page.getByTestId('catalogue-table').locator('tbody tr');

test('a visitor browses the catalogue, opens a Kennblatt and downloads its values', async ({ page }) => {
  await page.goto('/indikatoren');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indikatorenkatalog');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Indikatoren' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Atlas' })).not.toHaveAttribute('aria-current', /.+/);
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(30);
  // grouped by theme, one table per theme, named by its heading
  await expect(page.getByRole('table', { name: 'Soziale Lage' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Anteil (Zähler/Nenner·100)' }).first()).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Veränderung in Prozentpunkten über 2 Jahre' }).first(),
  ).toBeVisible();
  // no editing for visitors
  await expect(page.getByTestId('catalogue-tools')).toHaveCount(0);
  await expect(page.getByRole('switch')).toHaveCount(0);

  // the filter narrows the list and is kept in the address
  await page.getByLabel('Katalog durchsuchen').fill('sgb-ii quote');
  await expect(page.getByTestId('catalogue-count')).toContainText(/^\d+ von \d+ Indikatoren$/);
  expect(await rows(page).count()).toBeLessThan(10);
  await expect(page).toHaveURL(/suche=sgb-ii/);

  // Kennblatt: definition, calculation with the variables, polarity, source
  await page.getByRole('link', { name: 'SGB-II-Quote', exact: true }).click();
  await expect(page).toHaveURL(/\/indikatoren\/sgb2_quote$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('SGB-II-Quote');
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/SGB-II-Quote/);
  await expect(page.getByTestId('sheet-definition')).not.toBeEmpty();
  await expect(page.getByTestId('sheet-formula')).toContainText('sgb2 / ew_u65 · 100');
  await expect(page.getByTestId('sheet-source')).toContainText('Bundesagentur');
  await expect(page.getByTestId('indicator-sheet')).toContainText(
    'Hohe Werte zeigen einen höheren Handlungsbedarf',
  );
  // (the planners' Bearbeiten is a link, Löschen a button)
  await expect(page.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Löschen' })).toHaveCount(0);

  // the CSV download: German numbers (decimal comma) or · for secret values
  const csvHref = await page.getByTestId('download-csv').getAttribute('href');
  expect(csvHref).toMatch(/^\/api\/exports\/values\?indicator=sgb2_quote&level=\w+&date=[\d-]+&format=csv$/);
  const csv = await page.request.get(csvHref ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toContain('attachment');
  const text = await csv.text();
  expect(text).toMatch(/·|\d,\d/);
  expect(text).not.toMatch(/Zähler/); // no counts for the public
  const xlsx = await page.request.get((await page.getByTestId('download-xlsx').getAttribute('href')) ?? '');
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // Back returns to the filtered catalogue; "Im Atlas zeigen" opens the atlas on that indicator
  await page.goBack();
  await expect(page.getByLabel('Katalog durchsuchen')).toHaveValue('sgb-ii quote');
  await page.getByRole('link', { name: 'Im Atlas zeigen: SGB-II-Quote', exact: true }).click();
  await expect(page).toHaveURL(/[?&]indikator=sgb2_quote/);
  await expect(page.getByTestId('indicator-select')).toHaveValue('sgb2_quote');
  await expect(nav.getByRole('link', { name: 'Atlas' })).toHaveAttribute('aria-current', 'page');
});

test('a planner creates, publishes, edits and deletes an indicator', async ({ page }) => {
  await login(page, 'planer');
  await page.goto('/indikatoren');
  await expect(page.getByTestId('user')).toContainText('Planung');

  // JSON export and import: the server's message for unknown variables is shown
  const exported = await page.request.get(
    (await page.getByRole('link', { name: 'Export (JSON)' }).getAttribute('href')) ?? '',
  );
  const definitions = (await exported.json()) as Indicator[];
  expect(definitions.length).toBeGreaterThanOrEqual(30);
  const broken = [{ ...definitions[0], key: 'e2e_import', numerator: 'gibt_es_nicht' }];
  await page.getByLabel('Import (JSON)').setInputFiles({
    name: 'indikatoren.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(page.getByTestId('import-error')).toContainText('Unbekannte Zählgröße(n): gibt_es_nicht');

  // a new indicator: first the server's complaints at the fields, then saved
  await page.getByRole('link', { name: 'Neuer Indikator' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neuer Indikator');
  const form = page.getByTestId('indicator-form');
  await form.getByLabel('Berechnung').selectOption('change_pp');
  await expect(form.getByLabel('Einheit')).toHaveValue('Pp.');
  await form.getByRole('button', { name: 'Speichern' }).click();
  const summary = form.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('nicht gespeichert');
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Zeitraum in Jahren')).toHaveAccessibleDescription(/Jahre angeben/);

  await form.getByLabel('Schlüssel').fill('e2e_testquote');
  await form.getByLabel('Name').fill('E2E-Testquote');
  await form.getByLabel('Thema').fill('E2E-Test');
  await form.getByLabel('Zeitraum in Jahren').fill('3');
  await form.getByLabel('Zähler (Zählgröße)').fill('gibt_es_nicht');
  await form.getByLabel('Nenner (Zählgröße)').fill('ew_u65');
  await form.getByLabel('Definition').fill('Nur für den Browsertest.');
  await form.getByLabel('Quelle').fill('Browsertest');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(summary).toContainText('Unbekannte Zählgröße(n): gibt_es_nicht');
  await expect(form.getByLabel('Zähler (Zählgröße)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Zähler (Zählgröße)').fill('sgb2');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page).toHaveURL(/\/indikatoren\/e2e_testquote$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E-Testquote');
  await expect(page.getByTestId('announcer')).toContainText('gespeichert');
  await expect(page.getByTestId('sheet-formula')).toContainText('über 3 Jahre');
  await expect(page.getByText('nicht veröffentlicht')).toBeVisible();

  // publish from the Kennblatt
  await page.getByRole('switch', { name: 'Veröffentlicht' }).check();
  await expect(page.getByText('nicht veröffentlicht')).toHaveCount(0);
  await expect
    .poll(
      async () =>
        ((await (await page.request.get('/api/indicators/e2e_testquote')).json()) as Indicator).published,
    )
    .toBe(true);

  // in the catalogue under its new theme, and in the atlas's indicator list
  await page.getByRole('navigation').getByRole('link', { name: 'Indikatoren' }).click();
  const table = page.getByRole('table', { name: 'E2E-Test' });
  await expect(table.getByRole('link', { name: 'E2E-Testquote', exact: true })).toBeVisible();
  await expect(table.getByRole('switch', { name: 'E2E-Testquote veröffentlicht' })).toBeChecked();
  await table.getByRole('link', { name: 'Im Atlas zeigen: E2E-Testquote' }).click();
  const select = page.getByTestId('indicator-select');
  await expect(select).toHaveValue('e2e_testquote');
  await expect(select.locator('option[value=e2e_testquote]')).toHaveText('E2E-Testquote');

  // edit the name
  await page.goto('/indikatoren/e2e_testquote');
  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E-Testquote bearbeiten');
  await expect(form.getByLabel('Schlüssel')).toHaveAttribute('readonly', '');
  await expect(form.getByLabel('Zeitraum in Jahren')).toHaveValue('3');
  await form.getByLabel('Name').fill('E2E-Testquote (geändert)');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E-Testquote (geändert)');

  // delete, after a question
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Indikator löschen?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Löschen' }).click();
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page).toHaveURL(/\/indikatoren$/);
  await expect(page.getByTestId('announcer')).toContainText('gelöscht');
  await expect(page.getByRole('link', { name: /^E2E-Testquote/ })).toHaveCount(0);
  expect((await page.request.get('/api/indicators/e2e_testquote')).status()).toBe(404);
});

test('a viewer sees the catalogue without editing tools', async ({ page }) => {
  await login(page, 'gast');
  await page.goto('/indikatoren');
  await expect(page.getByTestId('user')).toContainText('Lesezugriff');
  // the header shows the user before the catalogue has loaded: wait for its rows
  await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(30);
  await expect(page.getByRole('link', { name: 'Neuer Indikator' })).toHaveCount(0);
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Export (JSON)' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Frauenanteil', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frauenanteil');
  await expect(page.getByTestId('sheet-source')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Löschen' })).toHaveCount(0);

  await page.goto('/indikatoren/neuer-indikator');
  await expect(page.getByText('Planung oder Administration')).toBeVisible();
  await expect(page.getByTestId('indicator-form')).toHaveCount(0);
});
