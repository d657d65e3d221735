import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

/** A statistics table as municipal offices export it: title line, German numbers, footnote. */
const table = (rows: [string, string, string][]) =>
  Buffer.from(
    [
      'Bevölkerung nach Sozialräumen',
      'Sozialraum;Einwohner insgesamt;Kinder unter 3',
      ...rows.map((r) => r.join(';')),
      'Quelle: Einwohnermelderegister, eigene Berechnung',
      '',
    ].join('\r\n'),
  );

test('a planner checks, maps and imports a statistics table', async ({ page }) => {
  await login(page, 'planer');
  const areas = (await (await page.request.get('/api/areas?level=sozialraum')).json()) as { id: string }[];
  const [a, b] = areas.map((area) => area.id);
  expect(a && b).toBeTruthy();

  await page.goto('/indikatoren');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Import' })
    .click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daten importieren');
  await expect(page.getByRole('link', { name: 'Import' })).toHaveAttribute('aria-current', 'page');

  // step 1: file, level (the finest by default), Stichtag
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({
    name: 'bevoelkerung.csv',
    mimeType: 'text/csv',
    buffer: table([
      [a ?? '', '6.512', '210'],
      [b ?? '', '4.003', '1.020'],
    ]),
  });
  await expect(page.getByLabel('Gebietsebene')).toHaveValue('sozialraum');
  await page.getByLabel('Stichtag (optional)').fill('2030-12-31');
  await page.getByRole('button', { name: 'Prüfen', exact: true }).click();

  // step 2: what was recognised, the report
  const recognised = page.getByTestId('import-recognised');
  await expect(recognised).toContainText('Semikolon (;)');
  await expect(recognised).toContainText('Breitformat');
  await expect(recognised).toContainText('Zeile 2');
  await expect(recognised).toContainText('Bevölkerung nach Sozialräumen');
  await expect(recognised).toContainText('Quelle: Einwohnermelderegister');
  await expect(page.getByTestId('import-verdict')).toContainText('fehlerfrei');
  await expect(page.getByTestId('import-records')).toHaveText('4');
  await expect(page.getByText('Keine Probleme gefunden.')).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Importieren', exact: true });
  // column headers are no variable keys: they must be mapped first
  await expect(importButton).toBeDisabled();
  const ew = page.getByLabel('Zählgröße für Spalte „Einwohner insgesamt“');
  await expect(ew).toHaveValue('Einwohner insgesamt');
  await expect(ew).toHaveAttribute('aria-invalid', 'true');

  await ew.fill('ew_import_test');
  await page.getByLabel('Zählgröße für Spalte „Kinder unter 3“').fill('ew_u3_import_test');
  await expect(page.getByTestId('import-dirty')).toBeVisible();
  await expect(importButton).toBeDisabled();
  await page.getByRole('button', { name: 'Erneut prüfen' }).click();
  await expect(page.getByTestId('import-dirty')).toHaveCount(0);
  await expect(page.getByTestId('import-report')).toContainText('ew_import_test, ew_u3_import_test');
  await expect(page.getByTestId('import-verdict')).toContainText('fehlerfrei');

  // step 3: import and save the mapping as a profile
  await page.getByLabel(/Zuordnung als Profil speichern/).fill('e2e-profil');
  await expect(importButton).toBeEnabled();
  await importButton.click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('4 Werte gespeichert, 0 frühere Werte in die Historie verschoben.');
  await expect(result).toContainText('Profil „e2e-profil“');
  await expect(result.getByRole('link', { name: 'Zum Sozialatlas' })).toBeVisible();
  await expect(importButton).toBeDisabled();
  // after the import: how the catalogue's variables are filled (in the demo city: all of them)
  const fit = page.getByTestId('import-variables');
  await expect(fit.getByTestId('variables-summary')).toHaveText(
    /^(\d+) von \1 erwarteten Variablen haben Werte\.$/,
  );
  await expect(fit.getByTestId('variables-missing')).toHaveCount(0);
  const profiles = (await (await page.request.get('/api/imports/profiles')).json()) as {
    name: string;
    mapping: { variables?: Record<string, string> };
  }[];
  expect(profiles.find((p) => p.name === 'e2e-profil')?.mapping.variables).toEqual({
    'Einwohner insgesamt': 'ew_import_test',
    'Kinder unter 3': 'ew_u3_import_test',
  });
  const variables = (await (await page.request.get('/api/variables')).json()) as { key: string }[];
  expect(variables.map((v) => v.key)).toContain('ew_import_test');

  // a file with an unknown area key, checked with the saved profile: refused, naming the row
  await page.getByLabel('Datei (CSV oder Excel)').setInputFiles({
    name: 'fehlerhaft.csv',
    mimeType: 'text/csv',
    buffer: table([
      [a ?? '', '6.512', '210'],
      ['999999', '4.003', '99'],
    ]),
  });
  await expect(page.getByTestId('import-result')).toHaveCount(0);
  await page.getByLabel('Gespeichertes Profil (optional)').selectOption('e2e-profil');
  await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect(page.getByTestId('import-verdict')).toContainText('enthält Fehler');
  await expect(page.getByTestId('import-unknown-keys')).toContainText('„999999“ in Zeile 4');
  const problem = page.getByTestId('import-problems').getByRole('row').nth(1);
  await expect(problem).toContainText('Fehler');
  await expect(problem.getByRole('cell').first()).toHaveText('4');
  await expect(problem).toContainText('Zeile 4');
  await expect(problem).toContainText('Der Gebietsschlüssel „999999“ passt zu keinem Gebiet');
  await expect(page.getByLabel('Zählgröße für Spalte „Einwohner insgesamt“')).toHaveValue('ew_import_test');
  await expect(importButton).toBeDisabled();
});

test('a viewer has no import', async ({ page }) => {
  await login(page, 'gast');
  await page.goto('/indikatoren');
  await expect(page.getByTestId('user')).toContainText('Lesezugriff');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Indikatoren' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Import' })).toHaveCount(0);
  await page.goto('/import');
  await expect(page.getByTestId('import-needs-role')).toContainText('Planung oder Administration');
  await expect(page.getByLabel('Datei (CSV oder Excel)')).toHaveCount(0);
});
