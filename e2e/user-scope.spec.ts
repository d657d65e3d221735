/**
 * The Zuständigkeit of an account: an administrator binds a planner to one Stadtbezirk of the demo
 * city (its level below the whole city), the choice persists, the planner's header names it, and
 * their Steckbrief of an area inside it is unprotected; clearing it gives the planner the whole
 * city again. Administrators are never bound.
 */
import { expect, test } from '@playwright/test';
import type { UserAccount } from '../src/auth/auth.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

test('an administrator binds a planner to a Stadtbezirk and clears it again', async ({ page, browser }) => {
  await login(page, 'admin');
  await page.goto('/benutzer');
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('columnheader', { name: 'Zuständigkeit' })).toBeVisible(SLOW);
  const row = table.getByRole('row').filter({ hasText: 'planer' });
  const select = row.getByRole('combobox', { name: 'Zuständigkeit von planer' });
  const save = row.getByRole('button', { name: 'Festlegen: planer' });
  await expect(select.locator('option:checked')).toHaveText('ganzes Gebiet', SLOW);
  // administrators manage the whole installation: no choice, a hint instead
  const adminRow = table.getByRole('row').filter({ hasText: 'Administration' }).first();
  await expect(adminRow.getByTestId('scope-admin')).toContainText('immer für das ganze Gebiet');
  await expect(adminRow.getByRole('combobox', { name: /Zuständigkeit/ })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'Benutzer (Zuständigkeit)');

  await select.selectOption({ label: 'Stadtbezirk Mitte' });
  await save.click();
  await expect(page.locator('.success')).toHaveText('„planer“ ist jetzt zuständig für Stadtbezirk Mitte.');
  await page.reload();
  await expect(select.locator('option:checked')).toHaveText('Stadtbezirk Mitte', SLOW);
  const accounts = (await (await page.request.get('/api/users')).json()) as UserAccount[];
  expect(accounts.find((a) => a.username === 'planer')?.scope).toEqual({ level: 'stadtbezirk', key: '1' });

  // the planner, in a browser of their own, sees the scope beside the role
  const other = await browser.newContext();
  const plannerPage = await other.newPage();
  await login(plannerPage, 'planer');
  await plannerPage.goto('/benutzer');
  await expect(plannerPage.getByTestId('user-role')).toHaveText('Planung · Stadtbezirk Mitte', SLOW);
  // a Sozialraum of Mitte is theirs: its Steckbrief says its values are unprotected; one of another
  // Stadtbezirk is the public one
  await plannerPage.goto('/gebiete/sozialraum/101');
  await expect(plannerPage.getByTestId('profile-note')).toContainText('Ihr Zuständigkeitsgebiet', SLOW);
  await plannerPage.goto('/gebiete/sozialraum/201');
  await expect(plannerPage.getByTestId('profile-note')).toContainText('Öffentliche Ansicht', SLOW);
  await other.close();

  // the server refuses a scope for an administrator, in German
  const refused = await page.request.patch('/api/users/admin', {
    data: { scope: { level: 'stadtbezirk', key: '1' } },
  });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { code: string }).code).toBe('users.scope_admin');

  await select.selectOption({ label: 'ganzes Gebiet' });
  await save.click();
  await expect(page.locator('.success')).toHaveText('„planer“ ist jetzt für das ganze Gebiet zuständig.');
  await page.reload();
  await expect(select.locator('option:checked')).toHaveText('ganzes Gebiet', SLOW);
  const after = (await (await page.request.get('/api/users')).json()) as UserAccount[];
  expect(after.find((a) => a.username === 'planer')?.scope ?? null).toBeNull();
});

test('the server’s message shows when it refuses a scope', async ({ page }) => {
  await login(page, 'admin');
  // an area removed between loading the page and saving: the server answers with its own words
  await page.route('**/api/users/planer', (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ code: 'users.scope_unknown', message: 'Dieses Gebiet gibt es nicht.' }),
        })
      : route.fallback(),
  );
  await page.goto('/benutzer');
  const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'planer' });
  await row
    .getByRole('combobox', { name: 'Zuständigkeit von planer' })
    .selectOption({ label: 'Stadtbezirk Mitte' });
  await row.getByRole('button', { name: 'Festlegen: planer' }).click();
  await expect(page.locator('p.alert[role=alert]')).toHaveText('Dieses Gebiet gibt es nicht.');
});
