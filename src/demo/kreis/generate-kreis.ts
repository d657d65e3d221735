import type { DemoArea, DemoCity } from '../types.ts';
import type { AreaRole, AreaTraits } from '../traits.ts';
import type { Rng } from '../rng.ts';
import { createRng } from '../rng.ts';
import { toGeoJson } from '../projection.ts';
import { targetIndex } from '../simulate.ts';
import { areaSeries } from '../area-series.ts';
import { demoCarrier, generateFacilities } from '../facilities.ts';
import { NamePool, quarterName, streetsByArea } from '../names.ts';
import { DEMO_VARIABLES } from '../variables.ts';
import { DEMO_FIRST_YEAR, DEMO_LAST_YEAR } from '../generate.ts';
import type { LayoutWohnplatz } from './kreis-layout.ts';
import { buildKreisLayout, union } from './kreis-layout.ts';
import { groupSozialraeume } from './kreis-sozialraeume.ts';
import { wohnplatzTraits } from './kreis-traits.ts';
import { VILLAGE_NAMES } from './kreis-names.ts';
import type { MunicipalitySpec } from './municipalities.ts';
import {
  DEMO_KREIS,
  KREIS_LEVELS,
  KREIS_POPULATION,
  MITTELZENTRUM,
  MUNICIPALITIES,
} from './municipalities.ts';

/** SGB-II quote of the Kreis in the first year: below a city's, as in the Bergisch suburbs. */
const KREIS_SGB2_QUOTE_2015 = 0.075;

/**
 * Roles that change the simulation or the name: the Mittelzentrum's centre (`core`), a deprived
 * cluster next to it and a business park of a few hundred inhabitants on its edge
 * (`industrial`, for disclosure control), a declining estate in the largest town, a new housing
 * development at the edge of another, the best-off quarters (`affluent`); in the rural
 * Gemeinden the farthest Wohnplatz is a hamlet.
 */
function assignRoles(wps: readonly LayoutWohnplatz[], traits: AreaTraits[], rng: Rng): Set<number> {
  const ids = [...wps.keys()];
  const free = (i: number) => traits[i]?.role === 'regular';
  const set = (i: number | undefined, role: AreaRole) => {
    const t = i === undefined ? undefined : traits[i];
    if (t) t.role = role;
  };
  const of = (type: string) => ids.filter((i) => wps[i]?.gemeinde.type === type);
  const mz = of('mittelzentrum');
  set(
    mz.find((i) => wps[i]?.key.endsWith('001')),
    'core',
  );
  set(
    mz
      .filter((i) => free(i) && wps[i]?.onBoundary)
      .sort((a, b) => (wps[b]?.r ?? 0) - (wps[a]?.r ?? 0) || a - b)[0],
    'industrial',
  );
  const deprivedSeed = mz.filter((i) => free(i) && (wps[i]?.r ?? 0) > 0.15 && (wps[i]?.r ?? 1) < 0.6)[0];
  const cluster = [
    deprivedSeed,
    ...(wps[deprivedSeed ?? -1]?.neighbours ?? []).filter((j) => mz.includes(j) && free(j)),
  ].slice(0, 3);
  for (const i of cluster) {
    set(i, 'deprived');
    (traits[i ?? -1] as AreaTraits).dep += 1.4;
  }
  // Gentrification: two poorer quarters close to the Mittelzentrum's centre improve year by year.
  const improving = mz
    .filter((i) => free(i) && (wps[i]?.r ?? 1) < 0.5)
    .sort((a, b) => (traits[b]?.dep ?? 0) - (traits[a]?.dep ?? 0) || a - b)
    .slice(0, 2);
  for (const i of improving) (traits[i] as AreaTraits).depTrend = -rng.range(0.12, 0.16);

  const towns = MUNICIPALITIES.filter((m) => m.type === 'stadt').sort((a, b) => b.population - a.population);
  const inTown = (m: MunicipalitySpec | undefined) =>
    ids.filter((i) => wps[i]?.gemeinde.key === m?.key && free(i) && !wps[i]?.key.endsWith('001'));
  const estate = inTown(towns[0]).sort(
    (a, b) => Math.abs((wps[a]?.r ?? 0) - 0.6) - Math.abs((wps[b]?.r ?? 0) - 0.6) || a - b,
  )[0];
  set(estate, 'estate');
  if (estate !== undefined) {
    (traits[estate] as AreaTraits).dep += 1.2;
    (traits[estate] as AreaTraits).depTrend = rng.range(0.08, 0.1);
  }
  set(inTown(towns[1]).sort((a, b) => (wps[b]?.r ?? 0) - (wps[a]?.r ?? 0) || a - b)[0], 'newDevelopment');
  for (const i of mz
    .filter(free)
    .sort((a, b) => (traits[a]?.dep ?? 0) - (traits[b]?.dep ?? 0) || a - b)
    .slice(0, 2))
    set(i, 'affluent');

  const hamlets = new Set<number>();
  for (const m of MUNICIPALITIES.filter((x) => x.type === 'land')) {
    const last = ids
      .filter((i) => wps[i]?.gemeinde.key === m.key && free(i))
      .sort((a, b) => (wps[b]?.r ?? 0) - (wps[a]?.r ?? 0) || a - b)[0];
    if (last !== undefined) hamlets.add(last);
  }
  return hamlets;
}

