/**
 * Planners bound to one municipality of the demo Kreis (Musterhausen and Heiderath) beside the
 * Kreis's planner: what each sees and what each may change, on every engine. What they learn of
 * each other through every GET route is in scope.noninterference.test.ts; which operations they
 * may call at all in openapi.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { KREIS_SCOPED } from '../demo/kreis/kreis-users.ts';
import { engines } from '../test/databases.ts';
import { demoKreisApp, type DemoKreisApp } from '../test/demo-kreis-app.ts';
import { multipart } from '../test/multipart.ts';

const OWN = KREIS_SCOPED.mittelzentrum.gemeindeKey;
const OTHER = KREIS_SCOPED.rural.gemeindeKey;

interface Value {
  id: string;
  value: number | null;
  status: string;
  numerator: number | null;
}

describe.each(engines)('planners of two municipalities in one Kreis ($name)', (engine) => {
  let t: DemoKreisApp;
  let db: Db;
  let app: FastifyInstance;
  let own: string;
  let other: string;
  let kreis: string;
  let admin: string;
  let date: string;
  let wohnplaetze: Map<string, string[]>;

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload: payload } : {}),
    });
  const values = async (cookie: string | undefined, level = 'wohnplatz') => {
    const res = await send('GET', `/api/indicators/einwohner/values?level=${level}&date=${date}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ city: { value: number | null }; values: Value[] }>();
  };
  const population = async (key: string) =>
    (
      await db.query<{ n: number }>(
        `SELECT sum(o.value)::float8 AS n FROM observation o JOIN variable v ON v.id = o.variable_id
           JOIN area a ON a.id = o.area_id
          WHERE v.key = 'ew' AND o.breakdown = '' AND o.ref_date = $2 AND a.key LIKE $1 || '%'`,
        [key, date],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await demoKreisApp(engine);
    ({ db, app, date, wohnplaetze } = t);
    ({ own, other, kreis, admin } = t.cookies);
  }, 600_000);
  afterAll(() => t?.close());

  it('shows a scoped planner their own Wohnplätze unprotected and the others as the public sees them', async () => {
    const [mine, anonymous, whole] = [await values(own), await values(undefined), await values(kreis)];
    const ownKeys = new Set(wohnplaetze.get(OWN));
    for (const v of mine.values) {
      const exact = whole.values.find((w) => w.id === v.id)!;
      const published = anonymous.values.find((w) => w.id === v.id)!;
      if (ownKeys.has(v.id)) expect(v, v.id).toEqual(exact);
      else expect(v, v.id).toEqual(published);
    }
    // their own small Wohnplatz is hidden from the public but not from them
    const small = mine.values.filter(
      (v) => ownKeys.has(v.id) && anonymous.values.find((w) => w.id === v.id)!.status !== 'value',
    );
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((v) => v.status === 'value' && v.numerator !== null)).toBe(true);
    // the Kreis as the public sees it; other Gemeinden' small Wohnplätze hidden
    expect(mine.city).toEqual(anonymous.city);
    const otherHidden = mine.values.filter((v) => !ownKeys.has(v.id) && v.status !== 'value');
    expect(otherHidden.length).toBeGreaterThan(0);
    expect(otherHidden.every((v) => v.value === null && v.numerator === null)).toBe(true);
  });

  it('gives a scoped planner the Steckbrief and changes of their own Wohnplatz unprotected, and any other as the public sees it', async () => {
    type Cell = { value: number | null; status: string };
    type Profile = {
      own: boolean;
      unprotected: boolean;
      themes: { indicators: { key: string; value: Cell; district: Cell | null; city: Cell }[] }[];
    };
    const profile = async (cookie: string | undefined, key: string) => {
      const res = await send('GET', `/api/profiles/wohnplatz/${key}?date=${date}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Profile>();
    };
    const einwohner = (p: Profile) =>
      p.themes.flatMap((t) => t.indicators).find((i) => i.key === 'einwohner')!;
    const anonymous = await values(undefined);
    const small = wohnplaetze
      .get(OWN)!
      .find((k) => anonymous.values.find((v) => v.id === k)!.status !== 'value')!;
    const [mine, published, whole] = [
      await profile(own, small),
      await profile(undefined, small),
      await profile(kreis, small),
    ];
    expect([mine.own, mine.unprotected, published.own]).toEqual([true, false, false]);
    expect(einwohner(published).value.status).not.toBe('value');
    // the area and its Sozialraum as the Kreis's planner sees them, the Kreis as the public does
    expect(einwohner(mine).value).toEqual(einwohner(whole).value);
    expect(einwohner(mine).value.status).toBe('value');
    expect(einwohner(mine).district).toEqual(einwohner(whole).district);
    expect(einwohner(mine).city).toEqual(einwohner(published).city);
    // another Gemeinde's Wohnplatz: the public Steckbrief to the byte, ranks included
    for (const key of wohnplaetze.get(OTHER)!.slice(0, 3)) {
      const [a, b] = await Promise.all([
        send('GET', `/api/profiles/wohnplatz/${key}?date=${date}`, own),
        send('GET', `/api/profiles/wohnplatz/${key}?date=${date}`),
      ]);
      expect(a.body, key).toBe(b.body);
    }
    // the changes since the previous Stichtag likewise
    const changes = async (cookie: string | undefined, key: string) => {
      const res = await send(
        'GET',
        `/api/monitoring/changes?level=wohnplatz&area=${key}&date=${date}`,
        cookie,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ indicators: { indicator: string; value: number | null; status: string }[] }>();
    };
    const ew = (c: Awaited<ReturnType<typeof changes>>) =>
      c.indicators.find((i) => i.indicator === 'einwohner')!;
    expect(ew(await changes(own, small))).toEqual(ew(await changes(kreis, small)));
    expect(ew(await changes(undefined, small)).status).not.toBe('value');
    const theirs = wohnplaetze.get(OTHER)![0]!;
    expect(await changes(own, theirs)).toEqual(await changes(undefined, theirs));
  });

  it('gives a scoped planner a statistics table with their own rows and counts unprotected, the others as the public sees them', async () => {
    type Row = {
      kind: string;
      key: string;
      cells: { value: number | null; status: string; numerator: number | null }[];
    };
    const table = async (cookie: string | undefined, format = 'json') => {
      const res = await send(
        'GET',
        `/api/analysis/table?indicators=einwohner&level=wohnplatz&date=${date}&format=${format}`,
        cookie,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const rows = async (cookie: string | undefined) =>
      (await table(cookie)).json<{ withCounts: boolean; rows: Row[] }>();
    const [mine, published, whole] = [await rows(own), await rows(undefined), await rows(kreis)];
    expect([mine.withCounts, published.withCounts]).toEqual([true, false]);
    const ownKeys = new Set([OWN, ...wohnplaetze.get(OWN)!]);
    const byKey = (t: { rows: Row[] }, r: Row) => t.rows.find((x) => x.kind === r.kind && x.key === r.key)!;
    let hidden = 0;
    for (const r of mine.rows) {
      // own Wohnplätze and their Sozialräume (keys beginning with the Gemeinde's) as the Kreis sees them
      if (r.kind !== 'city' && (ownKeys.has(r.key) || r.key.startsWith(OWN))) {
        expect(r, r.key).toEqual(byKey(whole, r));
        if (byKey(published, r).cells[0]!.status !== 'value') hidden++;
      } else expect(r, r.key).toEqual(byKey(published, r));
    }
    expect(hidden, 'own rows the public does not see').toBeGreaterThan(0);
    // the CSV has the count columns, empty outside the Gemeinde
    const csv = (await table(own, 'csv')).body;
    expect(csv.split('\n')[0]).toContain('Zähler');
  });

  it('counts the Sozialräume of Musterhausen into its planner’s scope, and only into theirs', async () => {
    const [mine, theirs, anonymous, whole] = [
      await values(own, 'sozialraum'),
      await values(other, 'sozialraum'),
      await values(undefined, 'sozialraum'),
      await values(kreis, 'sozialraum'),
    ];
    expect(mine.values.length).toBeGreaterThanOrEqual(6);
    expect(mine.values.every((v) => v.id.startsWith(OWN))).toBe(true);
    // unprotected for Musterhausen's planner (counts included), as the public sees them for Heiderath's
    expect(mine.values).toEqual(whole.values);
    expect(mine.values.every((v) => v.status === 'value' && v.numerator !== null)).toBe(true);
    expect(theirs.values).toEqual(anonymous.values);
    expect(theirs.values.every((v) => v.numerator === null)).toBe(true);
  });

  it('keeps a scoped planner’s answers out of every shared cache', async () => {
    const url = `/api/indicators/einwohner/values?level=wohnplatz&date=${date}`;
    const res = await send('GET', url, own);
    expect(res.headers['cache-control']).toBe('private, no-store');
    // and the other municipality's planner gets their own, not the first one's
    const theirs = (await send('GET', url, other)).json<{ values: Value[] }>();
    const mine = res.json<{ values: Value[] }>();
    expect(theirs).not.toEqual(mine);
  });

  it('refuses what shapes the whole Kreis, and reading unprotected data elsewhere', async () => {
    for (const [method, url, payload] of [
      ['PATCH', '/api/indicators/einwohner', { name: 'x' }],
      ['GET', '/api/variables/overview'],
      ['POST', '/api/projection/runs', {}],
    ] as const) {
      const res = await send(method, url, own, payload);
      expect([400, 403], `${method} ${url}: ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 403) expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('imports a table only for the own Wohnplätze, and names the rows of others', async () => {
    const ownKey = wohnplaetze.get(OWN)![0]!;
    const otherKey = wohnplaetze.get(OTHER)![0]!;
    const before = await population(OTHER);
    const upload = (cookie: string, rows: string[]) => {
      const body = multipart({ level: 'wohnplatz', date: '2025-12-31' }, [
        { name: 'zuzuege.csv', data: ['Wohnplatz;Zuzüge', ...rows].join('\n') },
      ]);
      return app.inject({
        method: 'POST',
        url: '/api/imports/table',
        payload: body.payload,
        headers: { cookie, 'content-type': body.contentType },
      });
    };
    const refused = await upload(own, [`${ownKey};12`, `${otherKey};7`]);
    expect(refused.statusCode, refused.body).toBe(422);
    const problems = JSON.stringify(refused.json());
    expect(problems).toContain('import.outside_scope');
    expect(problems).toContain(
      `Das Gebiet „${otherKey}“ liegt außerhalb Ihrer Zuständigkeit (Gemeinde Musterhausen)`,
    );
    expect(problems).toContain('Zeile 3');

    const ok = await upload(own, [`${ownKey};12`]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ committed: true, stored: 1 });
    // the Kreis's planner imports for any Gemeinde; the scoped import replaced only its own slice
    const both = await upload(kreis, [`${otherKey};7`]);
    expect(both.statusCode, both.body).toBe(200);
    const again = await upload(own, [`${ownKey};13`]);
    expect(again.statusCode, again.body).toBe(200);
    const [kept] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
        WHERE v.key = 'zuzuege' AND a.key = $1 AND o.ref_date = '2025-12-31'`,
      [otherKey],
    );
    expect(kept!.n).toBe(1);
    expect(await population(OTHER)).toBe(before);
  });

  it('lets a scoped planner change measures inside their Gemeinde only', async () => {
    const ownArea = { level: 'wohnplatz', key: wohnplaetze.get(OWN)![0]! };
    const otherArea = { level: 'wohnplatz', key: wohnplaetze.get(OTHER)![0]! };
    const create = (cookie: string, areas: unknown[]) =>
      send('POST', '/api/measures', cookie, { title: 'Quartiersbüro', areas });
    const mine = await create(own, [ownArea]);
    expect(mine.statusCode, mine.body).toBe(200);
    const outside = await create(own, [ownArea, otherArea]);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'auth.outside_scope' });
    expect((await create(own, [])).statusCode).toBe(403);

    const theirs = await create(kreis, [otherArea]);
    expect(theirs.statusCode, theirs.body).toBe(200);
    const id = theirs.json<{ id: number }>().id;
    const patch = (cookie: string) =>
      send('PATCH', `/api/measures/${id}`, cookie, { title: 'Quartiersbüro Heiderath' });
    expect((await patch(own)).statusCode).toBe(403);
    expect((await patch(other)).statusCode).toBe(200);
    // a goal for the whole Kreis belongs to the Kreis
    const goal = await send('POST', `/api/measures/${mine.json<{ id: number }>().id}/goals`, own, {
      indicator: 'einwohner',
      level: 'stadt',
      area: null,
      baselineDate: date,
      targetValue: 1,
      targetDate: '2030-12-31',
    });
    expect(goal.statusCode, goal.body).toBe(403);
    expect((await send('DELETE', `/api/measures/${id}`, own)).statusCode).toBe(403);
  });

  it('lets a scoped planner change facilities located in their Gemeinde only', async () => {
    const facilityIn = async (gemeinde: string) =>
      (
        await db.query<{ id: number; lon: number; lat: number }>(
          `SELECT f.id, f.lon, f.lat FROM facility f JOIN area a ON a.id = f.area_id
            WHERE a.key LIKE $1 || '%' AND f.valid_to IS NULL ORDER BY f.id LIMIT 1`,
          [gemeinde],
        )
      )[0]!;
    const mine = await facilityIn(OWN);
    const theirs = await facilityIn(OTHER);
    const create = (at: { lon: number; lat: number }) =>
      send('POST', '/api/facilities', own, {
        type: 'kita',
        name: 'Kita Neubau',
        capacity: 40,
        lon: at.lon,
        lat: at.lat,
      });
    expect((await create(mine)).statusCode).toBe(201);
    const outside = await create(theirs);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'auth.outside_scope' });
    // moving one's own facility into another Gemeinde is leaving the scope too
    expect(
      (await send('PATCH', `/api/facilities/${mine.id}`, own, { lon: theirs.lon, lat: theirs.lat }))
        .statusCode,
    ).toBe(403);
    expect((await send('POST', `/api/facilities/${theirs.id}/close`, own, {})).statusCode).toBe(403);
    expect((await send('POST', `/api/facilities/${theirs.id}/close`, other, {})).statusCode).toBe(200);
  });

  it('lets administrators bind an account to a current municipality, and never an administrator', async () => {
    const set = (username: string, scope: unknown) =>
      send('PATCH', `/api/users/${username}`, admin, { scope });
    const bound = await set('gast', { level: 'gemeinde', key: OTHER });
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json()).toMatchObject({ scope: { level: 'gemeinde', key: OTHER } });
    expect((await set('gast', null)).json()).toMatchObject({ scope: null });
    const unknown = await set('gast', { level: 'gemeinde', key: '99999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'users.scope_unknown' });
    const adminScope = await set('admin', { level: 'gemeinde', key: OWN });
    expect(adminScope.statusCode).toBe(400);
    expect(adminScope.json()).toMatchObject({ code: 'users.scope_admin' });
    // the planners' own scopes, as the account says
    const me = (await send('GET', '/api/auth/me', own)).json<{ scope?: unknown }>();
    expect(me.scope ?? (me as { user?: { scope?: unknown } }).user?.scope).toEqual({
      level: 'gemeinde',
      key: OWN,
    });
  });
});
