/**
 * The page „Gremien“ (Steuerung): a planner records an organisation and a body with the
 * organisation as member, a meeting with an agenda item that links a Steckbrief and an action item
 * for the organisation, downloads the minutes as Word and finds the overdue item under „Fällig“;
 * a partner of that organisation then reads the body and its meeting, without any form. Axe on
 * both views. A planner then changes an organisation, a body, a meeting, an agenda item and an
 * action item through their edit forms, marks the body, the meeting and the agenda item public
 * and finds them in the OParl interface, sees the changes after a reload, and deletes with a
 * confirmation.
 *
 * The spec file has a server of its own (useServer): its bodies and accounts stay in this file's
 * database only.
 */
import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { AreaCollection } from '../src/web/api.ts';
import type { Body, Meeting, Organisation } from '../src/bodies/body.schema.ts';
import type { OparlMeeting } from '../src/oparl/oparl.schema.ts';
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
  await bodyForm.getByLabel('öffentlich (OParl)').check();
  await bodyForm.getByRole('button', { name: 'Anlegen' }).click();
  const details = page.getByTestId('body-details');
  await expect(details.getByRole('heading', { level: 2 })).toContainText(BODY);
  await expect(
    page
      .getByTestId('bodies-table')
      .getByRole('row')
      .filter({ hasText: BODY })
      .getByText('öffentlich', { exact: true }),
  ).toBeVisible();
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
  await expect(page.getByRole('button', { name: /^(Bearbeiten|Löschen):/ })).toHaveCount(0);
  await expect(meeting.getByRole('checkbox')).toHaveCount(0);
  await expect(meeting.getByTestId('action-table').locator('tbody tr')).toContainText('nein');
  await page.screenshot({ path: test.info().outputPath('bodies-partner.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Gremien (Partner)');
});

