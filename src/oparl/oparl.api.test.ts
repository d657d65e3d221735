/**
 * OParl 1.1 over HTTP, on every engine, as a crawler sees it: from the System object every URL
 * is followed (list pages by `next`), every object — embedded ones too — is checked against the
 * schema written from the specification, every `id` returns the same object, and nothing that is
 * not public appears: bodies, meetings and agenda items not marked public, internal reports,
 * undecided measures, members, contact data, minutes, action items and the names of accounts.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { insertAccount } from '../auth/auth.service.ts';
import type { Db } from '../db/db.ts';
import { DEMO_USERS } from '../demo/demo-users.ts';
import { buildApp } from '../server/app.ts';
import { saveCity } from '../setup/city.service.ts';
import { engines } from '../test/databases.ts';
import { sessionCookie } from '../test/demo-app.ts';
import {
  OparlAgendaItem,
  OparlBody,
  OparlFile,
  OparlLegislativeTerm,
  OparlMeeting,
  OparlOrganization,
  OparlPaper,
  OparlPerson,
  OparlSystem,
  oparlList,
  typeUri,
  type OparlPage,
} from './oparl.schema.ts';

const HOST = 'ratsinfo.example.org';
const ORIGIN = `http://${HOST}`;
const ROOT = `${ORIGIN}/oparl/v1`;
const AGS = '09162000';

/** Strict forms: an object may carry no property the specification's schema does not name here. */
const SCHEMAS: Record<string, z.ZodType> = {
  [typeUri('System')]: OparlSystem.strict(),
  [typeUri('Body')]: OparlBody.strict(),
  [typeUri('Organization')]: OparlOrganization.strict(),
  [typeUri('Person')]: OparlPerson.strict(),
  [typeUri('Meeting')]: OparlMeeting.strict(),
  [typeUri('AgendaItem')]: OparlAgendaItem.strict(),
  [typeUri('Paper')]: OparlPaper.strict(),
  [typeUri('File')]: OparlFile.strict(),
  [typeUri('LegislativeTerm')]: OparlLegislativeTerm.strict(),
};
const TYPE_URI = /^https:\/\/schema\.oparl\.org\/1\.1\/[A-Z][A-Za-z]+$/;
// the items are checked one by one, by their type
const AnyList = oparlList(z.unknown(), 'any').strict();

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** Every object inside `value` (itself included) that has an OParl `type`. */
function oparlObjects(value: Json, into: Obj[] = []): Obj[] {
  if (Array.isArray(value)) for (const v of value) oparlObjects(v, into);
  else if (value && typeof value === 'object') {
    if (typeof value.type === 'string' && value.type.startsWith('https://schema.oparl.org/'))
      into.push(value);
    for (const v of Object.values(value)) oparlObjects(v, into);
  }
  return into;
}