/**
 * Sizes at the first Stichtag that sum to `total`: weights clamped between a floor and a ceiling,
 * scaled by bisection (the sum rises monotonically with the scale).
 */
function distribute(total: number, weights: number[], lo: number, hi: number): number[] {
  const at = (k: number) => weights.map((w) => Math.min(hi, Math.max(lo, k * w)));
  const sum = (k: number) => at(k).reduce((a, b) => a + b, 0);
  let a = 0;
  let b = 1;
  while (sum(b) < total && b < 1e12) b *= 2;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (a + b) / 2;
    if (sum(mid) < total) a = mid;
    else b = mid;
  }
  return at((a + b) / 2);
}

/** Inhabitants of every Wohnplatz at the first Stichtag: each Gemeinde meets its own target. */
function wohnplatzSizes(
  wps: readonly LayoutWohnplatz[],
  traits: AreaTraits[],
  hamlets: Set<number>,
  rng: Rng,
): number[] {
  const sizes = wps.map(() => 0);
  const centreBoost = { mittelzentrum: 1.3, stadt: 1.8, land: 2.6 };
  const decay = { mittelzentrum: 0.6, stadt: 1.0, land: 1.6 };
  for (const m of MUNICIPALITIES) {
    const idx = [...wps.keys()].filter((i) => wps[i]?.gemeinde.key === m.key);
    let rest = m.population * targetIndex(DEMO_FIRST_YEAR);
    const regular: number[] = [];
    for (const i of idx) {
      if (hamlets.has(i) || traits[i]?.role === 'industrial') {
        sizes[i] = rng.range(110, 240);
        rest -= sizes[i];
      } else regular.push(i);
    }
    const weights = regular.map((i) => {
      const w = wps[i] as LayoutWohnplatz;
      const boost = w.key.endsWith('001')
        ? centreBoost[m.type]
        : traits[i]?.role === 'newDevelopment'
          ? 0.25
          : 1;
      return boost * Math.exp(-decay[m.type] * w.r + rng.normal(0, 0.35));
    });
    const hi = Math.max(8500, (1.5 * rest) / Math.max(1, regular.length));
    distribute(rest, weights, 350, hi).forEach((s, k) => (sizes[regular[k] ?? -1] = s));
  }
  return sizes;
}

/** Names: the centre after its Gemeinde, town quarters from the city's pool, villages elsewhere. */
function wohnplatzNames(wps: readonly LayoutWohnplatz[], traits: AreaTraits[], rng: Rng): string[] {
  const pool = new NamePool(rng);
  pool.reserve(MUNICIPALITIES.map((m) => m.name));
  return wps.map((w, i) => {
    const role = traits[i]?.role ?? 'regular';
    if (w.key.endsWith('001'))
      return w.gemeinde.type === 'land' ? `${w.gemeinde.name} (Ortskern)` : `${w.gemeinde.name}-Mitte`;
    if (role !== 'regular' && role !== 'core') return quarterName(pool, role, false);
    if (w.gemeinde.type !== 'land' && w.r < 0.45) return quarterName(pool, 'regular', w.r < 0.2);
    return pool.take(VILLAGE_NAMES);
  });
}

/** Options of {@link generateKreis}. */
export interface GenerateKreisOptions {
  /** Any safe integer; the same seed always gives the same Kreis. */
  seed: number;
}

/**
 * Generate the demo Kreis "Musterkreis" after the Rheinisch-Bergischer Kreis: eight
 * municipalities (a Mittelzentrum, four towns, three rural Gemeinden; about 280,000 inhabitants)
 * of about 85 Wohnplätze, the Mittelzentrum's grouped in Sozialräume (a ragged hierarchy: Kreis →
 * Gemeinde → Wohnplatz, in the Mittelzentrum Gemeinde → Sozialraum → Wohnplatz), with the same variables, Stichtage and kinds of facilities as the demo
 * city, counts on the Wohnplatz level only. Deterministic per seed (`JSON.stringify`).
 * @example
 * const kreis = generateKreis({ seed: 1 });
 * kreis.areas.filter((a) => a.level === 'gemeinde').length; // 8
 */
