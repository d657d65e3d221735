/**
 * The page „Gremien“ (Steuerung): a planner records an organisation and a body with the
 * organisation as member, a meeting with an agenda item that links a Steckbrief and an action item
 * for the organisation, downloads the minutes as Word and finds the overdue item under „Fällig“;
 * a partner of that organisation then reads the body and its meeting, without any form. Axe on
 * both views.
 *
 * The spec file has a server of its own (useServer): its bodies and accounts stay in this file's
 * database only.
 */
import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { AreaCollection } from '../src/web/api.ts';
import type { Organisation } from '../src/bodies/body.schema.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { login, SLOW } from './helpers.ts';
import { useServer } from './server.ts';

useServer();

const LEVEL = 'sozialraum';
const ORGANISATION = 'E2E Diakonie Nord';
const BODY = 'E2E Stadtteilarbeitskreis Nord';
const ITEM = 'Kinderarmut im Quartier';
const ACTION = 'Räume für das Familienzentrum suchen';
const PARTNER = { username: 'e2e.partner', password: 'partner-passwort-2024' };

test('a planner keeps a body, its meeting, the minutes as Word and what is due; a partner reads it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${LEVEL}`)
  ).json()) as AreaCollection;
  const area = areas.features[0]!.properties;

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Gremien' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gremien');
  await expect(nav.getByRole('link', { name: 'Gremien' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Es gibt noch keine Gremien.')).toBeVisible(SLOW);

  // the organisation
  const organisations = page.getByRole('region', { name: 'Organisationen' });
  await organisations.getByLabel('Name der Organisation').fill(ORGANISATION);
  await organisations.getByLabel('Art der Organisation').selectOption('wohlfahrtsverband');
  await organisations.getByLabel('Ansprechperson').fill('Frau Meier');
  await organisations.getByRole('button', { name: 'Anlegen' }).click();
  await expect(organisations.getByRole('table')).toContainText(ORGANISATION);

  // the body, with the organisation as member
  const bodyForm = page.getByTestId('body-form');
  await bodyForm.getByLabel('Name des Gremiums').fill(BODY);
  await bodyForm.getByLabel('Thema').fill('Kinder und Familie');
  await bodyForm.getByRole('button', { name: 'Anlegen' }).click();
  const details = page.getByTestId('body-details');
  await expect(details.getByRole('heading', { level: 2 })).toContainText(BODY);
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  const memberForm = details.getByTestId('member-form');
  await memberForm.getByLabel('Organisation', { exact: true }).selectOption({ label: ORGANISATION });
  await memberForm.getByLabel('Funktion').fill('Vorsitz');
  await memberForm.getByRole('button', { name: 'Anlegen' }).click();
  await expect(details.getByTestId('body-members')).toContainText(`${ORGANISATION} – Vorsitz`);

  // a meeting with an agenda item linking a Steckbrief, and an action item
  const meetingForm = details.getByTestId('meeting-form');
  await meetingForm.getByLabel('Datum der Sitzung').fill('2025-03-12');
  await meetingForm.getByLabel('Ort der Sitzung').fill('Stadtteilzentrum');
  await meetingForm.getByRole('button', { name: 'Anlegen' }).click();
  const meeting = page.getByTestId('meeting-details');
  await expect(meeting.getByRole('heading', { level: 2 })).toHaveText(`${BODY}: Sitzung vom 12.03.2025`);
  const agendaForm = meeting.getByTestId('agenda-form');
  await agendaForm.getByLabel('Titel des Tagesordnungspunkts').fill(ITEM);
  await agendaForm.getByLabel('Anlage').selectOption('steckbrief');
  await agendaForm.getByLabel('Ebene', { exact: true }).selectOption(LEVEL);
  await agendaForm.getByLabel('Gebiet', { exact: true }).selectOption(area.id);
  await agendaForm.getByLabel('Protokoll').fill('Die Quote liegt über dem Durchschnitt der Stadt.');
  await agendaForm.getByLabel('Beschluss').fill('Der Arbeitskreis empfiehlt ein Familienzentrum.');
  await agendaForm.getByRole('button', { name: 'Anlegen' }).click();
  const item = meeting.getByTestId('agenda-item');
  await expect(item.getByRole('heading', { level: 4 })).toHaveText(`TOP 1: ${ITEM}`);
  await expect(item.getByRole('link', { name: `Steckbrief ${area.name}` })).toHaveAttribute(
    'href',
    `/gebiete/${LEVEL}/${encodeURIComponent(area.id)}`,
  );
  await expect(item).toContainText('Der Arbeitskreis empfiehlt ein Familienzentrum.');

  const actionForm = item.getByTestId('action-form');
  await actionForm.getByLabel('Aufgabe', { exact: true }).fill(ACTION);
  await actionForm.getByLabel('Verantwortlich ist').selectOption('organisation');
  await actionForm.getByLabel('Verantwortliche Organisation').selectOption({ label: ORGANISATION });
  await actionForm.getByLabel('Fällig bis').fill('2020-01-31');
  await actionForm.getByRole('button', { name: 'Anlegen' }).click();
  const actions = item.getByTestId('action-table');
  await expect(actions.locator('tbody tr')).toHaveCount(1);
  await expect(actions.locator('tbody tr')).toContainText(`${ACTION}${ORGANISATION}31.01.2020 (überfällig)`);

  // the minutes as Word
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    meeting.getByTestId('minutes-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('protokoll-e2e-stadtteilarbeitskreis-nord-2025-03-12.docx');
  expect(statSync(await download.path()).size).toBeGreaterThan(0);

  // „Fällig“
  const due = page.getByTestId('due-list');
  await expect(due.locator('tbody tr')).toHaveCount(1, SLOW);
  await expect(due.locator('tbody tr')).toContainText(ACTION);
  await expect(due.locator('tbody tr')).toContainText('überfällig');
  await due.getByLabel('Verantwortliche Person oder Organisation').fill('niemand');
  await expect(due.getByText('Keine offenen Aufgaben.')).toBeVisible();
  await due.getByLabel('Verantwortliche Person oder Organisation').fill('diakonie');
  await expect(due.locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('bodies-planner.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Gremien (planer)');

  // a body for one area shows in that area's profile (planners and partners: bodies are not public)
  const conference = await page.request.post('/api/bodies', {
    data: {
      name: `Sozialraumkonferenz ${area.name}`,
      kind: 'sozialraumkonferenz',
      area: { level: LEVEL, key: area.id },
    },
  });
  expect(conference.status(), await conference.text()).toBe(200);
  await page.goto(`/gebiete/${LEVEL}/${encodeURIComponent(area.id)}`);
  await expect(page.getByTestId('profile-bodies')).toContainText(`Sozialraumkonferenz ${area.name}`, SLOW);

  // a partner of the organisation: the administration makes the account and links it
  await login(page, 'admin');
  const created = await page.request.post('/api/users', {
    data: { ...PARTNER, displayName: 'Frau Meier', role: 'partner' },
  });
  expect(created.ok()).toBe(true);
  const organisation = ((await (await page.request.get('/api/organisations')).json()) as Organisation[]).find(
    (o) => o.name === ORGANISATION,
  )!;
  expect(
    (await page.request.put(`/api/organisations/${organisation.id}/users/${PARTNER.username}`)).ok(),
  ).toBe(true);
  expect((await page.request.post('/api/auth/login', { data: PARTNER })).ok()).toBe(true);

  await page.goto('/steuerung/gremien');
  await expect(page.getByTestId('bodies-partner-note')).toBeVisible(SLOW);
  await expect(nav.getByRole('link', { name: 'Gremien' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByTestId('bodies-table');
  await expect(table.locator('tbody tr')).toHaveCount(1, SLOW);
  await table.getByRole('button', { name: BODY }).click();
  await expect(details.getByTestId('body-members')).toContainText(`${ORGANISATION} – Vorsitz`);
  await details.getByRole('button', { name: 'Sitzung vom 12.03.2025, Stadtteilzentrum' }).click();
  await expect(meeting.getByTestId('agenda-item')).toContainText(ITEM);
  await expect(meeting.getByTestId('minutes-download')).toBeVisible();
  for (const form of ['body-form', 'member-form', 'meeting-form', 'agenda-form', 'action-form'])
    await expect(page.getByTestId(form), form).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Organisationen' })).toHaveCount(0);
  await expect(meeting.getByRole('checkbox')).toHaveCount(0);
  await expect(meeting.getByTestId('action-table').locator('tbody tr')).toContainText('nein');
  await page.screenshot({ path: test.info().outputPath('bodies-partner.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Gremien (Partner)');
});
