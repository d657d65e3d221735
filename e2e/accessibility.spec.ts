/**
 * axe-core on every page of the app (src/web/router.ts), for a visitor and for a planner, and the
 * administrators' pages for an administrator: no serious or critical violation of WCAG 2.1 A/AA
 * (and of axe's best practices), see e2e/axe.ts. Each page is checked in its end state – data
 * drawn, form filled, or the notice that asks to log in – never while it loads. Nothing is
 * excluded: the MapLibre map (canvas with a label, zoom buttons, attribution) is checked as well.
 * The Einrichtung of an empty installation is checked in setup.spec.ts, the states of the area
 * upload in area-import.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, MAP_READY, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

const server = useServer();

/**
 * Stored reports, so that the reports page is checked with its table of them: a public one (what
 * visitors see too) and an internal one, both made by the planner and finished.
 */
test.beforeAll(async ({ playwright }) => {
  test.setTimeout(240_000);
  const api = await playwright.request.newContext({ baseURL: server.origin });
  try {
    const signedIn = await api.post('/api/auth/login', {
      data: { username: 'planer', password: knownDemoPassword('planer') },
    });
    expect(signedIn.ok()).toBe(true);
    const ids: number[] = [];
    for (const published of [true, false]) {
      const created = await api.post('/api/reports', {
        data: { template: 'steckbrief', level: 'sozialraum', area: '101', format: 'pdf', public: published },
      });
      expect(created.status()).toBe(202);
      ids.push(((await created.json()) as { id: number }).id);
    }
    const status = async (id: number) =>
      ((await (await api.get(`/api/reports/${id}`)).json()) as { status: string }).status;
    await expect
      .poll(async () => Promise.all(ids.map(status)), { timeout: 180_000 })
      .toEqual(['done', 'done']);
  } finally {
    await api.dispose();
  }
});

type Role = 'visitor' | 'planer' | 'admin';

interface Visit {
  /** Test title. */
  name: string;
  path: string;
  /** Text of the page's h1. */
  heading: string | RegExp;
  /** Waits for the page's end state for this role (after the heading is shown). */
  ready: (page: Page, role: Role) => Promise<void>;
}

const main = (page: Page) => page.getByRole('main');

/** A visitor on a page for logged-in users sees a notice with a login button. */
const loginNotice = (page: Page) =>
  expect(main(page).getByRole('button', { name: 'Anmelden', exact: true })).toBeVisible();

async function atlasWithCharts(page: Page): Promise<void> {
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await expect(page.getByTestId('legend')).toBeVisible();
  // the analysis part draws its charts and table once scrolled near
  await page.getByTestId('analysis').scrollIntoViewIfNeeded();
  for (const chart of ['ranking', 'histogram', 'boxplot', 'scatter'])
    await expect(page.getByTestId(`chart-${chart}`).locator('svg')).toBeVisible(SLOW);
  await expect(page.getByTestId('stat-table')).toBeVisible(SLOW);
}