/** Every absolute URL inside `value`. */
function urlsIn(value: Json, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urlsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urlsIn(v, into);
  else if (typeof value === 'string' && /^https?:\/\//.test(value)) into.push(value);
  return into;
}

const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe.each(engines)('OParl 1.1 on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let planner: string;
  let partner: string;
  const ids: Record<string, number> = {};
  /** Every response of the crawl by URL. */
  let crawled: Map<string, Json>;

  const get = (url: string, cookie?: string) =>
    app.inject({ url, headers: { host: HOST, ...(cookie ? { cookie } : {}) } });
  const send = async (method: 'POST' | 'PATCH', url: string, payload: unknown) => {
    const res = await app.inject({ method, url, payload: payload as never, headers: { cookie: planner } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json<{ id: number; agenda?: { id: number; title: string }[] }>();
  };
  const addItem = async (meeting: number, item: Record<string, unknown>, isPublic: boolean) => {
    const agenda = (await send('POST', `/api/meetings/${meeting}/agenda`, item)).agenda!;
    const id = agenda.find((a) => a.title === item.title)!.id;
    if (isPublic) await send('PATCH', `/api/meetings/${meeting}/agenda/${id}`, { public: true });
    return id;
  };
  const insertReport = async (title: string, internal: boolean) => {
    const html = new TextEncoder().encode(`<html><body><h1>${title}</h1></body></html>`);
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO report (title, template_key, template, level, area, ref_date, format, internal, status,
                           document, size, finished_at)
       VALUES ($1, 'sozialbericht', '{"name":"Sozialbericht"}', 'stadt', NULL, '2024-12-31', 'html', $2,
               'done', $3, $4, now()) RETURNING id`,
      [title, internal, html, html.length],
    );
    return row!.id;
  };
  const insertMeasure = async (title: string, status: string) => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO measure (kind, title, status) VALUES ('massnahme', $1, $2) RETURNING id`,
      [title, status],
    );
    return row!.id;
  };

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    for (const u of DEMO_USERS) await insertAccount(db, { ...u, passwordHash: u.knownHash });
    await db.transaction((tx) => saveCity(tx, { name: 'Musterstadt', key: AGS }));
    app = await buildApp({ db, webDir: '/nonexistent' });
    planner = await sessionCookie(db, 'planer');

    const org = await send('POST', '/api/organisations', {
      name: 'Diakonie Nord',
      kind: 'wohlfahrtsverband',
      contactName: 'Frau Kontaktperson',
      contactEmail: 'kontakt@diakonie.example',
    });
    const account = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: await sessionCookie(db, 'admin') },
      payload: {
        username: 'meier',
        displayName: 'Frau Mitglied',
        password: 'partner-passwort-2024',
        role: 'partner',
      },
    });
    expect(account.statusCode, account.body).toBe(201);
    partner = await sessionCookie(db, 'meier');

    ids.publicBody = (
      await send('POST', '/api/bodies', {
        name: 'Sozialraumkonferenz Nord',
        kind: 'sozialraumkonferenz',
        topic: 'Kinder und Familie',
      })
    ).id;
    await send('PATCH', `/api/bodies/${ids.publicBody}`, { public: true });
    await send('POST', `/api/bodies/${ids.publicBody}/members`, {
      organisationId: org.id,
      username: 'meier',
      function: 'Vorsitz',
    });
    await send('POST', `/api/bodies/${ids.publicBody}/members`, { username: 'gast', function: 'Mitglied' });
    ids.council = (await send('POST', '/api/bodies', { name: 'Rat der Stadt', kind: 'rat' })).id;
    await send('PATCH', `/api/bodies/${ids.council}`, { public: true });
    ids.closedBody = (
      await send('POST', '/api/bodies', {
        name: 'Steuerungsgruppe Verschlusssache',
        kind: 'steuerungsgruppe',
      })
    ).id;

    const publicReport = await insertReport('Sozialbericht 2024', false);
    const internalReport = await insertReport('Interner Entwurf Kinderarmut', true);
    ids.publicReport = publicReport;
    ids.internalReport = internalReport;
    ids.decided = await insertMeasure('Familienzentrum Nordstadt', 'beschlossen');
    ids.idea = await insertMeasure('Unbeschlossene Schließung', 'idee');

    // a public meeting of a public body: public and closed items
    ids.meeting = (
      await send('POST', `/api/bodies/${ids.publicBody}/meetings`, {
        date: '2025-03-12',
        place: 'Rathaus, Raum 1',
      })
    ).id;
    await send('PATCH', `/api/meetings/${ids.meeting}`, { public: true });
    ids.steckbriefItem = await addItem(
      ids.meeting,
      {
        title: 'Lage im Stadtgebiet',
        attachment: { kind: 'steckbrief', level: 'stadt', key: AGS },
        decision: 'Die Konferenz nimmt den Steckbrief zur Kenntnis.',
        minutes: 'Frau Mitglied berichtet ausführlich.',
      },
      true,
    );
    ids.reportItem = await addItem(
      ids.meeting,
      {
        title: 'Sozialbericht',
        attachment: { kind: 'report', reportId: publicReport },
        measureId: ids.decided,
      },
      true,
    );
    const actionItem = await app.inject({
      method: 'POST',
      url: `/api/meetings/${ids.meeting}/agenda/${ids.reportItem}/actions`,
      headers: { cookie: planner },
      payload: { title: 'Aufgabe Vertraulich', owner: { kind: 'text', name: 'Herr Zuständig' } },
    });
    expect(actionItem.statusCode, actionItem.body).toBe(200);
    ids.closedItem = await addItem(
      ids.meeting,
      {
        title: 'Personalangelegenheit Geheim',
        attachment: { kind: 'report', reportId: internalReport },
        measureId: ids.idea,
      },
      false,
    );
    // public, but what it links is not
    ids.internalLinkItem = await addItem(
      ids.meeting,
      {
        title: 'Entwurf ohne Anlage',
        attachment: { kind: 'report', reportId: internalReport },
        measureId: ids.idea,
      },
      true,
    );
    // a closed meeting of a public body, and a "public" meeting of a closed body
    ids.closedMeeting = (
      await send('POST', `/api/bodies/${ids.publicBody}/meetings`, { date: '2025-04-01' })
    ).id;
    await addItem(ids.closedMeeting, { title: 'Nichtöffentliche Beratung Sonderfall' }, true);
    ids.hiddenMeeting = (
      await send('POST', `/api/bodies/${ids.closedBody}/meetings`, { date: '2025-05-01' })
    ).id;
    await send('PATCH', `/api/meetings/${ids.hiddenMeeting}`, { public: true });
    await addItem(ids.hiddenMeeting, { title: 'Verschlusssache Haushalt' }, true);
    // enough public meetings of the council for several pages at elementsPerPage=2
    for (const day of ['2025-01-10', '2025-02-10', '2025-06-10', '2025-07-10']) {
      const m = (
        await send('POST', `/api/bodies/${ids.council}/meetings`, { date: day, status: 'durchgefuehrt' })
      ).id;
      await send('PATCH', `/api/meetings/${m}`, { public: true });
      await addItem(m, { title: `Bericht der Verwaltung ${day}` }, true);
    }

    // the crawl: from the System object, every OParl URL once, list pages by their links
    crawled = new Map();
    const queue = [ROOT];
    let requests = 0;
    while (queue.length) {
      const url = queue.shift()!;
      if (crawled.has(url)) continue;
      requests++;
      expect(requests, 'the crawl ends').toBeLessThan(500);
      const res = await get(local(url));
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      const json = res.json<Json>();
      crawled.set(url, json);
      for (const found of urlsIn(json)) if (found.startsWith(ROOT) && !crawled.has(found)) queue.push(found);
    }
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const objects = () => [...crawled.values()].flatMap((json) => oparlObjects(json));
  const ofType = (name: Parameters<typeof typeUri>[0]) => {
    const byId = new Map(
      objects()
        .filter((o) => o.type === typeUri(name))
        .map((o) => [o.id as string, o]),
    );
    return [...byId.values()];
  };

  it('starts at a System of OParl 1.1 that leads to the one Body, the Kommune', async () => {
    const system = crawled.get(ROOT) as Obj;
    expect(system).toMatchObject({
      id: ROOT,
      type: 'https://schema.oparl.org/1.1/System',
      oparlVersion: 'https://schema.oparl.org/1.1/',
      body: `${ROOT}/body`,
    });
    const bodies = ofType('Body');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ name: 'Musterstadt', ags: AGS, legislativeTerm: [] });
    // the trailing slash is the same resource
    expect((await get('/oparl/v1/')).json()).toEqual(system);
  });

  it('gives every object, embedded ones too, the schema of its type and a correct type URI', () => {
    let checked = 0;
    for (const [url, json] of crawled) {
      if (json && typeof json === 'object' && !Array.isArray(json) && 'data' in json) {
        const page = AnyList.safeParse(json);
        expect(page.success, `${url}: ${page.error?.message}`).toBe(true);
      }
      for (const o of oparlObjects(json)) {
        expect(o.type as string, url).toMatch(TYPE_URI);
        const schema = SCHEMAS[o.type as string];
        expect(schema, `${url}: unknown type ${JSON.stringify(o.type)}`).toBeDefined();
        const result = schema!.safeParse(o);
        expect(result.success, `${url} ${JSON.stringify(o.id)}: ${result.error?.message}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    for (const name of ['Organization', 'Meeting', 'AgendaItem', 'Paper', 'File'] as const)
      expect(ofType(name).length, name).toBeGreaterThan(0);
  });

  it('returns the same object under every id, embedded or listed', async () => {
    for (const o of objects()) {
      const id = o.id as string;
      expect(id.startsWith(ROOT), id).toBe(true);
      const own = crawled.get(id) ?? (await get(local(id))).json<Json>();
      expect(own, id).toEqual(o);
    }
  });

  it('pages lists with next links that keep the filters and end', async () => {
    const seen: string[] = [];
    const since = '2000-01-01T00:00:00+01:00';
    let url: string | undefined =
      `${ROOT}/body/1/meeting?elementsPerPage=2&modified_since=${encodeURIComponent(since)}`;
    let pages = 0;
    while (url) {
      expect(++pages).toBeLessThan(20);
      const res: LightMyRequestResponse = await get(local(url));
      expect(res.statusCode).toBe(200);
      const page = res.json<OparlPage<Obj>>();
      expect(page.data.length).toBeLessThanOrEqual(2);
      expect(page.pagination).toMatchObject({ elementsPerPage: 2, currentPage: pages });
      seen.push(...page.data.map((m) => m.id as string));
      if (page.links.next) {
        expect(new URL(page.links.next).searchParams.get('modified_since')).toBe(since);
        expect(new URL(page.links.next).searchParams.get('elementsPerPage')).toBe('2');
      } else expect(page.pagination.currentPage).toBe(page.pagination.totalPages);
      url = page.links.next;
    }
    expect(pages).toBe(3);
    const all = (await get('/oparl/v1/body/1/meeting')).json<OparlPage<Obj>>().data.map((m) => m.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by created and modified time', async () => {
    const list = async (query: string) => {
      const res = await get(`/oparl/v1/body/1/agenda-item?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<OparlPage<Obj>>();
    };
    const all = (await list('')).data;
    expect((await list(`created_since=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).data).toEqual(all);
    expect((await list(`modified_since=${encodeURIComponent('2999-01-01T00:00:00+01:00')}`)).data).toEqual(
      [],
    );
    expect((await list(`created_until=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).data).toEqual([]);
    expect((await get('/oparl/v1/body/1/agenda-item?modified_since=gestern')).statusCode).toBe(400);
  });

  it('publishes only public meetings of public bodies and only their public items', async () => {
    const meetingIds = ofType('Meeting').map((m) => m.id);
    expect(meetingIds).toContain(`${ROOT}/meeting/${ids.meeting}`);
    expect(meetingIds).not.toContain(`${ROOT}/meeting/${ids.closedMeeting}`);
    expect(meetingIds).not.toContain(`${ROOT}/meeting/${ids.hiddenMeeting}`);
    expect(ofType('Organization').map((o) => o.name)).toEqual(['Sozialraumkonferenz Nord', 'Rat der Stadt']);
    expect(ofType('Organization').find((o) => o.name === 'Rat der Stadt')).toMatchObject({
      organizationType: 'Gremium',
      classification: 'Parlament',
    });
    const meeting = crawled.get(`${ROOT}/meeting/${ids.meeting}`) as Obj;
    expect(meeting).toMatchObject({ start: '2025-03-12T00:00:00+01:00', meetingState: 'terminiert' });
    expect((meeting.agendaItem as Obj[]).map((a) => [a.name, a.order])).toEqual([
      ['Lage im Stadtgebiet', 1],
      ['Sozialbericht', 2],
      ['Entwurf ohne Anlage', 3],
    ]);
    for (const url of [
      `/oparl/v1/meeting/${ids.closedMeeting}`,
      `/oparl/v1/meeting/${ids.hiddenMeeting}`,
      `/oparl/v1/agenda-item/${ids.closedItem}`,
      `/oparl/v1/organization/${ids.closedBody}`,
      `/oparl/v1/organization/${ids.closedBody}/meeting`,
      `/oparl/v1/paper/report/${ids.internalReport}`,
      `/oparl/v1/file/report/${ids.internalReport}`,
      `/oparl/v1/paper/measure/${ids.idea}`,
      '/oparl/v1/body/2',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
    }
  });

  it('never shows members, persons, contact data, minutes, action items or closed content', () => {
    const text = JSON.stringify([...crawled.values()]);
    for (const secret of [
      'Frau Mitglied',
      'meier',
      'Paula Planerin',
      DEMO_USERS.find((u) => u.username === 'gast')!.displayName,
      'Diakonie Nord',
      'Frau Kontaktperson',
      'kontakt@diakonie.example',
      'berichtet ausführlich',
      'Aufgabe Vertraulich',
      'Herr Zuständig',
      'Rathaus, Raum 1',
      'Steuerungsgruppe Verschlusssache',
      'Verschlusssache Haushalt',
      'Personalangelegenheit Geheim',
      'Nichtöffentliche Beratung',
      'Interner Entwurf Kinderarmut',
      'Unbeschlossene Schließung',
      `/report/${ids.internalReport}`,
    ])
      expect(text, secret).not.toContain(secret);
    expect(ofType('Person')).toEqual([]);
    expect((crawled.get(`${ROOT}/body/1/person`) as { data: Json[] }).data).toEqual([]);
    expect((crawled.get(`${ROOT}/body/1/legislative-term`) as { data: Json[] }).data).toEqual([]);
  });

  it('links the documents of public items as papers with files a visitor can open', async () => {
    const papers = ofType('Paper');
    expect(papers.map((p) => [p.paperType, p.name])).toEqual([
      ['Maßnahme', 'Familienzentrum Nordstadt'],
      ['Bericht', 'Sozialbericht 2024'],
      ['Gebietssteckbrief', 'Gebietssteckbrief Musterstadt'],
    ]);
    const report = papers.find((p) => p.paperType === 'Bericht')!;
    const file = report.mainFile as Obj;
    expect(file).toMatchObject({
      id: `${ROOT}/file/report/${ids.publicReport}`,
      mimeType: 'text/html',
      agendaItem: [`${ROOT}/agenda-item/${ids.reportItem}`],
      paper: [report.id],
    });
    const download = await get(local(file.accessUrl as string)); // anonymous
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/html/);
    expect(download.body).toContain('Sozialbericht 2024');
    expect(Buffer.byteLength(download.body)).toBe(file.size);

    const steckbrief = papers.find((p) => p.paperType === 'Gebietssteckbrief')!;
    const access = new URL((steckbrief.mainFile as Obj).accessUrl as string);
    expect(access.pathname).toBe('/api/reports/render');
    expect(Object.fromEntries(access.searchParams)).toEqual({
      template: 'steckbrief',
      level: 'stadt',
      area: AGS,
      format: 'pdf',
    });
    const item = crawled.get(`${ROOT}/agenda-item/${ids.steckbriefItem}`) as Obj;
    expect(item.resolutionText).toBe('Die Konferenz nimmt den Steckbrief zur Kenntnis.');
    expect((item.auxiliaryFile as Obj[]).map((f) => f.id)).toEqual([(steckbrief.mainFile as Obj).id]);
    // a decided measure is a paper without a file: its Beschlussvorlage is for planners only
    expect(papers.find((p) => p.paperType === 'Maßnahme')!.mainFile).toBeUndefined();
    const linked = crawled.get(`${ROOT}/agenda-item/${ids.internalLinkItem}`) as Obj;
    expect(linked.auxiliaryFile).toBeUndefined();
  });

  it('answers a partner and a planner exactly as an anonymous client', async () => {
    for (const url of [
      '/oparl/v1/body/1/meeting',
      '/oparl/v1/body/1/paper',
      `/oparl/v1/meeting/${ids.meeting}`,
    ]) {
      const anonymous = (await get(url)).body;
      expect((await get(url, partner)).body, url).toBe(anonymous);
      expect((await get(url, planner)).body, url).toBe(anonymous);
    }
  });

  it('lets planners set and read the public flags, which start false', async () => {
    const body = await send('POST', '/api/bodies', {
      name: 'Neuer Arbeitskreis',
      kind: 'stadtteilarbeitskreis',
    });
    expect(body).toMatchObject({ public: false });
    const meeting = await send('POST', `/api/bodies/${body.id}/meetings`, { date: '2025-09-01' });
    expect(meeting).toMatchObject({ public: false });
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/bodies/${body.id}`,
      payload: { public: true },
      headers: { cookie: partner },
    });
    expect(refused.statusCode).toBe(403);
    expect(await send('PATCH', `/api/bodies/${body.id}`, { public: true })).toMatchObject({ public: true });
    const orgs = (await get('/oparl/v1/body/1/organization')).json<OparlPage<Obj>>().data.map((o) => o.name);
    expect(orgs).toContain('Neuer Arbeitskreis');
    expect(await send('PATCH', `/api/bodies/${body.id}`, { public: false })).toMatchObject({ public: false });
    expect((await get(`/oparl/v1/organization/${body.id}`)).statusCode).toBe(404);
  });
  it('moves the modified time of an agenda item and of its meeting when the item changes', async () => {
    const stamp = async (url: string) => (await get(url)).json<Obj>().modified as string;
    const meetingUrl = `/oparl/v1/meeting/${ids.meeting}`;
    const itemUrl = `/oparl/v1/agenda-item/${ids.reportItem}`;
    const [meetingBefore, itemBefore] = [await stamp(meetingUrl), await stamp(itemUrl)];
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the times are kept to the second
    await send('PATCH', `/api/meetings/${ids.meeting}/agenda/${ids.reportItem}`, {
      decision: 'Beschlossen.',
    });
    const meetingAfter = await stamp(meetingUrl);
    expect(Date.parse(meetingAfter)).toBeGreaterThan(Date.parse(meetingBefore));
    expect(Date.parse(await stamp(itemUrl))).toBeGreaterThan(Date.parse(itemBefore));
    const changed = await get(`/oparl/v1/body/1/meeting?modified_since=${encodeURIComponent(meetingAfter)}`);
    expect(changed.json<OparlPage<Obj>>().data.map((m) => m.id)).toEqual([`${ROOT}/meeting/${ids.meeting}`]);
  });
});
