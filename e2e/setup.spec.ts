// The Einrichtung of a real installation in the browser: a server of its own on an empty database
// without the demo (`serve --no-demo`), opened on this machine (the loopback address); any address
// leads to the setup page, and after it the administrator is logged in and the header shows the city.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { useServer } from './server.ts';

const server = useServer({ database: 'empty' });

test('an empty installation starts with the Einrichtung and ends logged in', async ({ page }) => {
  const base = server.origin;
  expect(server.output()).toMatch(/Einrichtung: http:\/\/127\.0\.0\.1:\d+\/einrichtung\?token=[\w-]{20,}/);
  expect(server.output()).not.toContain('Demo');

  await page.goto(`${base}/indikatoren`);
  await expect(page).toHaveURL(/\/einrichtung$/);
  await expect(page.getByRole('heading', { name: 'Lagebild einrichten' })).toBeVisible();
  await expect(page.getByLabel('Benutzername')).toBeEditable();
  await expectNoSeriousViolations(page, 'Einrichtung');

  await page.getByLabel('Benutzername').fill('amt51');
  await page.getByLabel('Passwort', { exact: true }).fill('sehr-geheim-123');
  await page.getByLabel('Passwort wiederholen').fill('anders-geheim-123');
  await page.getByLabel('Name', { exact: true }).fill('Beispielstadt');
  await page.getByLabel('Amtlicher Gemeindeschlüssel (AGS)').fill('5999');
  await page.getByRole('button', { name: 'Einrichten' }).click();
  const alert = page.locator('.form-error');
  await expect(alert).toContainText('Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern');
  await expect(alert).toContainText('Die beiden Passwörter stimmen nicht überein.');
  await expectNoSeriousViolations(page, 'Einrichtung with errors');

  await page.getByLabel('Passwort wiederholen').fill('sehr-geheim-123');
  await page.getByLabel('Amtlicher Gemeindeschlüssel (AGS)').fill('05999000');
  await page.getByLabel('Name der Ebene 2').fill('Sozialraum');
  await expect(page.getByLabel('Schlüssel der Ebene 2')).toHaveValue('sozialraum');
  await page.getByRole('button', { name: 'Einrichten' }).click();

  await expect(page).toHaveURL(`${base}/`);
  await expect(page.locator('header')).toContainText('Beispielstadt');
  const config: unknown = await page.evaluate(
    async () => (await fetch('/api/config')).json() as Promise<unknown>,
  );
  expect(config).toMatchObject({
    setupNeeded: false,
    territory: { key: '05999000', name: 'Beispielstadt' },
    user: { username: 'amt51', role: 'admin' },
  });
  expect((config as { levels: { key: string }[] }).levels.map((l) => l.key)).toEqual([
    'stadt',
    'stadtbezirk',
    'sozialraum',
  ]);
  await page.screenshot({ path: 'test-results/setup-done.png' });

  // a second setup is refused, from this machine too
  const again = await page.evaluate(async () => {
    const res = await fetch('/api/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        admin: 'zweiter',
        password: 'sehr-geheim-123',
        passwordRepeat: 'sehr-geheim-123',
        city: 'Andere Stadt',
        key: '05999001',
        levels: [{ key: 'bezirk', name: 'Bezirk' }],
      }),
    });
    return res.status;
  });
  expect(again).toBe(409);
  await page.goto(`${base}/einrichtung`);
  await expect(page.getByRole('heading', { name: 'Einstellungen der Stadt' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page).toHaveURL(`${base}/einstellungen`);
  await expect(page.getByLabel('Amtlicher Gemeindeschlüssel (AGS)')).toHaveValue('05999000');
});
