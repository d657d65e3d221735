/**
 * What a municipality's planner learns about another municipality, tested as difference: two
 * demo Kreise that differ only in the counts of two Wohnplätze of another Gemeinde, both hidden
 * from the public at every Stichtag (their counts swapped, so every sum above them and every
 * distribution stays the same). The planner of Musterhausen calls every GET route of the API
 * document in both, with every level, Stichtag, indicator and the areas around the swapped ones,
 * and must get the same answers byte for byte: nothing they can read depends on the other
 * Gemeinde's unprotected counts. The planners of the Kreis and of that Gemeinde do see the
 * difference, so the test can fail.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { insertObservations, type NewObservation } from '../observations/observation.repository.ts';
import { loadDemoKreis } from '../demo/load-demo.ts';
import { KREIS_SCOPED } from '../demo/kreis/kreis-users.ts';
import { buildApp } from '../server/app.ts';
import { seedDefaults } from '../setup/seed.ts';
import { sessionCookie } from '../test/demo-app.ts';

interface World {
  db: Db;
  app: FastifyInstance;
  cookies: Record<'own' | 'other' | 'kreis', string>;
}

type Json = Record<string, unknown>;

async function world(): Promise<World> {
  const db = await openDb('memory://');
  await migrate(db);
  await seedDefaults(db);
  await loadDemoKreis(db, { seed: 1, knownPasswords: true });
  const app = await buildApp({ db, webDir: '/nonexistent' });
  return {
    db,
    app,
    cookies: {
      own: await sessionCookie(db, KREIS_SCOPED.mittelzentrum.username),
      other: await sessionCookie(db, KREIS_SCOPED.rural.username),
      kreis: await sessionCookie(db, 'planer'),
    },
  };
}

/** Times of writing differ between the two loads; PDFs carry their creation time and an id. */
const normalise = (body: string) =>
  body
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, '<time>')
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '/$1 ()')
    .replace(/\/ID \[<[0-9a-fA-F]+> <[0-9a-fA-F]+>\]/g, '/ID []');

/** Where two answers part, for the failure message: planner's answer, then the public's. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && a.length === b.length
    ? 'gleich'
    : `…${a.slice(Math.max(0, i - 80), i + 80)} ≠ …${b.slice(Math.max(0, i - 80), i + 80)}`;
}

async function get(w: World, url: string, cookie?: string) {
  const res = await w.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, body: normalise(res.rawPayload.toString('latin1')) };
}

async function json(w: World, url: string, cookie?: string): Promise<unknown> {
  const r = await get(w, url, cookie);
  expect(r.status, `${url}: ${r.body.slice(0, 200)}`).toBe(200);
  return JSON.parse(r.body) as unknown;
}

/**
 * Swaps every count of areas `a` and `b` (all variables, breakdowns and Stichtage), in one
 * transaction; `a === b` rewrites the same rows unchanged, so both worlds see the same writes.
 */
async function swapCounts(db: Db, a: number, b: number) {
  await db.transaction(async (tx) => {
    const rows = await tx.query<NewObservation & Record<string, unknown>>(
      `SELECT variable_id AS "variableId", area_id AS "areaId", to_char(ref_date, 'YYYY-MM-DD') AS date,
              breakdown, value, status, source_id AS "sourceId" FROM observation WHERE area_id IN ($1, $2)`,
      [a, b],
    );
    await tx.query('DELETE FROM observation WHERE area_id IN ($1, $2)', [a, b]);
    await insertObservations(
      tx,
      rows.map((r) => ({ ...r, areaId: r.areaId === a ? b : a })),
    );
  });
}