const VISITS: Visit[] = [
  {
    name: 'atlas with map, legend, table and analysis charts',
    path: '/',
    heading: /Sozialatlas/,
    ready: atlasWithCharts,
  },
  {
    name: 'atlas with an area profile in the side panel',
    path: '/?ebene=sozialraum&gebiet=101',
    heading: /Sozialatlas/,
    ready: async (page) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      const panel = page.getByTestId('side-panel');
      await expect(panel.getByTestId('profile-table')).toBeVisible(SLOW);
      await expect(panel.getByTestId('series-chart').locator('svg')).toBeVisible(SLOW);
    },
  },
  {
    name: 'indicator catalogue',
    path: '/indikatoren',
    heading: 'Indikatorenkatalog',
    ready: async (page, role) => {
      await expect(page.getByRole('table', { name: 'Soziale Lage' })).toBeVisible();
      if (role !== 'visitor') await expect(page.getByTestId('catalogue-tools')).toBeVisible();
    },
  },
  {
    name: 'Kennblatt of an indicator',
    path: '/indikatoren/sgb2_quote',
    heading: 'SGB-II-Quote',
    ready: async (page, role) => {
      await expect(page.getByTestId('sheet-formula')).toContainText('sgb2 / ew_u65');
      await expect(page.getByTestId('download-csv')).toBeVisible(SLOW);
      if (role !== 'visitor') await expect(page.getByTestId('sheet-tools')).toBeVisible();
    },
  },
  {
    name: 'new indicator',
    path: '/indikatoren/neuer-indikator',
    heading: 'Neuer Indikator',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByTestId('indicator-form').getByLabel('Schlüssel')).toBeEditable();
    },
  },
  {
    name: 'indicator editor',
    path: '/indikatoren/sgb2_quote/bearbeiten',
    heading: 'SGB-II-Quote bearbeiten',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByTestId('indicator-form').getByLabel('Name')).toHaveValue('SGB-II-Quote');
    },
  },
  {
    name: 'data import',
    path: '/import',
    heading: 'Daten importieren',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByLabel('Datei (CSV oder Excel)')).toBeVisible();
    },
  },
  {
    name: 'Sozialmonitoring with matrix, index map, table and robustness',
    path: '/monitoring',
    heading: 'Sozialmonitoring',
    ready: async (page, role) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      await expect(page.getByTestId('matrix-cell')).toHaveCount(12);
      // planners see the inhabitants' shares in the matrix: the buttons' names must hold them too
      if (role !== 'visitor')
        await expect(page.getByTestId('index-matrix').locator('.index-matrix__share').first()).toBeVisible();
      await expect(page.getByTestId('index-table').locator('tbody tr').first()).toBeVisible();
      await expect(page.getByTestId('index-legend').getByTestId('legend-not-robust')).toContainText(
        /\d+ Gebiet/,
        SLOW,
      );
    },
  },
  {
    name: 'index definition',
    path: '/monitoring/indizes/berlin_mss',
    heading: /^Index „/,
    ready: async (page, role) => {
      const weight = page.getByLabel('Teilindex 1, Indikator 1: Gewicht');
      await expect(weight).toHaveValue(/^\d/);
      if (role === 'visitor') await expect(page.getByTestId('index-read-only')).toBeVisible();
      else await expect(weight).toBeEditable();
    },
  },
  {
    name: 'new index',
    path: '/monitoring/indizes/neu',
    heading: 'Neuer Index',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByLabel('Vorlage übernehmen')).toBeEnabled();
    },
  },
  {
    name: 'Frühwarnung',
    path: '/fruehwarnung',
    heading: 'Frühwarnung',
    ready: async (page, role) => {
      await expect(page.getByTestId('warnings-count')).toHaveText(/^\d+ Hinweise? in/, SLOW);
      await expect(page.getByTestId('warnings-table').locator('tbody tr').first()).toBeVisible();
      if (role !== 'visitor') await expect(page.getByRole('switch').first()).toBeVisible();
    },
  },
  {
    name: 'area profile',
    path: '/gebiete/sozialraum/101',
    heading: /^Gebietsprofil /,
    ready: async (page) => {
      await expect(page.getByTestId('profile-text')).toHaveText(/\d,\d/, SLOW);
      await expect(page.getByTestId('profile-locator')).toBeVisible(SLOW);
      await expect(page.getByTestId('series-chart').first().locator('svg')).toBeVisible(SLOW);
      await expect(page.getByTestId('profile-robustness')).toContainText('von', SLOW);
    },
  },
  {
    name: 'area upload',
    path: '/gebiete/import',
    heading: 'Gebiete importieren',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByLabel('Gebietsdateien')).toBeVisible();
    },
  },
  {
    name: 'Sozialraumtypen',
    path: '/typologie?ebene=sozialraum&k=4',
    heading: 'Sozialraumtypen',
    ready: async (page) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      await expect(page.getByTestId('type-legend').locator('[data-type]')).toHaveCount(4, SLOW);
      await expect(page.getByTestId('type-profiles').locator('tbody tr')).toHaveCount(4);
      await expect(page.getByTestId('criterion-chart').locator('svg')).toBeVisible(SLOW);
    },
  },
  {
    name: 'compare view',
    path: '/vergleich?ebene=sozialraum&a=101&b=205&toleranz=1.5',
    heading: 'Gebiete vergleichen',
    ready: async (page) => {
      await expect(page.getByTestId('compare-table').locator('tbody tr').first()).toBeVisible(SLOW);
      await expect(page.getByTestId('compare-chart').locator('svg')).toBeVisible(SLOW);
      await expect(page.getByTestId('similar-table').locator('tbody tr[data-key]').first()).toBeVisible(SLOW);
    },
  },
  {
    name: 'reports with a Steckbrief preview',
    path: '/berichte?vorlage=steckbrief&ebene=sozialraum&gebiet=101',
    heading: 'Berichte',
    ready: async (page) => {
      await expect(page.getByLabel('Gebiet', { exact: true })).toHaveValue('101');
      await expect(page.getByRole('heading', { level: 2, name: 'Abgelegte Berichte' })).toBeVisible();
      // the reports stored above (visitors see the public one)
      await expect(page.getByTestId('stored-report').first()).toBeVisible();
      await page.getByRole('button', { name: 'Vorschau' }).click();
      const frame = page.frameLocator('[data-testid=report-frame]');
      await expect(frame.locator('body')).toContainText('Steckbrief', SLOW);
      await expect(frame.locator('svg').first()).toBeVisible();
    },
  },
  {
    name: 'report template',
    path: '/berichte/vorlagen/steckbrief',
    heading: 'Vorlage „Steckbrief“',
    ready: async (page, role) => {
      await expect(page.getByTestId('template-chapter-0').getByLabel('Überschrift')).not.toHaveValue('');
      if (role === 'visitor') await expect(page.getByTestId('template-read-only')).toBeVisible();
      else await expect(page.getByRole('button', { name: 'Speichern' })).toBeEnabled();
    },
  },
  {
    name: 'new report template',
    path: '/berichte/vorlagen/neu',
    heading: 'Neue Berichtsvorlage',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByLabel('Vorlage übernehmen')).toBeEnabled();
    },
  },
  {
    name: 'account administration',
    path: '/benutzer',
    heading: 'Benutzer',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else if (role === 'planer')
        await expect(page.getByTestId('users-needs-role')).toContainText('der Administration vorbehalten');
      else await expect(page.getByTestId('users-table')).toContainText('planer');
    },
  },
  {
    name: 'own account',
    path: '/konto',
    heading: 'Passwort ändern',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByLabel('Bisheriges Passwort')).toBeVisible();
    },
  },
  {
    name: 'variables',
    path: '/variablen',
    heading: 'Variablen',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByTestId('variables-summary')).toHaveText(/erwarteten Variablen/);
    },
  },
  {
    name: 'city settings',
    path: '/einstellungen',
    heading: 'Einstellungen der Stadt',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else if (role === 'planer')
        await expect(main(page).locator('.notice')).toContainText('nur Administratoren');
      else await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Musterstadt');
    },
  },
  {
    name: 'facilities with map, table and, for planners, the import',
    path: '/einrichtungen?art=kita',
    heading: 'Einrichtungen',
    ready: async (page, role) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      await expect(page.getByTestId('facility-table').locator('tbody tr').first()).toBeVisible(SLOW);
      if (role !== 'visitor') await expect(page.getByTestId('facility-import')).toBeVisible();
    },
  },
  {
    name: 'a facility with its history',
    path: '/einrichtungen?art=kita&einrichtung=kita-001',
    heading: 'Einrichtungen',
    ready: async (page, role) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      const panel = page.getByTestId('facility-panel');
      await expect(panel.getByTestId('facility-history').locator('tbody tr')).toHaveCount(1, SLOW);
      if (role !== 'visitor') await expect(panel.getByRole('button', { name: 'Bearbeiten' })).toBeVisible();
    },
  },
  {
    name: 'coverage with map, legend, table and the time series of an area',
    path: '/versorgung?ebene=sozialraum&gebiet=101',
    heading: 'Versorgung',
    ready: async (page, role) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      await expect(page.getByTestId('legend').getByTestId('legend-class').first()).toBeVisible(SLOW);
      await expect(page.getByTestId('coverage-totals')).toBeVisible(SLOW);
      await expect(page.getByTestId('side-panel').getByTestId('series-chart').locator('svg')).toBeVisible(
        SLOW,
      );
      if (role !== 'visitor') await expect(page.getByTestId('scenario-select')).toBeVisible();
    },
  },
  {
    name: 'Bedarfsplan with ranked table and map',
    path: '/versorgung/bedarfsplan?ebene=sozialraum',
    heading: 'Bedarfsplan',
    ready: async (page) => {
      await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
      await expect(page.getByTestId('needs-plan-table').locator('tbody tr').first()).toBeVisible(SLOW);
      await expect(page.getByTestId('legend').getByTestId('legend-class').first()).toBeVisible();
    },
  },
  {
    name: 'scenarios',
    path: '/versorgung/szenarien',
    heading: 'Szenarien',
    ready: async (page, role) => {
      if (role === 'visitor') await loginNotice(page);
      else await expect(page.getByRole('button', { name: 'Szenario anlegen' })).toBeVisible(SLOW);
    },
  },
  {
    name: 'an unknown address',
    path: '/gibt-es-nicht',
    heading: 'Diese Seite gibt es nicht.',
    ready: async (page) => {
      await expect(main(page).getByRole('link', { name: 'Zum Sozialatlas' })).toBeVisible();
    },
  },
];

