import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

test('a planner sees the expected variables and edits a sum on the Variablen page', async ({ page }) => {
  await page.goto('/variablen');
  await expect(page.getByTestId('variables-needs-role')).toContainText('Bitte melden Sie sich an.');

  await login(page, 'planer');
  // a sum of two demo variables, so that the page has one to change and remove
  const defined = await page.request.put('/api/variables/e2e_summe/sum', {
    data: { terms: 'ew_m + ew_w', name: 'Summe für den Browsertest' },
  });
  expect(defined.ok()).toBe(true);
  await page.goto('/variablen');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Variablen' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Variablen');

  // the demo city delivers every variable the catalogue expects
  await expect(page.getByTestId('variables-summary')).toHaveText(
    /^(\d+) von \1 erwarteten Variablen haben Werte\.$/,
  );
  const old = page.getByTestId('variables-expected').locator('tr[data-key=ew_65plus]');
  await expect(old).toContainText('Einwohner 65 Jahre und älter');
  await expect(old).toContainText('Einwohner im Alter von 65 Jahren und mehr');
  await expect(old).toContainText('importiert');
  await expect(old.getByRole('link', { name: 'anteil_65plus' })).toBeVisible();

  const row = page.getByTestId('variables-others').locator('tr[data-key=e2e_summe]');
  await expect(row).toContainText('Summe: ew_m + ew_w');
  await row.getByRole('button', { name: 'Summe ändern: Summe für den Browsertest' }).click();
  const form = page.getByTestId('sum-form');
  const terms = form.getByLabel('Summanden');
  await expect(terms).toHaveValue('ew_m + ew_w');
  await terms.fill('ew_w + gibt_es_nicht');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('alert')).toContainText('Die Variable „gibt_es_nicht“ gibt es nicht.');
  await expect(terms).toHaveAttribute('aria-invalid', 'true');

  await terms.fill('ew_w');
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('variables-notice')).toContainText(
    /^e2e_summe = ew_w: [\d.]+ Werte berechnet\.$/,
  );
  await expect(row).toContainText('gleich ew_w');

  await row.getByRole('button', { name: 'Summe entfernen: Summe für den Browsertest' }).click();
  await expect(page.getByTestId('variables-notice')).toHaveText(
    'Die Summendefinition von „e2e_summe“ ist entfernt.',
  );
  await expect(row).toContainText('importiert');
  await expect(row.getByRole('button')).toHaveCount(0);
});

test('the catalogue lists every demo indicator as available', async ({ page }) => {
  await page.goto('/indikatoren');
  await expect(page.getByTestId('catalogue-table').first()).toBeVisible();
  await expect(page.getByTestId('catalogue-missing')).toHaveCount(0);
});