describe('a municipality’s planner learns nothing of another municipality’s unprotected counts', () => {
  let same: World;
  let changed: World;
  let pair: { level: string; keys: [string, string]; gemeinde: string };
  let urls: string[] = [];

  beforeAll(async () => {
    same = await world();
    changed = await world();
    // The pair: two Wohnplätze of one Gemeinde other than Musterhausen, both under the minimum
    // population at every Stichtag (ground truth, to choose where a leak would matter most).
    const config = (await json(same, '/api/config')) as Json;
    const dates = (config.dates as string[]).slice().sort();
    const indicators = (await json(same, '/api/indicators')) as Json[];
    const areas = (await json(same, '/api/areas?level=wohnplatz')) as { id: string; parent: string }[];
    const small = await same.db.query<{ gemeinde: string; key: string }>(
      `SELECT p.key AS gemeinde, a.key FROM observation o JOIN variable v ON v.id = o.variable_id
         JOIN area a ON a.id = o.area_id JOIN area p ON p.id = a.parent_id
         JOIN area_level l ON l.id = a.level_id
        WHERE v.key = 'ew' AND o.breakdown = '' AND l.key = 'wohnplatz' AND a.key NOT LIKE $1 || '%'
        GROUP BY p.key, a.key HAVING max(o.value) < 1000 ORDER BY p.key = $2 DESC, p.key, max(o.value)`,
      [KREIS_SCOPED.mittelzentrum.gemeindeKey, KREIS_SCOPED.rural.gemeindeKey],
    );
    const gemeinde = small[0]?.gemeinde ?? '';
    const ids = small.filter((r) => r.gemeinde === gemeinde).map((r) => r.key);
    expect(ids.length, 'two small Wohnplätze in one Gemeinde').toBeGreaterThanOrEqual(2);
    pair = { level: 'wohnplatz', keys: [ids[0]!, ids[1]!], gemeinde };
    const idOf = async (w: World, key: string) =>
      (
        await w.db.query<{ id: number }>(
          `SELECT a.id FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'wohnplatz' AND a.key = $1`,
          [key],
        )
      )[0]!.id;
    const a = await idOf(changed, pair.keys[0]);
    const b = await idOf(changed, pair.keys[1]);
    await swapCounts(changed.db, a, b);
    await swapCounts(same.db, await idOf(same, pair.keys[0]), await idOf(same, pair.keys[0]));

    // Every GET route of the document, with its parameters filled from what the API lists.
    const doc = (await json(same, '/api/docs/json')) as { paths: Record<string, Json> };
    const levels = (config.levels as { key: string }[]).map((l) => l.key);
    const indicatorKeys = indicators.map((i) => String(i.key));
    const indexKeys = ((await json(same, '/api/indices', same.cookies.own)) as Json[]).map((i) =>
      String(i.key),
    );
    const ownArea = areas.find((a) => a.id.startsWith(KREIS_SCOPED.mittelzentrum.gemeindeKey))!.id;
    // Musterhausen's own level between Gemeinde and Wohnplatz: where the own Wohnplatz lies
    const ownSozialraum = areas.find((a) => a.id === ownArea)!.parent;
    const focus: Record<string, string[]> = {
      wohnplatz: [
        ...pair.keys,
        ownArea,
        ...areas
          .filter((a) => a.parent === gemeinde)
          .map((a) => a.id)
          .slice(0, 3),
      ],
      sozialraum: [ownSozialraum],
      gemeinde: [gemeinde, KREIS_SCOPED.mittelzentrum.gemeindeKey],
      stadt: ['05999'],
    };
    const sample = [dates[0]!, dates[Math.floor(dates.length / 2)]!, dates.at(-1)!];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get as Json | undefined;
      if (!op || path.startsWith('/api/docs') || path.includes('/events')) continue;
      const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        enum: ((p.schema as Json | undefined)?.enum as string[] | undefined) ?? null,
      }));
      const domain = (name: string, required: boolean, level: string): string[] | null => {
        if (name === 'level') return [level];
        // every Stichtag where a route answers per area, three elsewhere
        if (name === 'date')
          return params.some(
            (p) => ['id', 'area', 'key'].includes(p.name) && p.in === 'path' && path.includes('{level}'),
          ) || path.includes('/series')
            ? dates
            : sample;
        if (name === 'format') return ['json', 'csv'];
        if (
          ['id', 'area', 'a', 'areaKey'].includes(name) &&
          (path.includes('{level}') || params.some((p) => p.name === 'level'))
        )
          return focus[level] ?? [];
        if (name === 'key' && path.startsWith('/api/profiles/')) return focus[level] ?? [];
        if (name === 'key' && path.startsWith('/api/indices')) return indexKeys;
        if (name === 'key' || name === 'indicator')
          return path.includes('{key}') || required ? indicatorKeys : null;
        if (name === 'indicators') return required ? [indicatorKeys.slice(0, 12).join(',')] : null;
        if (name === 'b') return ['district', 'city'];
        if (name === 'id' || name === 'goal') return ['1', '2'];
        return required ? [] : null;
      };
      for (const level of params.some((p) => p.name === 'level') ? levels : ['wohnplatz']) {
        let combos: Record<string, string>[] = [{}];
        for (const p of params) {
          const values = domain(p.name, p.required, level);
          if (values === null) continue;
          const allowed = p.enum ? values.filter((v) => p.enum!.includes(v)) : values;
          combos = combos.flatMap((q) => allowed.map((v) => ({ ...q, [p.name]: v })));
        }
        for (const q of combos) {
          let url = path;
          const search = new URLSearchParams();
          for (const [k, v] of Object.entries(q))
            if (url.includes(`{${k}}`)) url = url.replace(`{${k}}`, encodeURIComponent(v));
            else search.set(k, v);
          if (!url.includes('{')) urls.push(search.size ? `${url}?${search.toString()}` : url);
        }
      }
    }
    urls = [...new Set(urls)];
  }, 1_800_000);

  afterAll(async () => {
    for (const w of [same, changed]) {
      await w?.app.close();
      await w?.db.close();
    }
  });

  it('calls thousands of URLs over every GET route', () => {
    expect(urls.length).toBeGreaterThan(1000);
    expect(urls.some((u) => u.startsWith('/api/indicators/') && u.includes('/values'))).toBe(true);
    expect(urls.some((u) => u.startsWith('/api/profiles/gemeinde/'))).toBe(true);
  });

  it('tells the planner of Musterhausen nothing of the other Gemeinde beyond what the public learns', async () => {
    const beyondPublic: string[] = [];
    const details: string[] = [];
    let answered = 0;
    let publicChanges = 0;
    for (const url of urls) {
      const [x, y] = await Promise.all([
        get(same, url, same.cookies.own),
        get(changed, url, changed.cookies.own),
      ]);
      if (x.status === 200) answered++;
      if (x.status === y.status && x.body === y.body) continue;
      const [px, py] = await Promise.all([get(same, url), get(changed, url)]);
      if (px.body === x.body && py.body === y.body && px.status === x.status && py.status === y.status) {
        publicChanges++;
        continue;
      }
      beyondPublic.push(url);
      if (details.length < 3)
        details.push(
          `${url}\n  1: ${firstDifference(x.body, px.body)}\n  2: ${firstDifference(y.body, py.body)}`,
        );
    }
    expect(answered).toBeGreaterThan(500);
    expect(beyondPublic, details.join('\n')).toEqual([]);
    // the swap shows in public outputs too (cells of the two areas the rules publish)
    expect(publicChanges).toBeGreaterThan(0);
  }, 1_800_000);

  it('shows the difference to the planners of the Kreis and of that Gemeinde', async () => {
    const values = urls.filter((u) => /^\/api\/indicators\/[^/]+\/values\?level=wohnplatz/.test(u));
    const differs = async (cookie: 'kreis' | 'other') => {
      for (const url of values) {
        const [x, y] = await Promise.all([
          get(same, url, same.cookies[cookie]),
          get(changed, url, changed.cookies[cookie]),
        ]);
        if (x.body !== y.body) return true;
      }
      return false;
    };
    expect(await differs('kreis')).toBe(true);
    if (pair.gemeinde === KREIS_SCOPED.rural.gemeindeKey) expect(await differs('other')).toBe(true);
  }, 1_800_000);
});