/** The administrators' own pages are checked for them as well; every page for visitors and planners. */
const ADMIN_PAGES = new Set(['/benutzer', '/einstellungen']);

for (const role of ['visitor', 'planer', 'admin'] as const) {
  test.describe(`as ${role === 'visitor' ? 'a visitor' : role === 'planer' ? 'a planner' : 'an administrator'}`, () => {
    for (const visit of VISITS.filter((v) => role !== 'admin' || ADMIN_PAGES.has(v.path))) {
      test(`${visit.name} (${visit.path})`, async ({ page }) => {
        test.setTimeout(180_000);
        if (role !== 'visitor') await login(page, role);
        await page.goto(visit.path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(visit.heading, SLOW);
        // the header says who is logged in: the page is checked as that role sees it
        if (role === 'visitor')
          await expect(page.getByRole('button', { name: 'Anmelden' }).first()).toBeVisible();
        else await expect(page.getByTestId('user')).toBeVisible();
        await visit.ready(page, role);
        await expectNoSeriousViolations(page, `${visit.path} (${role})`);
      });
    }
  });
}

test('the login dialog', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Anmeldung' });
  // the dialog with the server's error message
  await dialog.getByLabel('Benutzername').fill('niemand');
  await dialog.getByLabel('Passwort').fill('falsches-passwort');
  await dialog.getByRole('button', { name: 'Anmelden' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await expectNoSeriousViolations(page, 'login dialog');
});

test('the area profile marks the atlas as the current section of the navigation', async ({ page }) => {
  await page.goto('/gebiete/sozialraum/101');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Gebietsprofil /);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Atlas' })).toHaveAttribute('aria-current', 'true');
  await expect(nav.locator('[aria-current]')).toHaveCount(1);
});
