/**
 * Accounts and page security in the browser: an administrator creates an account, sets its
 * password and deactivates it, and links a partner's account to an organisation and clears it
 * again; the user changes the own password; the Änderungsprotokoll shows who did it; the atlas, a report preview and the API documentation
 * work under the Content-Security-Policy without a single violation.
 */
import { expect, test, type Page } from '@playwright/test';
import type { UserAccount } from '../src/auth/auth.schema.ts';
import type { Organisation } from '../src/bodies/body.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, openAtlas, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation of the page (not of frames) in window.__cspViolations. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? ['not watched']);

test('the atlas, a report preview and the API documentation run under the Content-Security-Policy', async ({
  page,
}) => {
  await watchCsp(page);
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await openAtlas(page);
  await page.getByRole('link', { name: 'Monitoring' }).click();
  // the monitoring page with its map drawn (its code, worker and charts loaded)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sozialmonitoring');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('index-matrix')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto('/berichte?vorlage=steckbrief&ebene=sozialraum&gebiet=101');
  await page.getByRole('button', { name: 'Vorschau' }).click();
  const frame = page.frameLocator('[data-testid=report-frame]');
  await expect(frame.locator('body')).toContainText('Steckbrief', SLOW);
  expect(await violations(page)).toEqual([]);

  await page.goto('/api/docs');
  await expect(page.getByText('Lagebild API').first()).toBeVisible();
  // Swagger UI draws the operations from the top as they come into view: the first one (the
  // health check) proves that the document loaded and rendered under the policy
  await expect(page.getByText('/api/health').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('an administrator manages accounts; the user changes the own password', async ({ page, browser }) => {
  const user = { username: 'e2e.konto', displayName: 'E2E Konto' };
  await login(page, 'admin');
  await page.goto('/');
  await page.getByRole('link', { name: 'Benutzer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benutzer');
  const table = page.getByTestId('users-table');
  for (const name of ['admin', 'planer', 'gast']) await expect(table).toContainText(name);

  const create = page.getByTestId('create-user');
  await create.getByLabel('Benutzername', { exact: true }).fill(user.username);
  await create.getByLabel('Name', { exact: true }).fill(user.displayName);
  await create.getByLabel('Rolle').selectOption({ label: 'Planung' });
  await create.getByLabel('Passwort').fill('kurz');
  await create.getByRole('button', { name: 'Anlegen' }).click();
  await expect(create.getByRole('alert')).toHaveText('Das Passwort muss mindestens 10 Zeichen lang sein.');
  await create.getByLabel('Passwort').fill('erstes-passwort-1');
  await create.getByRole('button', { name: 'Anlegen' }).click();
  // (the announcer for screen readers says the same: the visible notice is the one with the class)
  await expect(page.locator('.success')).toHaveText('„e2e.konto“ wurde angelegt.');
  const row = table.getByRole('row').filter({ hasText: user.username });
  await expect(row).toContainText('Planung');
  await expect(row).toContainText('aktiv');
  await expect(row).toContainText('noch nie');

  await row.getByRole('button', { name: 'Passwort neu setzen: e2e.konto' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neues Passwort für „e2e.konto“' });
  await dialog.getByLabel('Neues Passwort').fill('zweites-passwort-2');
  await dialog.getByRole('button', { name: 'Passwort setzen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.success')).toHaveText('Das Passwort von „e2e.konto“ wurde neu gesetzt.');

  // the user, in a browser of their own
  const other = await browser.newContext();
  const userPage = await other.newPage();
  const signIn = (password: string) =>
    userPage.request.post('/api/auth/login', { data: { username: user.username, password } });
  expect((await signIn('zweites-passwort-2')).ok()).toBe(true);
  await userPage.goto('/');
  await userPage.getByRole('link', { name: 'Passwort ändern' }).click();
  await expect(userPage.getByRole('heading', { level: 1 })).toHaveText('Passwort ändern');
  await userPage.getByLabel('Bisheriges Passwort').fill('falsches-passwort');
  await userPage.getByLabel('Neues Passwort', { exact: true }).fill('drittes-passwort-3');
  await userPage.getByLabel('Neues Passwort wiederholen').fill('drittes-passwort-3');
  await userPage.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(userPage.getByRole('alert')).toHaveText('Das bisherige Passwort ist falsch.');
  await userPage.getByLabel('Bisheriges Passwort').fill('zweites-passwort-2');
  await userPage.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(userPage.locator('.success')).toHaveText('Das Passwort wurde geändert.');
  expect((await userPage.request.get('/api/auth/me')).status()).toBe(200);

  // deactivated: the session ends at once, and the password no longer opens the account
  await page.reload();
  await row.getByRole('button', { name: 'Deaktivieren: e2e.konto' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(row).toContainText('deaktiviert');
  expect((await userPage.request.get('/api/auth/me')).status()).toBe(401);
  expect((await signIn('drittes-passwort-3')).status()).toBe(403);
  await other.close();

  // the Änderungsprotokoll names who created and deactivated the account; no password in it
  await page.getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Änderungsprotokoll');
  await page.getByLabel('Tabelle').selectOption('app_user');
  await page.getByLabel('Wer (Benutzername)').fill('admin');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  const log = page.getByTestId('audit-table');
  const entries = log.locator('tbody tr').filter({ hasText: user.username });
  await expect(entries.filter({ hasText: 'angelegt' })).toHaveCount(1, SLOW);
  await expect(entries.filter({ hasText: 'active: true → false' })).toHaveCount(1);
  await expect(log).not.toContainText('password_hash');
  await expectNoSeriousViolations(page, 'Änderungsprotokoll');
});

test('an administrator links a partner’s account to an organisation and clears it', async ({ page }) => {
  const partner = { username: 'e2e.traeger', displayName: 'Herr Träger', role: 'partner' };
  await login(page, 'admin');
  const created = await page.request.post('/api/users', {
    data: { ...partner, password: 'partner-passwort-2024' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const organisation = await page.request.post('/api/organisations', {
    data: { name: 'E2E Kinderschutzbund', kind: 'verein' },
  });
  expect(organisation.status(), await organisation.text()).toBe(200);
  const { id } = (await organisation.json()) as Organisation;

  await page.goto('/benutzer');
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('columnheader', { name: 'Organisation' })).toBeVisible(SLOW);
  const row = table.getByRole('row').filter({ hasText: partner.username });
  const select = row.getByRole('combobox', { name: `Organisation von ${partner.username}` });
  const save = row.getByRole('button', { name: `Zuordnen: ${partner.username}` });
  // a partner without organisation sees no bodies: the hint says so, and belongs to the select
  const hint = row.getByTestId('partner-needs-organisation');
  await expect(hint).toContainText('Ohne Organisation sieht dieses Partnerkonto keine Gremien');
  await expect(select).toHaveAccessibleDescription(
    /Ohne Organisation sieht dieses Partnerkonto keine Gremien/,
  );
  await expect(
    table.getByRole('row').filter({ hasText: 'planer' }).getByTestId('partner-needs-organisation'),
  ).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('users-organisation.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Benutzer (Organisation zuordnen)');

  await select.selectOption({ label: 'E2E Kinderschutzbund' });
  await save.click();
  await expect(page.locator('.success')).toHaveText(
    '„e2e.traeger“ gehört jetzt zur Organisation „E2E Kinderschutzbund“.',
  );
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(select).toHaveValue(String(id), SLOW);
  await expect(select.locator('option:checked')).toHaveText('E2E Kinderschutzbund');
  await expect(hint).toHaveCount(0);
  const accounts = (await (await page.request.get('/api/users')).json()) as UserAccount[];
  expect(accounts.find((a) => a.username === partner.username)?.organisation).toEqual({
    id,
    name: 'E2E Kinderschutzbund',
  });

  await select.selectOption({ label: '– keine –' });
  await save.click();
  await expect(page.locator('.success')).toHaveText('„e2e.traeger“ gehört zu keiner Organisation mehr.');
  await page.reload();
  await expect(hint).toBeVisible(SLOW);
  await expect(select).toHaveValue('');
  const organisations = (await (await page.request.get('/api/organisations')).json()) as Organisation[];
  expect(organisations.find((o) => o.id === id)?.users).toEqual([]);
});

test('planners see no account administration', async ({ page }) => {
  await login(page, 'planer');
  await page.goto('/benutzer');
  await expect(page.getByTestId('users-needs-role')).toContainText('der Administration vorbehalten');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Benutzer' })).toHaveCount(0);
});
