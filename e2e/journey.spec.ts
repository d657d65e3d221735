/**
 * A real city's whole adoption journey in the browser, on an empty installation (`serve --no-demo`):
 * the Einrichtung through the printed one-time link, the areas from the office's shapefile, parent
 * levels derived from their keys, the population tables as delivered, the catalogue's variables as
 * sums of the delivered age bands, then the atlas, a visitor's area profile and its Steckbrief as
 * PDF. Köln (86 Stadtteile, population 2005–2012 in the long format of the open data portal) and
 * Berlin (542 Planungsräume of the LOR 2021, two Stichtage), each on a server of its own. The
 * steps are the CLI journey's (src/test/adoption-journey.ts), typed and clicked on the pages
 * (e2e/journey-steps.ts); the numbers expected are those of the CLI journey's test.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { BERLIN, KOELN } from '../src/test/adoption-journey.ts';
import {
  atlas,
  checkSteckbrief,
  defineSums,
  derive,
  einrichtung,
  expectSums,
  get,
  importAreas,
  importTable,
  journeyServer,
  plan,
  visitorProfile,
} from './journey-steps.ts';
import { useServer } from './server.ts';

const data = (path: string) => resolve('../shared/data', path);

/** Köln's share of the 65+ at 31.12.2012 from the city rows (raum_id 000) as delivered. */
async function koelnCity65(): Promise<number> {
  const city = new Map<string, number>();
  for (const line of (await readFile(data('koeln-stadtteile/bevoelkerung_2005-2012.csv'), 'utf8')).split(
    '\n',
  )) {
    const [, tab, , year, area, , row, , count] = line.split(',');
    if (year === '2012' && area === '000') city.set(`${tab}.${row}`, Number(count));
  }
  return (((city.get('020.120') ?? 0) + (city.get('020.130') ?? 0)) / (city.get('005.10') ?? 0)) * 100;
}

/** Berlin's share of the 65+ at 31.12.2024: column sums of the delivered file. */
async function berlinCity65(): Promise<number> {
  const file = data('berlin-lor-population-agegroups/berlin-lor-population-2024-02-t2.csv');
  const rows = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  // inhabitants (index 4) and 65 and older (`inhabitants_age_above_65`, index 12)
  const total = (column: number) => rows.reduce((sum, row) => sum + (row[column] ?? 0), 0);
  return (total(12) / total(4)) * 100;
}

test.describe('Köln', () => {
  const server = useServer({ database: 'empty' });

  test('adopts Lagebild in the browser: from the Einrichtung to the visitor’s Steckbrief', async ({
    page,
    browser,
  }) => {
    test.setTimeout(600_000);
    const t0 = Date.now();
    const s = journeyServer(server);
    const steps = plan(KOELN);
    await einrichtung(page, s, steps.city);
    await importAreas(page, s, { ...steps.areas, count: 86 });
    // Stadtbezirke 1–9: the first digit of a Stadtteil's number
    await derive(page, { ...steps.derive[0]!, count: 9, children: 86 });

    // the long format as delivered: the city (000) and Stadtbezirk rows (001–009) are recognised
    // and their totals checked, not refused
    await importTable(page, s, { ...steps.tables[0]!, stored: 26_095 });
    await expect(page.getByTestId('import-recognised')).toContainText(
      'Tabelle im Format der Kölner Statistik',
    );
    const report = page.getByTestId('import-report');
    await expect(report).toContainText('gehören nicht zur Ebene „Stadtteil“, sondern zur Gesamtstadt');
    await expect(report).toContainText('3.010 gelieferte Summen geprüft, alle stimmen.');

    // the catalogue's variables still without values, offered under the import: half of the sums
    // there, the rest on the Variablen page
    const fit = page.getByTestId('import-variables');
    await expect(fit.getByRole('heading', { name: 'Variablen des Katalogs' })).toBeVisible();
    const missing = fit.getByTestId('variables-missing');
    for (const [key] of KOELN.sums) await expect(missing.locator(`tr[data-key="${key}"]`)).toHaveCount(1);
    const half = Math.ceil(KOELN.sums.length / 2);
    await defineSums(fit, KOELN.sums.slice(0, half));
    await page.goto(`${s.origin}/variablen`);
    await defineSums(page.getByRole('main'), KOELN.sums.slice(half));
    // 86 Stadtteile × 8 Stichtage
    await expectSums(page, s, KOELN.sums, 688);

    const shown = await atlas(page, s, {
      level: 'stadtteil',
      name: 'Stadtteil',
      areas: 86,
      uninhabited: [],
      cityValue: await koelnCity65(),
    });
    expect(shown.date).toBe(KOELN.date);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    const areas = await get<{ id: string; name: string }[]>(page, `${s.origin}/api/areas?level=stadtteil`);
    const ehrenfeld = areas.filter((a) => a.name === 'Ehrenfeld');
    expect(ehrenfeld).toHaveLength(1);
    const steckbrief = await visitorProfile(browser, s, {
      city: 'Köln',
      level: 'stadtteil',
      area: ehrenfeld[0]!.id,
      name: 'Ehrenfeld',
      cityValue: shown.city,
    });
    // Stadtbezirke derived by key prefix are named after their level and key
    checkSteckbrief(steckbrief, { city: 'Köln', area: 'Ehrenfeld', parent: 'Stadtbezirk 4' });
    console.log(`[journey] Köln: ${Math.round((Date.now() - t0) / 1000)} s`);
  });
});

