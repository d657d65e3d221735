/**
 * Loads the generated demo city "Musterstadt" — or the demo Kreis "Musterkreis" — into an empty
 * database in one transaction: levels, areas with true areas and display geometry, counts for 10
 * Stichtage, facilities and demo users (random passwords, returned once; known ones for test
 * harnesses; in the Kreis also two planners scoped to one municipality each). The defaults of
 * every domain (indicator catalogue, indices, rules, templates) are the caller's: `seedDefaults`.
 */
import { prepareAreas } from '../areas/area.service.ts';
import * as areaRepo from '../areas/area.repository.ts';
import { insertAccount } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserForLogin } from '../auth/user.repository.ts';
import { recordSource } from '../db/provenance.ts';
import type { Db } from '../db/db.ts';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { appendObservations, upsertVariables } from '../observations/observation.repository.ts';
import { DEMO_USERS, randomPassword, type DemoLogin, type DemoUser } from './demo-users.ts';
import { demoCarrier } from './facilities.ts';
import { generateCity, type DemoCity } from './generate.ts';
import type { DemoArea } from './types.ts';
import { generateKreis } from './kreis/generate-kreis.ts';
import { KREIS_SCOPED_USERS, type ScopedDemoUser } from './kreis/kreis-users.ts';

export interface DemoSummary {
  areas: number;
  observations: number;
  facilities: number;
  population: number;
  ms: number;
  /** The demo accounts created now, with their passwords (shown once, stored only as hashes). */
  logins: DemoLogin[];
}

/** Derived totals the catalogue needs that the generator does not emit directly. */
function derivedObservations(city: DemoCity) {
  const ew = new Map<string, number>();
  const old = new Map<string, number>();
  for (const o of city.observations) {
    if (o.breakdown !== '') continue;
    if (o.variable === 'ew') ew.set(`${o.area}|${o.date}`, o.value);
    if (o.variable === 'ew_65plus') old.set(`${o.area}|${o.date}`, o.value);
  }
  return [...ew].map(([k, v]) => {
    const [area, date] = k.split('|') as [string, string];
    return { variable: 'ew_u65', area, date, breakdown: '', value: v - (old.get(k) ?? 0) };
  });
}

/** Options of {@link loadDemo}. */
export interface LoadDemoOptions {
  seed?: number;
  /** Inhabitants of the demo city (not for the Kreis, whose municipalities have fixed sizes). */
  population?: number;
  /** The demo accounts get the fixed passwords of `DEMO_USERS` (test harnesses only); by default
   * each gets a new random password. */
  knownPasswords?: boolean;
  /** Load the demo Kreis "Musterkreis" instead of the demo city. */
  kreis?: boolean;
}

/** The demo Kreis with the same loader: `loadDemo(db, { ...opts, kreis: true })`. */
export function loadDemoKreis(db: Db, opts: Omit<LoadDemoOptions, 'kreis' | 'population'> = {}) {
  return loadDemo(db, { ...opts, kreis: true });
}

