/**
 * Reports of Musterhausen's own planner in the demo Kreis: the Steckbrief document of an own
 * Wohnplatz is the internal one (the page's download asks for no public copy), of another
 * Gemeinde's Wohnplatz the public one; a stored report of an own Wohnplatz is listed as internal
 * to Musterhausen; the report form lets them leave out the public copy for an own Wohnplatz only.
 */
import { expect, test } from '@playwright/test';
import type { AreaSummary } from '../src/areas/area.schema.ts';
import { KREIS_SCOPED, KREIS_SCOPED_USERS } from '../src/demo/kreis/kreis-users.ts';
import type { ReportMeta } from '../src/reports/report-store.schema.ts';
import { SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer({ database: 'kreis' });

/** The Mittelzentrum of the demo Kreis and its central Wohnplatz (src/demo/kreis). */
const MUSTERHAUSEN = '05999020';
const CENTRE = `${MUSTERHAUSEN}001`;

test('Musterhausen’s planner downloads and stores the internal Steckbrief of an own Wohnplatz only', async ({
  page,
}) => {
  const planner = KREIS_SCOPED_USERS.find((u) => u.username === KREIS_SCOPED.mittelzentrum.username)!;
  const login = await page.request.post('/api/auth/login', {
    data: { username: planner.username, password: planner.knownPassword },
  });
  expect(login.ok()).toBe(true);

  await page.goto(`/gebiete/wohnplatz/${CENTRE}`);
  await expect(page.getByTestId('profile-note')).toContainText('als intern gekennzeichnet', SLOW);
  const pdf = page.getByTestId('profile-steckbrief-pdf');
  await expect(pdf).toHaveAttribute('href', new RegExp(`area=${CENTRE}&`));
  await expect(pdf).not.toHaveAttribute('href', /public=1/);
  const html = await page.request.get(
    ((await pdf.getAttribute('href')) ?? '').replace('format=pdf', 'format=html'),
  );
  expect(await html.text()).toContain('Intern – nicht zur Veröffentlichung');

  const areas = (await (await page.request.get('/api/areas?level=wohnplatz')).json()) as AreaSummary[];
  const rural = areas.find((w) => !w.id.startsWith(MUSTERHAUSEN))!;
  await page.goto(`/gebiete/wohnplatz/${rural.id}`);
  await expect(page.getByTestId('profile-note')).toContainText('Öffentliche Ansicht', SLOW);
  await expect(page.getByTestId('profile-steckbrief-pdf')).toHaveAttribute('href', /public=1$/);

  const created = await page.request.post('/api/reports', {
    data: { template: 'steckbrief', level: 'wohnplatz', area: CENTRE, format: 'html' },
  });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as ReportMeta;
  await page.goto('/berichte');
  const row = page.locator(`[data-testid=stored-report][data-id="${id}"]`);
  await expect(row.getByTestId('report-audience')).toHaveText('intern – nur Musterhausen', SLOW);
  // the form says which of their reports can be internal
  await expect(page.getByTestId('report-form')).toContainText('Gebiets Ihrer Zuständigkeit', SLOW);

  // a Heiderath Wohnplatz cannot be internal for them: the box says so and stays checked; an own
  // Wohnplatz leaves the choice to them
  const form = page.getByTestId('report-form');
  const box = form.getByTestId('report-public');
  const heiderath = areas.find((w) => w.parent === KREIS_SCOPED.rural.gemeindeKey)!;
  await form.getByLabel('Ebene').selectOption('wohnplatz');
  await form.getByTestId('report-area').selectOption(heiderath.id, SLOW);
  await expect(box).toBeChecked(SLOW);
  await expect(box).toBeDisabled();
  await expect(form).toContainText('Ihrer Zuständigkeit (Gemeinde Musterhausen) können intern sein');
  await expect(form.getByTestId('report-download')).toHaveAttribute('href', /public=1/);
  await form.getByTestId('report-area').selectOption(CENTRE);
  await expect(box).toBeEnabled(SLOW);
  await box.uncheck();
  await expect(form.getByTestId('report-download')).not.toHaveAttribute('href', /public=1/);
});
