/**
 * The demo council behind the OParl tests and the crawl a client makes of it: bodies, meetings
 * and agenda items, some public and some not, linking reports, a Steckbrief and measures; then
 * every OParl URL followed once from the System object (list pages by their links).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
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

/** The specification's own JSON schema files (github.com/OParl/spec, v1.1.1) beside the checkout. */
export const OPARL_SCHEMA_DIR = join(import.meta.dirname, '../../../shared/data/oparl-1.1-schema');
export const OPARL_TYPE = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/;

/**
 * A check of any OParl object against the official schema of its `type`: null when it passes,
 * else Ajv's errors. One Ajv instance with every schema file under its file name, the name the files refer by. */
export function officialValidator() {
  // the templates mark embedded objects with "schema": "File.json" and annotate links with
  // references/backreference/cardinality; external lists carry `items` on a URL string; the type
  // patterns escape ":" and "/", which only a RegExp without the u flag allows
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, unicodeRegExp: false });
  ajv.addVocabulary(['references', 'backreference', 'cardinality']);
  ajv.addKeyword({ keyword: 'schema', macro: (file: string) => ({ $ref: file }) });
  ajv.addFormat('url', {
    type: 'string',
    validate: (s: string) => {
      try {
        return ['http:', 'https:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
  });
  addFormats(ajv, ['date-time', 'date']);
  const byType = new Map<string, ValidateFunction>();
  const files = readdirSync(OPARL_SCHEMA_DIR).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(OPARL_SCHEMA_DIR, file), 'utf8')) as AnySchemaObject;
    ajv.addSchema({ ...schema, $id: file });
  }
  for (const file of files) byType.set(file.replace(/\.json$/, ''), ajv.getSchema(file)!);
  return (o: Obj) => {
    const name = typeof o.type === 'string' ? OPARL_TYPE.exec(o.type)?.[1] : undefined;
    const validate = name === undefined ? undefined : byType.get(name);
    if (!validate) return `no schema for type ${JSON.stringify(o.type)}`;
    return validate(o) ? null : ajv.errorsText(validate.errors, { dataVar: name });
  };
}

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

  const remove = async (url: string) => {
    const res = await app.inject({ method: 'DELETE', url, headers: { cookie: planner } });
    expect(res.statusCode, `DELETE ${url}: ${res.body}`).toBeLessThan(300);
  };

  /**
   * Withdraws and deletes published things, as planners do: a body made non-public and a body
   * deleted (each with a public meeting and item inside), a meeting made non-public and one
   * deleted, an item made non-public and one deleted. Returns the time just before (to the
   * second, as OParl's times are) and what went, with the names that must not show any more.
   * `published` runs once everything is public, before anything goes (a client's visit).
   */
  const withdraw = async (published: () => Promise<void> = async () => {}) => {
    const gone: Record<string, number> = {};
    const withMeeting = async (name: string, day: string, item: Record<string, unknown>) => {
      const body = (await send('POST', '/api/bodies', { name, kind: 'ausschuss' })).id;
      await send('PATCH', `/api/bodies/${body}`, { public: true });
      const meeting = (await send('POST', `/api/bodies/${body}/meetings`, { date: day })).id;
      await send('PATCH', `/api/meetings/${meeting}`, { public: true });
      return { body, meeting, item: await addItem(meeting, item, true) };
    };
    const a = await withMeeting('Arbeitskreis Rückzug', '2025-08-01', { title: 'Punkt Rückzug' });
    const b = await withMeeting('Ausschuss Gelöscht', '2025-08-02', {
      title: 'Punkt Gelöscht',
      attachment: { kind: 'report', reportId: ids.publicReport },
    });
    Object.assign(gone, {
      withdrawnBody: a.body,
      withdrawnBodyMeeting: a.meeting,
      withdrawnBodyItem: a.item,
      deletedBody: b.body,
      deletedBodyMeeting: b.meeting,
      deletedBodyItem: b.item,
    });
    const council = async (day: string, title: string) => {
      const m = (await send('POST', `/api/bodies/${ids.council}/meetings`, { date: day })).id;
      await send('PATCH', `/api/meetings/${m}`, { public: true });
      return { meeting: m, item: await addItem(m, { title }, true) };
    };
    const c = await council('2025-09-01', 'Punkt Sitzung Zurückgezogen');
    const d = await council('2025-09-02', 'Punkt Sitzung Gelöscht');
    Object.assign(gone, {
      withdrawnMeeting: c.meeting,
      withdrawnMeetingItem: c.item,
      deletedMeeting: d.meeting,
      deletedMeetingItem: d.item,
    });
    gone.deletedItem = await addItem(ids.meeting!, { title: 'Punkt Entfernt' }, true);

    await published();
    // OParl's times are kept to the second: what went must be newer than what was there
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const since = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    await send('PATCH', `/api/bodies/${a.body}`, { public: false });
    await remove(`/api/bodies/${b.body}`);
    await send('PATCH', `/api/meetings/${c.meeting}`, { public: false });
    await remove(`/api/meetings/${d.meeting}`);
    // the only public item linking the Steckbrief: its paper and file go with it
    await send('PATCH', `/api/meetings/${ids.meeting}/agenda/${ids.steckbriefItem}`, { public: false });
    await remove(`/api/meetings/${ids.meeting}/agenda/${gone.deletedItem}`);
    const names = [
      'Arbeitskreis Rückzug',
      'Ausschuss Gelöscht',
      'Punkt Rückzug',
      'Punkt Gelöscht',
      'Punkt Sitzung Zurückgezogen',
      'Punkt Sitzung Gelöscht',
      'Punkt Entfernt',
      'Lage im Stadtgebiet',
      'Gebietssteckbrief Musterstadt',
    ];
    return { since, gone, names };
  };

  const close = async () => {
    await app.close();
    await drop();
  };
  return { db, app, planner, partner, ids, get, send, remove, crawl, withdraw, close };
}
