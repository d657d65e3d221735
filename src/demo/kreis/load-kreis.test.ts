/**
 * The demo Kreis in a real database through the app's own routes: Gemeinde and Kreis values are
 * sums of the Wohnplätze' counts (in the Mittelzentrum through its Sozialräume), small Wohnplätze are protected for the public, and the two
 * scoped planners exist with their municipality.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/db.ts';
import { migrate } from '../../db/migrate.ts';
import { buildApp } from '../../server/app.ts';
import { seedDefaults } from '../../setup/seed.ts';
import { knownDemoPassword } from '../demo-users.ts';
import { loadDemo, type DemoSummary } from '../load-demo.ts';
import { KREIS_SCOPED, KREIS_SCOPED_USERS } from './kreis-users.ts';
import { DEMO_KREIS, KREIS_LEVELS, MITTELZENTRUM, MUNICIPALITIES } from './municipalities.ts';

const DATE = '2024-12-31';

interface Values {
  values: { id: string; value: number | null; status: string; numerator: number | null }[];
  city: { value: number | null };
}

async function login(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, username).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lagebild_session');
  return `lagebild_session=${cookie!.value}`;
}

describe('loadDemo({ kreis: true })', () => {
  let db: Db;
  let app: FastifyInstance;
  let planner: string;
  let summary: DemoSummary;

  beforeAll(async () => {
    db = await openDb('memory://');
    await migrate(db);
    await seedDefaults(db);
    summary = await loadDemo(db, { kreis: true, seed: 1, knownPasswords: true });
    app = await buildApp({ db, webDir: '/nonexistent' });
    planner = await login(app, 'planer', knownDemoPassword('planer'));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const values = async (indicator: string, level: string, cookie?: string) => {
    const res = await app.inject({
      url: `/api/indicators/${indicator}/values?level=${level}&date=${DATE}`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Values>();
  };

  it('stores the Kreis, its levels and areas', async () => {
    expect(summary.population).toBe(282_000);
    expect(summary.areas).toBeGreaterThan(88);
    const [territory] = await db.query<{ key: string; name: string; kind: string }>(
      'SELECT key, name, kind FROM territory',
    );
    expect(territory).toEqual(DEMO_KREIS);
    const levels = await db.query<{ key: string; name: string; rank: number; n: number }>(
      `SELECT l.key, l.name, l.rank, count(a.id)::int AS n FROM area_level l JOIN area a ON a.level_id = l.id
        GROUP BY l.key, l.name, l.rank ORDER BY l.rank`,
    );
    expect(levels.map((l) => [l.key, l.name, l.rank])).toEqual([
      [KREIS_LEVELS.kreis, 'Kreis', 0],
      ['gemeinde', 'Gemeinde', 1],
      ['sozialraum', 'Sozialraum', 2],
      ['wohnplatz', 'Wohnplatz', 3],
    ]);
    expect(levels.map((l) => l.n).slice(0, 2)).toEqual([1, 8]);
    // the Sozialräume are a level of the Mittelzentrum only
    const listed = (await app.inject('/api/areas/levels')).json<
      { key: string; parent: string; partial: boolean }[]
    >();
    expect(listed.map((l) => [l.key, l.parent, l.partial])).toEqual([
      [KREIS_LEVELS.kreis, null, false],
      ['gemeinde', KREIS_LEVELS.kreis, false],
      ['sozialraum', 'gemeinde', true],
      ['wohnplatz', 'gemeinde', false],
    ]);
  });

  it('sums the Mittelzentrum over its Sozialräume and over its Wohnplätze alike', async () => {
    const sozialraeume = await values('einwohner', 'sozialraum', planner);
    const wohnplaetze = await values('einwohner', 'wohnplatz', planner);
    const gemeinden = await values('einwohner', 'gemeinde', planner);
    const areas = (await app.inject('/api/areas?level=wohnplatz')).json<
      { id: string; parent: string; parentLevel: string }[]
    >();
    const sum = (list: Values['values']) => list.reduce((s, v) => s + (v.value ?? NaN), 0);
    expect(sozialraeume.values.length).toBeGreaterThanOrEqual(6);
    for (const s of sozialraeume.values) {
      const members = new Set(areas.filter((a) => a.parent === s.id).map((a) => a.id));
      expect(members.size, s.id).toBeGreaterThanOrEqual(2);
      expect(sum(wohnplaetze.values.filter((w) => members.has(w.id))), s.id).toBe(s.value);
    }
    const mz = gemeinden.values.find((v) => v.id === MITTELZENTRUM.key)!.value;
    expect(sum(sozialraeume.values)).toBe(mz);
    expect(sum(wohnplaetze.values.filter((w) => w.id.startsWith(MITTELZENTRUM.key)))).toBe(mz);
    // the Wohnplätze of the other Gemeinden hang directly under them
    expect(
      areas.filter((a) => a.parentLevel === 'gemeinde').every((a) => !a.id.startsWith(MITTELZENTRUM.key)),
    ).toBe(true);
  });

  it('sums population: Kreis = Σ Gemeinden = Σ Wohnplätze, through the values route', async () => {
    const gemeinden = await values('einwohner', 'gemeinde', planner);
    const wohnplaetze = await values('einwohner', 'wohnplatz', planner);
    const kreis = await values('einwohner', KREIS_LEVELS.kreis, planner);
    expect(gemeinden.values.map((v) => v.id).sort()).toEqual(MUNICIPALITIES.map((m) => m.key));
    const sum = (list: Values['values']) => list.reduce((s, v) => s + (v.value ?? NaN), 0);
    expect(sum(gemeinden.values)).toBe(282_000);
    expect(sum(wohnplaetze.values)).toBe(282_000);
    expect(kreis.values).toHaveLength(1);
    expect(kreis.values[0]).toMatchObject({ id: DEMO_KREIS.key, value: 282_000 });
    expect(gemeinden.city.value).toBe(282_000);
    for (const g of gemeinden.values) {
      const parts = wohnplaetze.values.filter((w) => w.id.startsWith(g.id));
      expect(sum(parts), g.id).toBe(g.value);
    }
    const mz = gemeinden.values.find((v) => v.id === KREIS_SCOPED.mittelzentrum.gemeindeKey);
    expect(mz?.value).toBeGreaterThan(100_000);
  });

  it('protects small Wohnplätze for anonymous visitors', async () => {
    const full = await values('einwohner', 'wohnplatz', planner);
    const small = full.values.filter((v) => (v.value ?? 0) < 1000);
    const tiny = full.values.filter((v) => (v.value ?? 0) < 300).map((v) => v.id);
    expect(small.length).toBeGreaterThanOrEqual(5);
    expect(tiny.length).toBeGreaterThanOrEqual(3);
    const pub = await values('sgb2_quote', 'wohnplatz');
    for (const v of pub.values) {
      expect(v.numerator).toBeNull();
      if (tiny.includes(v.id)) expect(v, v.id).toMatchObject({ value: null, status: 'secret' });
    }
    const hidden = pub.values.filter((v) => v.status === 'secret').map((v) => v.id);
    expect(small.filter((v) => hidden.includes(v.id)).length).toBeGreaterThanOrEqual(3);
  });

  it('creates the two planners scoped to one Gemeinde each, who can log in', async () => {
    const rows = await db.query<{ username: string; role: string; scope_level: string; scope_key: string }>(
      `SELECT username, role, scope_level, scope_key FROM app_user WHERE scope_key IS NOT NULL ORDER BY username`,
    );
    expect(rows).toEqual(
      [KREIS_SCOPED.rural, KREIS_SCOPED.mittelzentrum]
        .map((u) => ({
          username: u.username,
          role: 'planner',
          scope_level: 'gemeinde',
          scope_key: u.gemeindeKey,
        }))
        .sort((a, b) => a.username.localeCompare(b.username)),
    );
    expect(summary.logins.map((l) => l.username)).toEqual(
      expect.arrayContaining(['admin', 'planer', 'gast', KREIS_SCOPED.mittelzentrum.username]),
    );
    const rural = KREIS_SCOPED_USERS.find((u) => u.username === KREIS_SCOPED.rural.username)!;
    await login(app, rural.username, rural.knownPassword);
  });

  it('places the facilities in their Wohnplätze with the Träger of their municipality', async () => {
    const rows = await db.query<{ n: number; outside: number; musterstadt: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE a.id IS NULL OR l.key <> 'wohnplatz')::int AS outside,
              count(*) FILTER (WHERE f.carrier LIKE '%Musterstadt%')::int AS musterstadt
         FROM facility f LEFT JOIN area a ON a.id = f.area_id LEFT JOIN area_level l ON l.id = a.level_id`,
    );
    expect(rows[0]).toEqual({ n: summary.facilities, outside: 0, musterstadt: 0 });
  });
});
