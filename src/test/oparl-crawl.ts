/**
 * The demo council behind the OParl tests and the crawl a client makes of it: bodies, meetings
 * and agenda items, some public and some not, linking reports, a Steckbrief and measures; then
 * every OParl URL followed once from the System object (list pages by their links).
 */
import { expect } from 'vitest';
import { insertAccount } from '../auth/auth.service.ts';
import { DEMO_USERS } from '../demo/demo-users.ts';
import { buildApp } from '../server/app.ts';
import { saveCity } from '../setup/city.service.ts';
import type { Engine } from './databases.ts';
import { sessionCookie } from './demo-app.ts';

export const HOST = 'ratsinfo.example.org';
export const ORIGIN = `http://${HOST}`;
export const ROOT = `${ORIGIN}/oparl/v1`;
export const AGS = '09162000';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: Json };

/** Every object inside `value` (itself included) that has an OParl `type`. */
export function oparlObjects(value: Json, into: Obj[] = []): Obj[] {
  if (Array.isArray(value)) for (const v of value) oparlObjects(v, into);
  else if (value && typeof value === 'object') {
    if (typeof value.type === 'string' && value.type.startsWith('https://schema.oparl.org/'))
      into.push(value);
    for (const v of Object.values(value)) oparlObjects(v, into);
  }
  return into;
}

/** Every absolute URL inside `value`. */
export function urlsIn(value: Json, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urlsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urlsIn(v, into);
  else if (typeof value === 'string' && /^https?:\/\//.test(value)) into.push(value);
  return into;
}

/** Path and query of an absolute URL, for `app.inject`. */
export const local = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

export type OparlDemo = Awaited<ReturnType<typeof startOparlDemo>>;

/** A fresh database and app with the demo council; `close()` ends both. */
export async function startOparlDemo(engine: Engine) {
  const { db, drop } = await engine.create();
  for (const u of DEMO_USERS) await insertAccount(db, { ...u, passwordHash: u.knownHash });
  await db.transaction((tx) => saveCity(tx, { name: 'Musterstadt', key: AGS }));
  const app = await buildApp({ db, webDir: '/nonexistent' });
  const planner = await sessionCookie(db, 'planer');
  const ids: Record<string, number> = {};

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
  const insertMeasure = async (title: string, status: string, decision: unknown = null) => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO measure (kind, title, status, decision) VALUES ('massnahme', $1, $2, $3::jsonb) RETURNING id`,
      [title, status, decision === null ? null : JSON.stringify(decision)],
    );
    return row!.id;
  };

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
  const partner = await sessionCookie(db, 'meier');

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

  ids.publicReport = await insertReport('Sozialbericht 2024', false);
  ids.internalReport = await insertReport('Interner Entwurf Kinderarmut', true);
  // decided in the meeting below (the measure records the body and the day as text)
  ids.decided = await insertMeasure('Familienzentrum Nordstadt', 'beschlossen', {
    body: 'sozialraumkonferenz nord',
    meeting: 'Sitzung vom 12.03.2025',
    date: '2025-03-12',
    text: 'Beschlossen.',
  });
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
      attachment: { kind: 'report', reportId: ids.publicReport },
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
      attachment: { kind: 'report', reportId: ids.internalReport },
      measureId: ids.idea,
    },
    false,
  );
  // public, but what it links is not
  ids.internalLinkItem = await addItem(
    ids.meeting,
    {
      title: 'Entwurf ohne Anlage',
      attachment: { kind: 'report', reportId: ids.internalReport },
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

  /** The crawl: from the System object, every OParl URL once, list pages by their links. */
  const crawl = async () => {
    const crawled = new Map<string, Json>();
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
    return crawled;
  };

  const close = async () => {
    await app.close();
    await drop();
  };
  return { db, app, planner, partner, ids, get, send, crawl, close };
}
