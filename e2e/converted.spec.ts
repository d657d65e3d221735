/**
 * „umgerechnet“ in the browser: on a city whose Planungsräume got a new Gebietsstand and whose
 * earlier counts were converted onto the new areas by the conversion service (the fixture of the
 * API tests, src/test/converted-city.ts), the Steckbrief of a converted area marks its values in
 * the indicator table with a footnote and says so in the series chart's text alternative, and the
 * atlas's side panel marks them in its short profile. The marks follow the counts, not the cells'
 * disclosure, so a visitor sees them on its protected values (·) too.
 */
import { expect, test } from '@playwright/test';
import { insertAccount } from '../src/auth/auth.service.ts';
import { hashPassword } from '../src/auth/password.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { convertedCity } from '../src/test/converted-city.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

/** The footnote of the values converted by surface from the Gebietsstand of 01.01.2000. */
const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';
const MARK = 'umgerechnet vom Gebietsstand 01.01.2000';

useServer({
  database: 'empty',
  prepare: async (dir) => {
    const db = await openDb(dir);
    try {
      await migrate(db);
      await seedDefaults(db);
      await convertedCity(db);
      // a user, so that the app is set up (no Einrichtung): the demo's planner, with its password
      await insertAccount(db, {
        username: 'planer',
        displayName: 'Planer',
        passwordHash: await hashPassword(knownDemoPassword('planer')),
        role: 'planner',
      });
    } finally {
      await db.close();
    }
  },
});

test('the Steckbrief of a converted area marks its values in the table and the series chart', async ({
  page,
}) => {
  // the city is too small for the public's values (·): the planner reads the numbers
  await login(page, 'planer');
  // M at 31.12.2020: converted; its district P1 and the city sum it with L's own count
  await page.goto('/gebiete/planungsraum/M?stichtag=2020-12-31');
  const table = page.getByTestId('profile-indicators');
  const row = table.locator('tr[data-key=einwohner]');
  await expect(row).toBeVisible(SLOW);
  await expect(row.getByTestId('profile-converted')).toHaveCount(3);
  await expect(row.locator('[data-col=area]')).toContainText('85¹');
  await expect(page.getByTestId('profile-converted-notes')).toHaveText(NOTE);

  // the chart of the inhabitants, whether the text names them or it is chosen here
  await page.getByLabel('Weitere Zeitreihe').selectOption('einwohner');
  const chart = page
    .locator('figure.profile-chart', { hasText: 'Einwohnerinnen und Einwohner' })
    .getByTestId('series-chart');
  const point =
    `31.12.2020 (${MARK}): 85 Personen ` + `(Gebiet P1 170 Personen (${MARK}), Stadt 200 Personen (${MARK}))`;
  // numbers and units are joined by a no-break space
  const label = async () => (await chart.getAttribute('aria-label'))?.replace(/\s/g, ' ');
  await expect.poll(label, SLOW).toContain(point);
  await expect(chart.locator('svg')).toBeVisible();
});

test('the atlas’s side panel marks the converted area and city values', async ({ page }) => {
  await page.goto('/?indikator=einwohner&stichtag=2020-12-31&ebene=planungsraum&gebiet=M');
  const panel = page.getByTestId('side-panel');
  const row = panel.getByTestId('profile-table').locator('tr[data-key=einwohner]');
  await expect(row).toBeVisible(SLOW);
  await expect(row.getByTestId('profile-table-converted')).toHaveCount(2);
  await expect(panel.getByTestId('profile-table-converted-notes')).toHaveText(NOTE);
  await expect(panel.getByTestId('series-chart')).toHaveAttribute('aria-label', new RegExp(MARK), SLOW);
});
