import { expect, test } from '@playwright/test';
import type { IndicatorValues } from '../src/indicators/indicator.schema.ts';
import type { AreaProfile } from '../src/profile/profile.schema.ts';
import type { User } from '../src/auth/auth.schema.ts';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import {
  lastSwitchMs,
  MAP_READY,
  near,
  openAtlas,
  parseRgb,
  pngColours,
  pointInsideArea,
  type Rgb,
} from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const isGrey = ([r, g, b]: Rgb) => Math.max(r, g, b) - Math.min(r, g, b) < 12;

test('draws the choropleth in the legend colours', async ({ page }) => {
  await openAtlas(page);
  const readyMs = await page.evaluate(() =>
    Math.round(performance.getEntriesByName('lagebild:drawn')[0]?.startTime ?? NaN),
  );
  console.log(`[bench] navigation → map ready: ${readyMs} ms`);

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lagebild');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sozialatlas');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('[data-testid=map] canvas')).toHaveAttribute('aria-label', /Karte: /);

  const map = page.getByTestId('map');
  const { colours, total } = await pngColours(page, await map.screenshot());
  // colours that fill a noticeable part of the map, without background, outlines and greys
  const fills = colours.filter(([rgb, n]) => n >= total * 0.002 && !isGrey(rgb)).map(([rgb]) => rgb);
  expect(fills.length, `distinct fill colours: ${JSON.stringify(fills)}`).toBeGreaterThanOrEqual(3);

  const legendColours = await page
    .getByTestId('legend')
    .locator('.swatch:not(.swatch--secret):not(.swatch--missing)')
    .evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundColor));
  expect(legendColours.length).toBeGreaterThanOrEqual(3);
  const drawn = legendColours.map(parseRgb).filter((legend) => fills.some((fill) => near(fill, legend)));
  expect(drawn.length, `legend colours found on the map: ${JSON.stringify(drawn)}`).toBeGreaterThanOrEqual(3);
});

