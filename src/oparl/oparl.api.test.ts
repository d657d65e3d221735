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
import { DEMO_USERS } from '../demo/demo-users.ts';
import { engines } from '../test/databases.ts';
import {
  AGS,
  ROOT,
  local,
  oparlObjects,
  startOparlDemo,
  type Json,
  type Obj,
  type OparlDemo,
} from '../test/oparl-crawl.ts';
import {
  OparlAgendaItem,
  OparlBody,
  OparlConsultation,
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
  [typeUri('Consultation')]: OparlConsultation.strict(),
  [typeUri('LegislativeTerm')]: OparlLegislativeTerm.strict(),
};
const TYPE_URI = /^https:\/\/schema\.oparl\.org\/1\.1\/[A-Z][A-Za-z]+$/;
// the items are checked one by one, by their type
const AnyList = oparlList(z.unknown(), 'any').strict();

describe.each(engines)('OParl 1.1 on $name', (engine) => {
  let demo: OparlDemo;
  let ids: OparlDemo['ids'];
  let planner: string;
  let partner: string;
  /** Every response of the crawl by URL. */
  let crawled: Map<string, Json>;

  const get = (url: string, cookie?: string) => demo.get(url, cookie);
  const send = (method: 'POST' | 'PATCH', url: string, payload: unknown) => demo.send(method, url, payload);

  beforeAll(async () => {
    demo = await startOparlDemo(engine);
    ({ ids, planner, partner } = demo);
    crawled = await demo.crawl();
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
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
    for (const name of ['Organization', 'Meeting', 'AgendaItem', 'Paper', 'File', 'Consultation'] as const)
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

  it('embeds the consultations of a paper, each an agenda item of a meeting of a body', () => {
    const papers = new Map(ofType('Paper').map((p) => [p.paperType as string, p]));
    const reportItem = `${ROOT}/agenda-item/${ids.reportItem}`;
    const report = (papers.get('Bericht')!.consultation as Obj[]).map((c) => ({ ...c }));
    expect(report).toEqual([
      expect.objectContaining({
        id: `${ROOT}/consultation/${ids.reportItem}/report/${ids.publicReport}`,
        paper: papers.get('Bericht')!.id,
        agendaItem: reportItem,
        meeting: `${ROOT}/meeting/${ids.meeting}`,
        organization: [`${ROOT}/organization/${ids.publicBody}`],
        role: 'Kenntnisnahme',
      }),
    ]);
    expect(report[0]!.authoritative).toBeUndefined();
    // the measure was decided by this body on this day: this consultation decided it for good
    const measure = (papers.get('Maßnahme')!.consultation as Obj[])[0]!;
    expect(measure).toMatchObject({ role: 'Beschlussfassung', authoritative: true, agendaItem: reportItem });
    // the item's one consultation is that of the measure it decides, not of its attachment
    expect((crawled.get(reportItem) as Obj).consultation).toBe(measure.id);
    const steckbriefItem = crawled.get(`${ROOT}/agenda-item/${ids.steckbriefItem}`) as Obj;
    expect(steckbriefItem.consultation).toBe((papers.get('Gebietssteckbrief')!.consultation as Obj[])[0]!.id);
    // an item whose documents are not public has none
    expect((crawled.get(`${ROOT}/agenda-item/${ids.internalLinkItem}`) as Obj).consultation).toBeUndefined();
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
    const refused = await demo.app.inject({
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
    // withdrawn: a deleted object at its URL from now on, without its name
    const withdrawn = await get(`/oparl/v1/organization/${body.id}`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ deleted: true });
    expect(withdrawn.body).not.toContain('Neuer Arbeitskreis');
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
