import { expect, test } from '@playwright/test';
import type { Steckbrief } from '../src/profile/profile.schema.ts';
import type { RunValues, StoredProjection } from '../src/projection/projection-series.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, near, openAtlas, pngColours, pointInsideArea, SLOW, type Rgb } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

/** The primary colour the locator map fills the area with (--c-primary). */
const PRIMARY: Rgb = [0x1f, 0x4e, 0x79];

test('opens an area profile by its address: heading, text with German numbers, table with the city', async ({
  page,
}) => {
  const api = await page.request.get('/api/profiles/sozialraum/101');
  expect(api.ok()).toBe(true);
  const profile = (await api.json()) as Steckbrief;
  const name = profile.area.name;

  const t0 = Date.now();
  await page.goto('/gebiete/sozialraum/101');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gebietsprofil ${name}`);
  const text = page.getByTestId('profile-text');
  await expect(text).toContainText(name);
  await expect(text).toHaveText(/\d,\d/);
  console.log(`[bench] profile page: navigation → text shown: ${Date.now() - t0} ms`);
  await expect(page).toHaveTitle(`Gebietsprofil ${name} – Lagebild`);

  const table = page.getByTestId('profile-indicators');
  await expect(table.getByRole('columnheader', { name: 'Stadt', exact: true })).toBeVisible();
  const city = await table.locator('tbody td[data-col=city]').allTextContents();
  expect(city.length).toBe(profile.themes.flatMap((t) => t.indicators).length);
  for (const cell of city) expect(cell).toMatch(/^(-?\d{1,3}(\.\d{3})*(,\d+)?|·|–)$/);
  expect(city.some((c) => /,\d/.test(c))).toBe(true);
  // the district column carries the name of the Stadtbezirk
  await expect(table.getByRole('columnheader', { name: profile.area.parentName! })).toBeVisible();

  // sections with headings, the index history and the compare link
  for (const heading of ['Auf einen Blick', 'Lage in der Stadt', 'Frühwarnung', 'Indikatoren', 'Zeitreihen'])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByTestId('profile-history').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('profile-robustness')).toContainText('von');
  await expect(page.getByTestId('profile-compare')).toHaveAttribute(
    'href',
    `/vergleich?ebene=sozialraum&stichtag=${profile.date}&a=101&b=stadt`,
  );
  await expect(page.getByTestId('series-chart').first().locator('svg')).toBeVisible();

  // the locator map shows the area in the primary colour (looked at, not only present)
  const locator = page.getByTestId('profile-locator');
  await expect(locator).toBeVisible();
  const { colours, total } = await pngColours(page, await locator.screenshot());
  const filled = colours.filter(([rgb]) => near(rgb, PRIMARY, 6)).reduce((s, [, n]) => s + n, 0);
  expect(filled / total).toBeGreaterThan(0.002);

  // on paper: no navigation, the text stays
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(text).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('shows a secret value as · to the public, never as a number', async ({ page }) => {
  // find an area whose SGB-II-Quote is secret for the public (the demo city has one)
  const areas = (await (await page.request.get('/api/areas?level=sozialraum')).json()) as { id: string }[];
  // the Datenstand the profile opens with (a later import may have added a sparse Stichtag)
  const config = (await (await page.request.get('/api/config')).json()) as { currentDate: string };
  const values = (await (
    await page.request.get(`/api/indicators/sgb2_quote/values?level=sozialraum&date=${config.currentDate}`)
  ).json()) as { values: { id: string; status: string }[] };
  const secret = values.values.find((v) => v.status === 'secret');
  expect(secret, `one of ${areas.length} areas is secret`).toBeTruthy();

  await page.goto(`/gebiete/sozialraum/${secret!.id}`);
  const row = page.getByTestId('profile-indicators').locator('tr[data-key=sgb2_quote]');
  await expect(row.locator('td[data-col=area]')).toHaveText('·');
  await expect(row.locator('td[data-col=difference]')).toHaveText('·');
  await expect(row.locator('td[data-col=city]')).toHaveText(/^\d+,\d$/);
  await expect(page.getByText(/geheim gehalten/).first()).toBeVisible();
});

test('the atlas side panel links to the area profile', async ({ page }) => {
  await openAtlas(page);
  const { x, y, id, name } = await pointInsideArea(page);
  await page.getByTestId('map').click({ position: { x, y } });
  const link = page.getByTestId('side-panel').getByRole('link', { name: 'Gebietsprofil' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/gebiete/[a-z_]+/${id}\\?stichtag=\\d{4}-\\d{2}-\\d{2}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gebietsprofil ${name}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('profile-text')).toContainText(name);
});

test('an unknown area gets a German message', async ({ page }) => {
  await page.goto('/gebiete/sozialraum/gibtsnicht');
  await expect(page.getByRole('alert')).toContainText(
    'Das Gebiet „gibtsnicht“ gibt es auf der Ebene „Sozialraum“ nicht.',
  );
});

// last in the file: it publishes a projection, which every later Steckbrief of this server shows
test('shows the published Prognose: planners unrounded, the public rounded with small areas only in their district', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const stored = await page.request.post('/api/projection/runs', {
    data: {
      name: 'Prognose 2024–2032',
      level: 'sozialraum',
      base: '2024-12-31',
      to: '2032-12-31',
      variables: ['ew_u3', 'ew_65plus'],
    },
    timeout: 180_000,
  });
  expect(stored.ok(), await stored.text()).toBe(true);
  const run = (await stored.json()) as StoredProjection;
  // the smallest Sozialraum below the threshold, so that the public sees it only within its district
  const values = (await (
    await page.request.get(`/api/projection/runs/${run.id}/values`)
  ).json()) as RunValues;
  const sizes = new Map<string, number>();
  for (const v of values.values)
    if (v.variable === 'ew') sizes.set(v.area, Math.min(sizes.get(v.area) ?? Infinity, v.value!));
  const [small, smallest] = [...sizes].sort((a, b) => a[1] - b[1])[0]!;
  const published = await page.request.post('/api/projection/runs', {
    data: {
      name: 'Prognose 2024–2032',
      level: 'sozialraum',
      base: '2024-12-31',
      to: '2032-12-31',
      variables: ['ew_u3', 'ew_65plus'],
      minPopulation: smallest + 1,
      published: true,
    },
    timeout: 180_000,
  });
  expect(published.ok(), await published.text()).toBe(true);

  await page.goto(`/gebiete/sozialraum/${small}`);
  const heading = page.getByRole('heading', { level: 2, name: 'Prognose (Bevölkerungsvorausberechnung)' });
  await expect(heading).toBeVisible(SLOW);
  const table = page.getByTestId('profile-projection');
  for (const column of ['2029 (Prognose)', '2032 (Prognose)'])
    await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /\(Bestand\)$/ })).toBeVisible();
  const own = table.locator('tbody[data-key=einwohner] tr[data-who=area] td[data-date="2032-12-31"]');
  const exact = values.values.find(
    (v) => v.area === small && v.date === '2032-12-31' && v.variable === 'ew',
  )!;
  // planners: the run's own number (German format, unrounded)
  await expect(own).toHaveText(Math.round(exact.value!).toLocaleString('de-DE'));
  await expect(page.getByTestId('profile-projection-note')).toContainText('ungerundet (intern), unsicher');
  await table.scrollIntoViewIfNeeded();
  await expectNoSeriousViolations(page, 'Gebietsprofil mit Prognose (planer)');

  // the public: the small area only within its district, every other number rounded to tens
  expect((await page.request.post('/api/auth/logout')).ok()).toBe(true);
  await page.reload();
  await expect(page.getByText(/geheim gehalten/).first()).toBeVisible(SLOW);
  await expect(own).toHaveText('nur im Bezirk ausgewiesen');
  // the observed Bestand follows the disclosure control of the data (a number or ·), not the Prognose's rule
  await expect(
    table.locator('tbody[data-key=einwohner] tr[data-who=area] td:not([data-date="2032-12-31"])').first(),
  ).toHaveText(/^(·|[\d.]+)$/);
  const note = page.getByTestId('profile-projection-note');
  await expect(note).toContainText('Hamilton-Perry-Verfahren');
  await expect(note).toContainText('Basis 31.12.2024 – gerundet, unsicher');
  await expect(note).toContainText(`Gebiete unter ${(smallest + 1).toLocaleString('de-DE')} Einwohnern`);
  const district = await table.locator('tbody[data-key=einwohner] tr[data-who=district] td').allInnerTexts();
  for (const cell of district.slice(1)) expect(cell.replace(/\./g, '')).toMatch(/(0|·)$/);
  await expectNoSeriousViolations(page, 'Gebietsprofil mit Prognose (öffentlich)');
});