test.describe('Berlin', () => {
  const server = useServer({ database: 'empty' });

  test('adopts Lagebild in the browser: from the Einrichtung to the visitor’s Steckbrief', async ({
    page,
    browser,
  }) => {
    test.setTimeout(600_000);
    const t0 = Date.now();
    const s = journeyServer(server);
    const steps = plan(BERLIN);
    await einrichtung(page, s, steps.city);
    await importAreas(page, s, { ...steps.areas, count: 542 });
    // Bezirksregionen and Prognoseräume from the LOR key table with their names, the Bezirke
    // from the first two digits (the key table names the Bezirk but has no number for it)
    const [regions, prognose, bezirke] = steps.derive;
    await derive(page, { ...regions!, count: 143, children: 542 });
    await derive(page, { ...prognose!, count: 58, children: 143 });
    await derive(page, { ...bezirke!, count: 12, children: 58 });

    // files without a date column: the Stichtag given on the page; 542 Planungsräume × 11 columns
    for (const table of steps.tables) await importTable(page, s, { ...table, stored: 5_962 });

    const fit = page.getByTestId('import-variables');
    await expect(fit.getByRole('heading', { name: 'Variablen des Katalogs' })).toBeVisible();
    const half = Math.ceil(BERLIN.sums.length / 2);
    await defineSums(fit, BERLIN.sums.slice(0, half));
    await page.goto(`${s.origin}/variablen`);
    await defineSums(page.getByRole('main'), BERLIN.sums.slice(half));
    // 542 Planungsräume × 2 Stichtage
    await expectSums(page, s, BERLIN.sums, 1_084);

    const shown = await atlas(page, s, {
      level: 'planungsraum',
      name: 'Planungsraum',
      areas: 542,
      // Pankower Tor and Landweg have no inhabitants, hence no share
      uninhabited: ['03400831', '06200418'],
      cityValue: await berlinCity65(),
    });
    expect(shown.date).toBe(BERLIN.date);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    // Lützowstraße in Tiergarten Süd, 5,790 inhabitants at the end of 2024
    const steckbrief = await visitorProfile(browser, s, {
      city: 'Berlin',
      level: 'planungsraum',
      area: '01100103',
      name: 'Lützowstraße',
      cityValue: shown.city,
    });
    checkSteckbrief(steckbrief, { city: 'Berlin', area: 'Lützowstraße', parent: 'Tiergarten Süd' });
    console.log(`[journey] Berlin: ${Math.round((Date.now() - t0) / 1000)} s`);
  });
});