test('clicking an area on the map opens its profile with German numbers', async ({ page }) => {
  await openAtlas(page);
  const { x, y, id, name } = await pointInsideArea(page);
  await page.getByTestId('map').click({ position: { x, y } });

  const panel = page.getByTestId('side-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(page.getByTestId('announcer')).toContainText(name);
  const rows = panel.getByTestId('profile-table').locator('tbody tr:not(.profile-table__theme)');
  await expect(rows.first()).toBeVisible();
  // area and city value side by side: German numbers (decimal comma, thousands dot), · or –
  const byKey = Object.fromEntries(
    await rows.evaluateAll((trs) =>
      trs.map((tr): [string, string[]] => [
        tr.getAttribute('data-key') ?? '',
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ]),
    ),
  );
  const cells = Object.values(byKey);
  expect(cells.every((c) => c.length === 2)).toBe(true);
  for (const text of cells.flat()) expect(text).toMatch(/^(-?\d{1,3}(\.\d{3})*(,\d+)?|·|–)$/);
  expect(cells.flat().some((text) => /\d,\d/.test(text))).toBe(true);

  // the values are the API's, formatted the German way
  const date = await page.getByLabel('Jahr (Stichtag)').inputValue();
  const level = (await page
    .getByTestId('level-switch')
    .locator('input:checked')
    .getAttribute('value')) as string;
  const profile = (await (
    await page.request.get(`/api/areas/${level}/${id}/profile?date=${date}`)
  ).json()) as AreaProfile;
  const german = (v: number | null, status: string, decimals: number) =>
    status === 'secret'
      ? '·'
      : v === null || status === 'missing'
        ? '–'
        : new Intl.NumberFormat('de-DE', {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          }).format(v);
  expect(byKey).toEqual(
    Object.fromEntries(
      profile.indicators.map((i) => [
        i.key,
        [german(i.value, i.status, i.decimals), german(i.cityValue, i.cityStatus, i.decimals)],
      ]),
    ),
  );
  await expect(panel.getByTestId('series-chart').locator('svg path').first()).toBeAttached();
  await expect(panel.getByTestId('series-chart')).toHaveAttribute('aria-label', /Stadt/);

  await panel.getByRole('button', { name: 'Gebietsprofil schließen' }).click();
  await expect(panel).toBeHidden();
});

test('an area can be chosen with the keyboard from the table, and Escape closes the panel', async ({
  page,
}) => {
  await openAtlas(page);
  const table = page.getByTestId('area-table');
  await expect(table.locator('caption')).toContainText('Stichtag');
  const button = table.getByRole('button', { name: /^Gebietsprofil .+ öffnen$/ }).nth(2);
  const name = (await button.textContent()) ?? '';
  await button.focus();
  await page.keyboard.press('Enter');

  const panel = page.getByTestId('side-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByTestId('announcer')).toContainText(name);
  await expect(panel.getByTestId('profile-table')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  // sorting by value keeps a valid table
  await table.getByRole('button', { name: /^Wert/ }).click();
  await expect(table.locator('th[aria-sort=descending]')).toHaveCount(1);
});

test('switching indicator and year recolours the map and changes the legend', async ({ page }) => {
  await openAtlas(page);
  const map = page.getByTestId('map');
  const legend = page.getByTestId('legend');

  const indicator = page.getByLabel('Indikator');
  const keys = await indicator
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const current = await indicator.inputValue();
  const before = await legend.innerText();
  const timings: number[] = [];
  for (const next of keys.filter((k) => k !== current).slice(0, 3)) {
    await indicator.selectOption(next);
    await expect(map).toHaveAttribute(
      'data-drawn',
      new RegExp(`^${next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|`),
    );
    timings.push(await lastSwitchMs(page));
  }
  await expect(legend).not.toHaveText(before);
  console.log(`[bench] indicator change → recoloured: ${timings.join(', ')} ms`);

  const year = page.getByLabel('Jahr (Stichtag)');
  const dates = await year
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(dates.length).toBeGreaterThan(1);
  const older = dates.at(-1) as string;
  await year.selectOption(older);
  const [yyyy, mm, dd] = older.split('-');
  await expect(legend).toContainText(`${dd}.${mm}.${yyyy}`);
  await expect(map).toHaveAttribute('data-drawn', new RegExp(`\\|${older}\\|`));
  console.log(`[bench] year change → recoloured: ${await lastSwitchMs(page)} ms`);

  // back to a year already seen: served from the cache
  await year.selectOption(dates[0] as string);
  await expect(map).toHaveAttribute('data-drawn', new RegExp(`\\|${dates[0]}\\|`));
  console.log(`[bench] year change (cached) → recoloured: ${await lastSwitchMs(page)} ms`);

  // the level switch rebuilds only the geometry
  const levels = page.getByTestId('level-switch').getByRole('radio');
  if ((await levels.count()) > 1) {
    const unchecked = page.getByTestId('level-switch').locator('input[type=radio]:not(:checked)').first();
    const level = await unchecked.getAttribute('value');
    await unchecked.check();
    await expect(map).toHaveAttribute('data-drawn', new RegExp(`\\|${level}$`));
    await expect(page.locator(MAP_READY)).toBeVisible();
  }
});

test('secret values are shown as · and counted in the legend', async ({ page, request }) => {
  const config = (await (await request.get('/api/config')).json()) as {
    dates: string[];
    defaultLevel: string | null;
  };
  const indicators = (await (await request.get('/api/indicators')).json()) as { key: string }[];
  const date = config.dates.at(-1) as string;
  await openAtlas(page);
  const level = (await page
    .getByTestId('level-switch')
    .locator('input:checked')
    .getAttribute('value')) as string;
  let found: { key: string; id: string; name: string } | null = null;
  for (const { key } of indicators) {
    const response = await request.get(`/api/indicators/${key}/values?level=${level}&date=${date}`);
    const values = (await response.json()) as IndicatorValues;
    const secret = values.values.find((v) => v.status === 'secret');
    if (secret) {
      expect(secret.value, 'a secret value must not be sent to the browser').toBeNull();
      found = { key, id: secret.id, name: secret.name };
      break;
    }
  }
  // the demo city always has secret cells at the finest level (small areas, counts of 1 and 2)
  expect(found, 'a secret value on this level and date').not.toBeNull();
  if (!found) return;
  await page.getByLabel('Indikator').selectOption(found.key);
  await page.getByLabel('Jahr (Stichtag)').selectOption(date);
  const row = page
    .getByTestId('area-table')
    .locator('tr', { has: page.locator(`[data-area-id="${found.id}"]`) });
  await expect(row.locator('td').first()).toHaveText('·');
  await expect(page.getByTestId('legend')).toContainText('geheim (·)');
});

test('logging in as planer through the dialog shows the user name', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anmeldung' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Benutzername').fill('planer');
  await dialog.getByLabel('Passwort').fill('falsches-passwort');
  await dialog.getByRole('button', { name: 'Anmelden' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();

  await dialog.getByLabel('Passwort').fill(knownDemoPassword('planer'));
  await dialog.getByRole('button', { name: 'Anmelden' }).click();
  await expect(dialog).toBeHidden();
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: User };
  expect(me.user.username).toBe('planer');
  await expect(page.getByTestId('user')).toContainText(me.user.displayName);
  await expect(page.getByTestId('user')).toContainText('Planung');
  await expect(page.locator(MAP_READY)).toBeVisible();

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('write endpoints need a login (401) and the right role (403)', async ({
  request,
  playwright,
  baseURL,
}) => {
  const newUser = { username: 'e2e.user', displayName: 'E2E', password: 'e2e-password-123', role: 'viewer' };
  expect((await request.post('/api/areas/import')).status()).toBe(401);
  expect((await request.post('/api/users', { data: newUser })).status()).toBe(401);

  const viewer = await playwright.request.newContext({ baseURL });
  const login = await viewer.post('/api/auth/login', {
    data: { username: 'gast', password: knownDemoPassword('gast') },
  });
  expect(login.ok()).toBe(true);
  expect(((await login.json()) as { user: User }).user.role).toBe('viewer');
  expect((await viewer.post('/api/areas/import')).status()).toBe(403);
  expect((await viewer.post('/api/users', { data: newUser })).status()).toBe(403);
  await viewer.dispose();
});
