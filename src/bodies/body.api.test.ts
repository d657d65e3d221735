/**
 * Organisations, bodies, meetings, minutes and action items over HTTP on the demo city, on every
 * engine: a planner builds a body with an organisation as member, a meeting whose agenda item
 * links a Steckbrief and a measure, and action items; a partner of that organisation reads that
 * body only, cannot write and otherwise sees what the public sees; viewers are refused; the due
 * list; the minutes as a Word file that opens.
 */
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../auth/policy.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded, sessionCookie } from '../test/demo-app.ts';
import { convertWithLibreOffice } from '../test/libreoffice.ts';
import type { Body, DueItem, Meeting, MeetingSummary, Organisation } from './body.schema.ts';

const hasSoffice = (() => {
  try {
    execFileSync('which', ['soffice'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(engines)('bodies on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let partner: string;
  let area: string;
  const ids: Record<string, number> = {};
  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const as = (cookie: string | undefined, method: Method, url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });
  const planner = (method: Method, url: string, payload?: unknown) => as(ctx.planner, method, url, payload);

  beforeAll(async () => {
    ctx = await demoApp(engine);
    const values = await as(
      ctx.planner,
      'GET',
      '/api/indicators/sgb2_quote/values?level=sozialraum&date=2024-12-31',
    );
    area = values.json<IndicatorValues>().values[0]!.id;
    const user = await as(ctx.admin, 'POST', '/api/users', {
      username: 'meier.diakonie',
      displayName: 'Frau Meier',
      password: 'partner-passwort-2024',
      role: 'partner',
    });
    expect(user.statusCode, user.body).toBe(201);
    partner = await sessionCookie(ctx.db, 'meier.diakonie');
  }, 300_000);
  afterAll(() => ctx?.close());

  it('lets planners keep organisations and administrators link accounts to them', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/organisations', payload: { name: 'x' } },
      ctx.viewer,
    );
    expect((await as(partner, 'POST', '/api/organisations', { name: 'x' })).statusCode).toBe(403);
    const created = await planner('POST', '/api/organisations', {
      name: 'Diakonie Nord',
      kind: 'wohlfahrtsverband',
      contactName: 'Frau Meier',
      contactEmail: 'meier@diakonie.example',
      areas: [{ level: 'sozialraum', key: area }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const diakonie = created.json<Organisation>();
    expect(diakonie).toMatchObject({
      kind: 'wohlfahrtsverband',
      areas: [{ level: 'sozialraum', key: area }],
    });
    ids.diakonie = diakonie.id;
    ids.caritas = (
      await planner('POST', '/api/organisations', { name: 'Caritas Süd' })
    ).json<Organisation>().id;

    const twice = await planner('POST', '/api/organisations', { name: 'diakonie nord' });
    expect([twice.statusCode, twice.json<{ code: string }>().code]).toEqual([
      409,
      'bodies.duplicate_organisation',
    ]);
    const nowhere = await planner('POST', '/api/organisations', {
      name: 'X',
      areas: [{ level: 'sozialraum', key: 'nope' }],
    });
    expect(nowhere.json()).toMatchObject({ code: 'bodies.unknown_area' });
    const badMail = await planner('POST', '/api/organisations', { name: 'Y', contactEmail: 'kein-mail' });
    expect(badMail.statusCode).toBe(400);

    const link = `/api/organisations/${ids.diakonie}/users/meier.diakonie`;
    expect((await planner('PUT', link)).statusCode).toBe(403);
    const linked = await as(ctx.admin, 'PUT', link);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<Organisation>().users).toEqual([
      { username: 'meier.diakonie', displayName: 'Frau Meier' },
    ]);
    expect((await as(ctx.admin, 'PUT', `/api/organisations/${ids.diakonie}/users/niemand`)).statusCode).toBe(
      404,
    );
  });

  it('builds a body with members, a meeting, an agenda item with Steckbrief and measure, action items', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/bodies', payload: { name: 'x', kind: 'rat' } },
      ctx.viewer,
    );
    const body = await planner('POST', '/api/bodies', {
      name: 'Stadtteilarbeitskreis Nord',
      kind: 'stadtteilarbeitskreis',
      topic: 'Kinder und Familie',
      area: { level: 'sozialraum', key: area },
    });
    expect(body.statusCode, body.body).toBe(200);
    ids.body = body.json<Body>().id;
    const other = await planner('POST', '/api/bodies', {
      name: 'Sozialraumkonferenz Süd',
      kind: 'sozialraumkonferenz',
    });
    ids.other = other.json<Body>().id;
    await planner('POST', `/api/bodies/${ids.other}/members`, { organisationId: ids.caritas });

    await planner('POST', `/api/bodies/${ids.body}/members`, {
      organisationId: ids.diakonie,
      function: 'Vorsitz',
    });
    const members = await planner('POST', `/api/bodies/${ids.body}/members`, {
      username: 'planer',
      function: 'Geschäftsführung',
    });
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json<Body>().members).toMatchObject([
      { organisation: { name: 'Diakonie Nord', contactName: 'Frau Meier' }, user: null, function: 'Vorsitz' },
      { organisation: null, user: { username: 'planer' }, function: 'Geschäftsführung' },
    ]);
    expect((await planner('POST', `/api/bodies/${ids.body}/members`, {})).statusCode).toBe(400);

    const measure = await planner('POST', '/api/measures', { title: 'Familienzentrum Nord' });
    ids.measure = measure.json<{ id: number }>().id;
    const meeting = await planner('POST', `/api/bodies/${ids.body}/meetings`, {
      date: '2025-03-12',
      place: 'Stadtteilzentrum',
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    ids.meeting = meeting.json<Meeting>().id;
    ids.otherMeeting = (
      await planner('POST', `/api/bodies/${ids.other}/meetings`, { date: '2025-04-01' })
    ).json<Meeting>().id;

    const agenda = await planner('POST', `/api/meetings/${ids.meeting}/agenda`, {
      title: 'Kinderarmut im Quartier',
      description: 'Vorstellung des Steckbriefs',
      attachment: { kind: 'steckbrief', level: 'sozialraum', key: area },
      measureId: ids.measure,
      minutes: 'Die Quote liegt über dem Durchschnitt der Stadt.',
      decision: 'Der Arbeitskreis empfiehlt das Familienzentrum.',
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    const item = agenda.json<Meeting>().agenda[0]!;
    ids.item = item.id;
    expect(item).toMatchObject({
      position: 1,
      attachment: { kind: 'steckbrief', href: `/gebiete/sozialraum/${encodeURIComponent(area)}` },
      measure: { id: ids.measure, title: 'Familienzentrum Nord' },
    });
    expect(item.attachment?.kind === 'steckbrief' && item.attachment.areaName).toBeTruthy();
    const unknown = await planner('POST', `/api/meetings/${ids.meeting}/agenda`, {
      title: 'x',
      measureId: 999_999,
    });
    expect(unknown.json()).toMatchObject({ code: 'bodies.unknown_measure' });
    const noReport = await planner('POST', `/api/meetings/${ids.meeting}/agenda`, {
      title: 'x',
      attachment: { kind: 'report', reportId: 999_999 },
    });
    expect(noReport.json()).toMatchObject({ code: 'bodies.unknown_report' });

    const actions = `/api/meetings/${ids.meeting}/agenda/${ids.item}/actions`;
    await planner('POST', actions, {
      title: 'Räume für das Familienzentrum suchen',
      owner: { kind: 'organisation', id: ids.diakonie },
      dueDate: '2020-01-31',
    });
    await planner('POST', actions, {
      title: 'Förderantrag vorbereiten',
      owner: { kind: 'user', username: 'planer' },
      dueDate: '2099-12-31',
    });
    const last = await planner('POST', actions, {
      title: 'Einladung verschicken',
      owner: { kind: 'text', name: 'Herr Kaya' },
    });
    expect(last.statusCode, last.body).toBe(200);
    const done = last.json<Meeting>().agenda[0]!.actions.find((a) => a.title === 'Einladung verschicken')!;
    const patched = await planner('PATCH', `/api/meetings/${ids.meeting}/actions/${done.id}`, { done: true });
    expect(
      patched.json<Meeting>().agenda[0]!.actions.map((a) => [a.title, a.owner?.name, a.overdue, a.done]),
    ).toEqual([
      ['Räume für das Familienzentrum suchen', 'Diakonie Nord', true, false],
      ['Förderantrag vorbereiten', 'Paula Planerin', false, false],
      ['Einladung verschicken', 'Herr Kaya', false, true],
    ]);
    // an item of another meeting is not found through this one
    const foreign = await planner('POST', `/api/meetings/${ids.otherMeeting}/agenda/${ids.item}/actions`, {
      title: 'x',
    });
    expect(foreign.json()).toMatchObject({ code: 'bodies.agenda_item_not_found' });
  });

  it('lets a partner read the bodies of their organisation, not write, and not see others', async () => {
    const bodies = await as(partner, 'GET', '/api/bodies');
    expect(bodies.statusCode, bodies.body).toBe(200);
    expect(bodies.json<Body[]>().map((b) => b.name)).toEqual(['Stadtteilarbeitskreis Nord']);
    expect((await as(partner, 'GET', `/api/bodies/${ids.body}`)).statusCode).toBe(200);
    const hidden = await as(partner, 'GET', `/api/bodies/${ids.other}`);
    expect([hidden.statusCode, hidden.json<{ code: string }>().code]).toEqual([404, 'bodies.not_found']);
    expect((await as(partner, 'GET', `/api/bodies/${ids.other}/meetings`)).statusCode).toBe(404);
    expect((await as(partner, 'GET', `/api/meetings/${ids.otherMeeting}`)).statusCode).toBe(404);

    const meetings = await as(partner, 'GET', `/api/bodies/${ids.body}/meetings`);
    expect(meetings.json<MeetingSummary[]>()).toMatchObject([
      { id: ids.meeting, agendaItems: 1, openActions: 2 },
    ]);
    const meeting = (await as(partner, 'GET', `/api/meetings/${ids.meeting}`)).json<Meeting>();
    expect(meeting.agenda[0]).toMatchObject({
      title: 'Kinderarmut im Quartier',
      attachment: { kind: 'steckbrief' },
      decision: 'Der Arbeitskreis empfiehlt das Familienzentrum.',
      // the measure is still an idea: internal, as for the public
      measure: null,
    });

    // valid requests: the refusal is about the role, not the input
    for (const [method, url, payload] of [
      ['POST', '/api/bodies', { name: 'x', kind: 'rat' }],
      ['PATCH', `/api/bodies/${ids.body}`, { name: 'x' }],
      ['POST', `/api/bodies/${ids.body}/meetings`, { date: '2025-01-01' }],
      ['POST', `/api/bodies/${ids.body}/members`, { organisationId: ids.diakonie }],
      ['PATCH', `/api/meetings/${ids.meeting}`, { place: 'x' }],
      ['POST', `/api/meetings/${ids.meeting}/agenda`, { title: 'x' }],
      ['DELETE', `/api/meetings/${ids.meeting}/agenda/${ids.item}`, undefined],
      ['GET', '/api/organisations', undefined],
    ] as const) {
      const res = await as(partner, method, url, payload);
      expect([res.statusCode, res.json<{ code: string }>().code], `${method} ${url}`).toEqual([
        403,
        'auth.forbidden',
      ]);
    }
  });

  it('gives a partner only protected values elsewhere, like the public', async () => {
    expect(can({ id: 0, username: '', displayName: '', role: 'partner' }, 'data.readUnpublished')).toBe(
      false,
    );
    const url = '/api/indicators/sgb2_quote/values?level=sozialraum&date=2024-12-31';
    const asPartner = await as(partner, 'GET', url);
    const anonymous = await as(undefined, 'GET', url);
    expect(asPartner.statusCode).toBe(200);
    expect(asPartner.json()).toEqual(anonymous.json());
    expect(asPartner.json()).not.toEqual((await as(ctx.planner, 'GET', url)).json());
  });

  it('refuses viewers and anonymous visitors', async () => {
    for (const url of [
      '/api/bodies',
      `/api/bodies/${ids.body}`,
      `/api/meetings/${ids.meeting}`,
      '/api/action-items/due',
    ]) {
      expect((await as(undefined, 'GET', url)).statusCode, url).toBe(401);
      expect((await as(ctx.viewer, 'GET', url)).statusCode, url).toBe(403);
    }
    expect((await as(ctx.viewer, 'GET', `/api/meetings/${ids.meeting}/minutes.docx`)).statusCode).toBe(403);
  });

  it('lists what is due by due date, overdue marked, per owner and body', async () => {
    const due = async (cookie: string, query = '') =>
      (await as(cookie, 'GET', `/api/action-items/due${query}`)).json<DueItem[]>();
    const all = await due(ctx.planner);
    expect(all.map((a) => [a.title, a.overdue, a.body.name, a.agendaItem.position])).toEqual([
      ['Räume für das Familienzentrum suchen', true, 'Stadtteilarbeitskreis Nord', 1],
      ['Förderantrag vorbereiten', false, 'Stadtteilarbeitskreis Nord', 1],
    ]);
    expect((await due(ctx.planner, `?person=organisation:${ids.diakonie}`)).map((a) => a.title)).toEqual([
      'Räume für das Familienzentrum suchen',
    ]);
    expect((await due(ctx.planner, '?person=planerin')).map((a) => a.owner?.key)).toEqual(['user:planer']);
    expect(await due(ctx.planner, `?body=${ids.other}`)).toEqual([]);
    expect((await due(partner)).length).toBe(2);
    expect((await as(partner, 'GET', `/api/action-items/due?body=${ids.other}`)).statusCode).toBe(404);
  });

  it('writes the minutes as a Word file that opens', { timeout: 300_000 }, async () => {
    const res = await as(partner, 'GET', `/api/meetings/${ids.meeting}/minutes.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="protokoll-stadtteilarbeitskreis-nord-2025-03-12.docx"',
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = strFromU8(files['word/document.xml']!);
    for (const text of [
      'Kinderarmut im Quartier',
      'Diakonie Nord',
      'Vorsitz',
      'Räume für das Familienzentrum suchen',
      '31.01.2020',
    ])
      expect(xml, text).toContain(text);
    expect(strFromU8(files['word/_rels/document.xml.rels']!)).toContain(
      `/gebiete/sozialraum/${encodeURIComponent(area)}`,
    );
    // LibreOffice opens it (as an office without Word would); once, on the first engine
    if (hasSoffice && engine === engines[0]) {
      const pdf = convertWithLibreOffice(new Uint8Array(res.rawPayload), 'protokoll.docx', 'pdf');
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
  });

  it('deletes action items, agenda items and bodies with what hangs on them', async () => {
    const meeting = (await planner('GET', `/api/meetings/${ids.meeting}`)).json<Meeting>();
    const action = meeting.agenda[0]!.actions[0]!;
    const after = await planner('DELETE', `/api/meetings/${ids.meeting}/actions/${action.id}`);
    expect(after.json<Meeting>().agenda[0]!.actions).toHaveLength(2);
    expect((await planner('DELETE', `/api/meetings/${ids.meeting}/actions/${action.id}`)).statusCode).toBe(
      404,
    );
    expect((await planner('DELETE', `/api/bodies/${ids.other}`)).statusCode).toBe(204);
    expect((await planner('GET', `/api/meetings/${ids.otherMeeting}`)).statusCode).toBe(404);
    expect((await planner('DELETE', `/api/organisations/${ids.caritas}`)).statusCode).toBe(204);
  });
});