export async function loadDemo(db: Db, opts: LoadDemoOptions = {}): Promise<DemoSummary> {
  const t0 = performance.now();
  if (opts.kreis && opts.population !== undefined)
    throw new RangeError('The demo Kreis has fixed municipality sizes; population applies to the city only');
  const seed = opts.seed ?? 1;
  const city = opts.kreis ? generateKreis({ seed }) : generateCity({ seed, population: opts.population });
  const users: readonly (DemoUser & Partial<Pick<ScopedDemoUser, 'scope'>>)[] = opts.kreis
    ? [...DEMO_USERS, ...KREIS_SCOPED_USERS]
    : DEMO_USERS;
  // hashed before the transaction: hashing takes a while and needs no database
  const accounts = await Promise.all(
    users.map(async (u) => {
      const password = opts.knownPasswords ? u.knownPassword : randomPassword();
      const passwordHash = opts.knownPasswords ? u.knownHash : await hashPassword(password);
      return { ...u, password, passwordHash };
    }),
  );
  const summary = await db.transaction(async (tx) => {
    const territory = await areaRepo.ensureTerritory(tx, city.territory);
    const sourceId = await recordSource(tx, {
      kind: 'demo',
      name: `${opts.kreis ? 'Demo-Kreis' : 'Demo-Stadt'} ${city.territory.name} (Seed ${seed})`,
      stichtag: city.dates.at(-1) ?? null,
      details: opts.kreis ? { seed, kreis: true } : { seed, population: opts.population ?? 250000 },
    });
    const levelIds = new Map<string, number>();
    const areaIds = new Map<string, number>(); // 'level|key' → id
    const parentIdOf = (a: DemoArea, parentLevel: string | null) => {
      const on = a.parentLevel ?? parentLevel;
      return a.parentKey && on ? (areaIds.get(`${on}|${a.parentKey}`) ?? null) : null;
    };
    for (const level of [...city.levels].sort((a, b) => a.rank - b.rank)) {
      const row =
        (await areaRepo.findLevel(tx, level.key)) ??
        (await areaRepo.insertLevel(tx, {
          territoryId: territory.id,
          key: level.key,
          name: level.name,
          rank: level.rank,
          parentLevelId: level.parent ? (levelIds.get(level.parent) ?? null) : null,
        }));
      levelIds.set(level.key, row.id);
      const areas = city.areas.filter((a) => a.level === level.key);
      const ids = await areaRepo.insertAreas(
        tx,
        row.id,
        sourceId,
        '1900-01-01',
        prepareAreas(
          areas.map((a) => ({
            key: a.key,
            name: a.name,
            parentId: parentIdOf(a, level.parent),
            geometry: a.geometry,
            areaM2: geodesicAreaM2(a.geometry),
          })),
        ),
      );
      for (const [key, id] of ids) areaIds.set(`${level.key}|${key}`, id);
    }
    const finest = [...city.levels].sort((a, b) => b.rank - a.rank)[0]!.key;
    const variables = [
      ...city.variables,
      {
        key: 'ew_u65',
        name: 'Einwohner unter 65 Jahren',
        unit: 'Personen',
        description: 'ew minus ew_65plus',
      },
    ];
    const varIds = await upsertVariables(tx, variables);
    const observations = [...city.observations, ...derivedObservations(city)];
    const inserted = await appendObservations(
      tx,
      observations.map((o) => ({
        variableId: varIds.get(o.variable)!,
        areaId: areaIds.get(`${finest}|${o.area}`)!,
        date: o.date,
        breakdown: o.breakdown,
        value: o.value,
        status: 'value' as const,
        sourceId,
      })),
    );
    // One statement for all facilities; their first version, in operation since an unknown date.
    await tx.query(
      `INSERT INTO facility (type, key, name, capacity, carrier, lon, lat, address, area_id, properties, source_id)
       SELECT t, k, n, c, tr, x, y, a, ar, p::jsonb, $1
         FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::float8[],
                     $8::float8[], $9::text[], $10::int[], $11::text[]) AS f(t, k, n, c, tr, x, y, a, ar, p)`,
      [
        sourceId,
        city.facilities.map((f) => f.kind),
        city.facilities.map((f) => f.key),
        city.facilities.map((f) => f.name),
        city.facilities.map((f) => f.capacity),
        city.facilities.map((f) => (f.carrier !== undefined ? f.carrier : demoCarrier(f.name))),
        city.facilities.map((f) => f.lon),
        city.facilities.map((f) => f.lat),
        city.facilities.map((f) => f.address),
        city.facilities.map((f) => areaIds.get(`${finest}|${f.area}`) ?? null),
        city.facilities.map((f) => JSON.stringify(f.properties ?? {})),
      ],
    );
    const logins: DemoLogin[] = [];
    for (const u of accounts) {
      if (await findUserForLogin(tx, u.username)) continue;
      await insertAccount(tx, u);
      if (u.scope)
        await tx.query('UPDATE app_user SET scope_level = $2, scope_key = $3 WHERE username = $1', [
          u.username,
          u.scope.level,
          u.scope.key,
        ]);
      logins.push({ username: u.username, password: u.password, role: u.role });
    }
    const population = city.observations
      .filter((o) => o.variable === 'ew' && o.breakdown === '' && o.date === city.dates.at(-1))
      .reduce((s, o) => s + o.value, 0);
    return {
      areas: city.areas.length,
      observations: inserted,
      facilities: city.facilities.length,
      population,
      logins,
    };
  });
  return { ...summary, ms: Math.round(performance.now() - t0) };
}