export function generateKreis(opts: GenerateKreisOptions): DemoCity {
  const rng = createRng(opts.seed);
  const layout = buildKreisLayout(rng.fork('layout'));
  const wps = layout.wohnplaetze;
  const traits = wohnplatzTraits(
    wps.map((w) => ({ type: w.gemeinde.type, r: w.r })),
    rng.fork('traits'),
  );
  const hamlets = assignRoles(wps, traits, rng.fork('roles'));
  const names = wohnplatzNames(wps, traits, rng.fork('names'));

  const years = Array.from({ length: DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1 }, (_, i) => DEMO_FIRST_YEAR + i);
  const popRng = rng.fork('population');
  const { observations, latest } = areaSeries(
    wps.map((w, i) => ({ key: w.key, traits: traits[i] as AreaTraits })),
    {
      sizes: wohnplatzSizes(wps, traits, hamlets, popRng.fork('sizes')),
      population: KREIS_POPULATION,
      years,
      populationRng: popRng,
      socialRng: rng.fork('social'),
      sgb2Quote: KREIS_SGB2_QUOTE_2015,
    },
  );

  // The Mittelzentrum plans in Sozialräume between Gemeinde and Wohnplatz; the others do not.
  const mz = layout.gemeinden.find((g) => g.spec.key === MITTELZENTRUM.key)!;
  const sozialraeume = groupSozialraeume(mz, wps);
  const sozialraumOf = new Map(sozialraeume.flatMap((s) => s.wohnplaetze.map((k) => [k, s.key] as const)));
  const utmOf = new Map(wps.map((w) => [w.key, w.utm]));
  const areas: DemoArea[] = [
    {
      level: KREIS_LEVELS.kreis,
      key: DEMO_KREIS.key,
      name: DEMO_KREIS.name,
      parentKey: null,
      geometry: toGeoJson(layout.kreis),
    },
    ...layout.gemeinden.map((g) => ({
      level: KREIS_LEVELS.gemeinde,
      key: g.spec.key,
      name: g.spec.name,
      parentKey: DEMO_KREIS.key,
      geometry: toGeoJson(g.utm),
    })),
    ...sozialraeume.map((s) => ({
      level: KREIS_LEVELS.sozialraum,
      key: s.key,
      name: s.name,
      parentKey: MITTELZENTRUM.key,
      geometry: toGeoJson(union(s.wohnplaetze.map((k) => utmOf.get(k)!))),
    })),
    ...wps.map((w, i): DemoArea => {
      const sozialraum = sozialraumOf.get(w.key);
      return {
        level: KREIS_LEVELS.wohnplatz,
        key: w.key,
        name: names[i] ?? w.key,
        ...(sozialraum
          ? { parentKey: sozialraum, parentLevel: KREIS_LEVELS.sozialraum }
          : { parentKey: w.gemeinde.key }),
        geometry: toGeoJson(w.utm),
      };
    }),
  ];
  const geometry = new Map(areas.map((a) => [`${a.level}|${a.key}`, a.geometry]));
  const facilityRng = rng.fork('facilities');
  const streets = streetsByArea(wps.length, 3, facilityRng.fork('streets'));
  const facilities = generateFacilities(
    wps.map((w, i) => ({
      key: w.key,
      name: names[i] ?? w.key,
      utm: w.utm,
      geometry: geometry.get(`${KREIS_LEVELS.wohnplatz}|${w.key}`) ?? toGeoJson(w.utm),
      totals: latest[i] ?? {},
      streets: streets[i] ?? [],
      place: w.gemeinde.name,
    })),
    KREIS_POPULATION,
    facilityRng,
  );
  const gemeindeOf = new Map(wps.map((w) => [w.key, w.gemeinde]));
  for (const f of facilities) {
    const g = gemeindeOf.get(f.area);
    if (!g) continue;
    const town = `${g.type === 'land' ? 'Gemeinde' : 'Stadt'} ${g.name}`;
    if (g.type === 'land') f.name = f.name.replace(/^Städtische Kita /, 'Gemeindliche Kita ');
    f.carrier = /^Gemeindliche /.test(f.name) ? town : demoCarrier(f.name, { town, region: DEMO_KREIS.name });
  }

  return {
    territory: { ...DEMO_KREIS },
    levels: [
      { key: KREIS_LEVELS.kreis, name: 'Kreis', rank: 0, parent: null },
      { key: KREIS_LEVELS.gemeinde, name: 'Gemeinde', rank: 1, parent: KREIS_LEVELS.kreis },
      // covers the Mittelzentrum only: a level of one Gemeinde, not of the Kreis
      { key: KREIS_LEVELS.sozialraum, name: 'Sozialraum', rank: 2, parent: KREIS_LEVELS.gemeinde },
      { key: KREIS_LEVELS.wohnplatz, name: 'Wohnplatz', rank: 3, parent: KREIS_LEVELS.gemeinde },
    ],
    areas,
    variables: DEMO_VARIABLES.map((v) => ({ ...v })),
    dates: years.map((y) => `${y}-12-31`),
    observations,
    facilities,
  };
}