test('a planner changes and deletes organisations, bodies, meetings, agenda items and action items', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, 'planer');
  const post = async <T>(url: string, data: unknown): Promise<T> => {
    const res = await page.request.post(url, { data });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as T;
  };
  const areas = (await (
    await page.request.get(`/api/areas/geojson?level=${LEVEL}`)
  ).json()) as AreaCollection;
  const area = areas.features[1]!.properties;
  const organisation = await post<Organisation>('/api/organisations', { name: 'E2E Jobcenter Süd' });
  const body = await post<Body>('/api/bodies', {
    name: 'E2E Arbeitskreis Süd',
    kind: 'stadtteilarbeitskreis',
  });
  await post<Body>(`/api/bodies/${body.id}/members`, {
    organisationId: organisation.id,
    function: 'Mitglied',
  });
  const created = await post<Meeting>(`/api/bodies/${body.id}/meetings`, {
    date: '2025-05-06',
    place: 'Rathaus',
  });
  let seeded = await post<Meeting>(`/api/meetings/${created.id}/agenda`, { title: 'Wohnungslosigkeit' });
  const agendaId = seeded.agenda[0]!.id;
  await post<Meeting>(`/api/meetings/${created.id}/agenda/${agendaId}/actions`, {
    title: 'Zahlen beschaffen',
    owner: { kind: 'organisation', id: organisation.id },
  });
  seeded = await post<Meeting>(`/api/meetings/${created.id}/agenda/${agendaId}/actions`, {
    title: 'Einladung verschicken',
  });
  expect(seeded.agenda[0]!.actions).toHaveLength(2);

  await page.goto('/steuerung/gremien');
  const table = page.getByTestId('bodies-table');
  const details = page.getByTestId('body-details');
  const meeting = page.getByTestId('meeting-details');
  const openBody = async (name: string) => {
    await table.getByRole('button', { name }).click();
    await expect(details.getByRole('heading', { level: 2 })).toContainText(name);
  };
  const openMeeting = async (name: string) => {
    await details.getByRole('button', { name }).click();
    await expect(meeting.getByRole('heading', { level: 2 })).toBeFocused();
  };

  // the organisation: another contact person and an area it works in
  const organisations = page.getByRole('region', { name: 'Organisationen' });
  const orgRow = organisations.getByRole('row').filter({ hasText: 'E2E Jobcenter Süd' });
  await orgRow.getByRole('button', { name: 'Bearbeiten: Organisation „E2E Jobcenter Süd“' }).click();
  const orgForm = organisations.getByTestId('organisation-edit-form');
  await expect(orgForm.getByLabel('Name der Organisation')).toBeFocused();
  await expect(organisations.getByTestId('organisation-form')).toHaveCount(0);
  await orgForm.getByLabel('Art der Organisation').selectOption('jobcenter');
  await orgForm.getByLabel('Ansprechperson').fill('Herr Yilmaz');
  await orgForm.getByLabel('Ebene des Gebiets').selectOption(LEVEL);
  await orgForm.getByLabel('Gebiet', { exact: true }).selectOption(area.id);
  await orgForm.getByRole('button', { name: 'Gebiet hinzufügen' }).click();
  await expect(orgForm.getByTestId('organisation-areas')).toContainText(area.name);
  await orgForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(orgForm).toHaveCount(0);
  await expect(orgRow).toContainText('Jobcenter');
  await expect(orgRow).toContainText('Herr Yilmaz');
  await expect(orgRow).toContainText(area.name);
  await expect(orgRow.getByRole('button', { name: /^Bearbeiten/ })).toBeFocused();

  // the body: name, kind, topic and area
  await openBody('E2E Arbeitskreis Süd');
  await details.getByRole('button', { name: 'Bearbeiten: Gremium „E2E Arbeitskreis Süd“' }).click();
  const bodyForm = details.getByTestId('body-edit-form');
  await expect(bodyForm.getByLabel('Name des Gremiums')).toBeFocused();
  await expect(bodyForm.getByLabel('Name des Gremiums')).toHaveValue('E2E Arbeitskreis Süd');
  await bodyForm.getByLabel('Name des Gremiums').fill('E2E Sozialraumkonferenz Süd');
  await bodyForm.getByLabel('Art des Gremiums').selectOption('sozialraumkonferenz');
  await bodyForm.getByLabel('Thema').fill('Wohnen');
  await bodyForm.getByLabel('Gebiet: Ebene').selectOption(LEVEL);
  await bodyForm.getByLabel('Gebiet', { exact: true }).selectOption(area.id);
  await bodyForm.getByLabel('öffentlich (OParl)').check();
  await bodyForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(bodyForm).toHaveCount(0);
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: 'E2E Sozialraumkonferenz Süd' })
      .getByText('öffentlich', { exact: true }),
  ).toBeVisible();
  await expect(details.getByRole('heading', { level: 2 })).toContainText('E2E Sozialraumkonferenz Süd');
  await expect(details.getByRole('button', { name: /^Bearbeiten: Gremium/ })).toBeFocused();

  // a member leaves, after a confirmation
  await expect(details.getByTestId('body-members')).toContainText('E2E Jobcenter Süd – Mitglied');
  await details.getByRole('button', { name: 'E2E Jobcenter Süd entfernen' }).click();
  const leave = page.getByRole('alertdialog', { name: 'E2E Jobcenter Süd aus dem Gremium entfernen?' });
  await leave.getByRole('button', { name: 'Entfernen' }).click();
  await expect(leave).toHaveCount(0);
  await expect(details.getByText('Noch keine Mitglieder.')).toBeVisible();
  await expect(details.getByRole('heading', { name: 'Mitglieder', exact: true })).toBeFocused();

  // the meeting: another date and place
  await openMeeting('Sitzung vom 06.05.2025, Rathaus');
  await meeting.getByRole('button', { name: 'Bearbeiten: Sitzung vom 06.05.2025' }).click();
  const meetingForm = meeting.getByTestId('meeting-edit-form');
  await meetingForm.getByLabel('Datum der Sitzung').fill('2025-05-13');
  await meetingForm.getByLabel('Ort der Sitzung').fill('Bürgerhaus Süd');
  await meetingForm.getByLabel('Status der Sitzung').selectOption('durchgefuehrt');
  await meetingForm.getByLabel('öffentlich (OParl)').check();
  await meetingForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(meeting.getByRole('heading', { level: 2 })).toHaveText(
    'E2E Sozialraumkonferenz Süd: Sitzung vom 13.05.2025',
  );
  await expect(meeting).toContainText('Bürgerhaus Süd');
  await expect(details.getByTestId('body-meetings').getByText('öffentlich', { exact: true })).toBeVisible();

  // the agenda item: title, a Steckbrief and a decision
  const item = meeting.getByTestId('agenda-item');
  await item.getByRole('button', { name: 'Bearbeiten: Tagesordnungspunkt „Wohnungslosigkeit“' }).click();
  const itemForm = item.getByTestId('agenda-edit-form');
  await expect(itemForm.getByLabel('Nummer (TOP)')).toBeFocused();
  await itemForm.getByLabel('Titel des Tagesordnungspunkts').fill('Wohnungslosigkeit im Süden');
  await itemForm.getByLabel('Anlage').selectOption('steckbrief');
  await itemForm.getByLabel('Ebene', { exact: true }).selectOption(LEVEL);
  await itemForm.getByLabel('Gebiet', { exact: true }).selectOption(area.id);
  await itemForm.getByLabel('Beschluss').fill('Eine Notunterkunft wird geprüft.');
  await itemForm.getByLabel('öffentlich (OParl)').check();
  await itemForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(itemForm).toHaveCount(0);
  await expect(item.getByRole('heading', { level: 4 })).toHaveText('TOP 1: Wohnungslosigkeit im Süden');
  await expect(item.getByRole('link', { name: `Steckbrief ${area.name}` })).toBeVisible();
  await expect(item.getByText('öffentlich', { exact: true })).toBeVisible();

  // body, meeting and item public: the meeting with the item is in the OParl interface
  const oparl = await page.request.get('/oparl/v1/body/1/meeting');
  expect(oparl.status(), await oparl.text()).toBe(200);
  const published = ((await oparl.json()) as { data: OparlMeeting[] }).data.find((m) =>
    m.agendaItem?.some((a) => a.name === 'Wohnungslosigkeit im Süden'),
  );
  expect(published, 'the meeting in /oparl/v1').toBeDefined();
  expect(published!.start).toMatch(/^2025-05-13T/);
  expect(published!.agendaItem).toEqual([
    expect.objectContaining({
      name: 'Wohnungslosigkeit im Süden',
      resolutionText: 'Eine Notunterkunft wird geprüft.',
    }),
  ]);

  // an action item: someone named, a due date, done
  const actions = item.getByTestId('action-table');
  await actions.getByRole('button', { name: 'Bearbeiten: Aufgabe „Zahlen beschaffen“' }).click();
  const actionForm = item.getByTestId('action-edit-form');
  await expect(item.getByTestId('action-form')).toHaveCount(0);
  await expect(actionForm.getByLabel('Verantwortliche Organisation')).toHaveValue(String(organisation.id));
  await actionForm.getByLabel('Aufgabe', { exact: true }).fill('Zahlen zur Wohnungslosigkeit beschaffen');
  await actionForm.getByLabel('Verantwortlich ist').selectOption('text');
  await actionForm.getByLabel('Name der verantwortlichen Person').fill('Herr Schulz');
  await actionForm.getByLabel('Fällig bis').fill('2025-06-30');
  await actionForm.getByLabel('Erledigt').check();
  await actionForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(actionForm).toHaveCount(0);
  const changedRow = actions.getByRole('row').filter({ hasText: 'Zahlen zur Wohnungslosigkeit beschaffen' });
  await expect(changedRow).toContainText('Herr Schulz30.06.2025');
  await expect(changedRow.getByRole('checkbox')).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('bodies-edited.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'Gremien (planer, nach dem Bearbeiten)');

  // after a reload the changes are stored
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Organisationen' })
      .getByRole('row')
      .filter({ hasText: 'E2E Jobcenter Süd' }),
  ).toContainText('Herr Yilmaz', SLOW);
  await openBody('E2E Sozialraumkonferenz Süd');
  await expect(details).toContainText('Wohnen');
  await openMeeting('Sitzung vom 13.05.2025, Bürgerhaus Süd');
  await expect(meeting).toContainText('durchgeführt');
  await expect(item.getByRole('heading', { level: 4 })).toHaveText('TOP 1: Wohnungslosigkeit im Süden');
  await expect(item).toContainText('Eine Notunterkunft wird geprüft.');
  await expect(item.getByText('öffentlich', { exact: true })).toBeVisible();
  await expect(changedRow).toContainText('Herr Schulz30.06.2025');
  await expect(changedRow.getByRole('checkbox')).toBeChecked();

  // deleting asks first: Abbrechen keeps the action item, Löschen removes it
  await expect(actions.locator('tbody tr')).toHaveCount(2);
  await actions.getByRole('button', { name: 'Löschen: Aufgabe „Einladung verschicken“' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Aufgabe „Einladung verschicken“ löschen?' });
  await expect(confirm.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await expectNoSeriousViolations(page, 'Gremien (Löschen bestätigen)');
  await confirm.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(actions.locator('tbody tr')).toHaveCount(2);
  await actions.getByRole('button', { name: 'Löschen: Aufgabe „Einladung verschicken“' }).click();
  await confirm.getByRole('button', { name: 'Löschen' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(actions.locator('tbody tr')).toHaveCount(1);
  await expect(actions).not.toContainText('Einladung verschicken');

  // and the whole body, with its meeting
  await details.getByRole('button', { name: 'Löschen: Gremium „E2E Sozialraumkonferenz Süd“' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(details).toHaveCount(0);
  await expect(meeting).toHaveCount(0);
  await expect(table).not.toContainText('E2E Sozialraumkonferenz Süd');
  await page.reload();
  await expect(table).toBeVisible(SLOW);
  await expect(table).not.toContainText('E2E Sozialraumkonferenz Süd');
  expect((await page.request.get(`/api/meetings/${created.id}`)).status()).toBe(404);
});
