/**
 * The computation behind a statement on a land-use plan (docs/methods.md §7): the profile gives
 * the expected residents by age per year, every norm whose demand is an age group their
 * additional need, and the coverage service the Bestand of the affected areas, to which the need
 * of the peak year is added. Norms are read as they are stored, by key and facility type, so any
 * set of Kita norms a city keeps is used as it is.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { areaGeometries, finestCurrentLevel, listAllAreas, listLevels } from '../areas/area.repository.ts';
import { requireLevel } from '../areas/area.service.ts';
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError } from '../core/errors.ts';
import { computeCoverage } from '../coverage/coverage.service.ts';
import type { Norm } from '../coverage/norm.schema.ts';
import { listNorms } from '../coverage/norm.service.ts';
import type { Db } from '../db/db.ts';
import { today } from '../facilities/facility.service.ts';
import { currentDate } from '../observations/observation.repository.ts';
import { statementMessages } from './messages.ts';
import { coverageAfter, deriveDemand, needSeries } from './need.ts';
import { careAssumptions } from '../care/care-assumptions.service.ts';
import { bandVariable } from '../care/care-plan.service.ts';
import { AGE_BANDS } from './occupancy.schema.ts';
import { requireProfile } from './occupancy.service.ts';
import { DEFAULT_PROFILE_KEY } from './occupancy.defaults.ts';
import { planOverlap } from './overlap.ts';
import {
  expectedResidents,
  REPORTED_GROUPS,
  reportedGroups,
  statementYears,
  type DwellingPhase,
} from './residents.ts';
import type { Need, NeedTopic, StatementResult } from './statement.schema.ts';

/** What a statement is computed from (a stored statement, or one made up in the CLI). */
export interface StatementInput {
  id: number | null;
  name: string;
  planNumber: string;
  geometry: Polygon | MultiPolygon;
  areaM2: number;
  crs: string;
  dwellings: DwellingPhase[];
  profile?: string | null;
  level?: string | null;
  notes: string;
}

const TOPICS: Record<string, NeedTopic> = {
  kita: 'kita',
  kindertagespflege: 'kita',
  grundschule: 'schule',
  ogs: 'schule',
  spielplatz: 'spielplatz',
  pflegeheim: 'pflege',
  tagespflege: 'pflege',
  ambulanter_dienst: 'pflege',
};
const TOPIC_ORDER: NeedTopic[] = ['kita', 'schule', 'spielplatz', 'pflege', 'sonstige'];
export const SCHOOL_RULE_KEY = 'grundschule_schulpflicht';
/** Key of the care need from the care rates, where no norm for care facilities exists. */
export const CARE_RULE_KEY = 'pflegeheim_pflegequoten';

const topicOf = (facilityType: string): NeedTopic => TOPICS[facilityType] ?? 'sonstige';

/**
 * Checks the dwellings against the profile's types.
 * @throws statements.unknown_dwelling_type (400)
 */
export function checkDwellings(
  dwellings: readonly DwellingPhase[],
  profile: { key: string; types: readonly { key: string }[] },
) {
  const known = profile.types.map((t) => t.key);
  for (const d of dwellings)
    if (!known.includes(d.type))
      throw badRequest(
        'statements.unknown_dwelling_type',
        statementMessages.unknownDwellingType(d.type, profile.key, known),
        { type: d.type, profile: profile.key },
      );
}

/** For each area of `level` on the statement's level: the key of its ancestor on `ancestorLevel`. */
async function ancestors(db: Db, level: string, ancestorLevel: string): Promise<Map<string, string>> {
  const tree = await listAllAreas(db);
  const byId = new Map(tree.map((a) => [a.id, a]));
  const out = new Map<string, string>();
  for (const a of tree) {
    if (a.level !== level) continue;
    for (let cur = byId.get(a.parent_id ?? -1); cur; cur = byId.get(cur.parent_id ?? -1))
      if (cur.level === ancestorLevel) {
        out.set(a.key, cur.key);
        break;
      }
  }
  return out;
}

/** The Bestand of a norm on the affected areas and the same with the peak need added. */
async function coverageOf(
  db: Db,
  user: User,
  norm: Norm,
  level: string,
  shares: Map<string, number>,
  peakNeed: number,
  levelNames: ReadonlyMap<string, string>,
): Promise<{ coverage: Need['coverage']; notes: string[] }> {
  const notes: string[] = [];
  let rows;
  try {
    rows = (await computeCoverage(db, user, { norm: norm.key, level })).rows;
  } catch (e) {
    if (e instanceof LagebildError && e.status < 500)
      return { coverage: null, notes: [statementMessages.coverageUnavailable(e.message)] };
    throw e;
  }
  const affected = rows.filter((r) => shares.has(r.area));
  const c = norm.catchment;
  let groups: Map<string, string> | undefined;
  if (c.kind === 'district') {
    groups = await ancestors(db, level, c.level);
    notes.push(statementMessages.districtShared(levelNames.get(c.level) ?? c.level));
  }
  if (c.kind === 'distance' || c.kind === 'fca') notes.push(statementMessages.reachApproximation());
  const after = coverageAfter(affected, shares, peakNeed, groups);
  return { coverage: { catchment: c, rows: after.rows, total: after.total }, notes };
}

/**
 * Computes a statement as `user` sees the data (planners: unprotected; statements are internal),
 * with the norms and the profile valid on `options.date` (default today).
 * @throws statements.unknown_profile, statements.unknown_dwelling_type, areas.unknown_level,
 *   statements.plan_outside (400) when the plan area lies in no area of the level
 */
export async function computeStatement(
  db: Db,
  user: User,
  input: StatementInput,
  options: { date?: string } = {},
): Promise<StatementResult> {
  const day = options.date ?? today();
  const profile = await requireProfile(db, input.profile ?? DEFAULT_PROFILE_KEY, day);
  checkDwellings(input.dwellings, profile);
  const maxYears = Math.max(...profile.types.map((t) => t.persons.length));
  const years = statementYears(input.dwellings, Math.max(10, maxYears));
  const types = new Map(profile.types.map((t) => [t.key, t]));
  const residents = expectedResidents(types, input.dwellings, years);
  const notes: string[] = [];

  const levelKey = input.level ?? (await finestCurrentLevel(db))?.key;
  if (!levelKey) throw badRequest('statements.no_areas', statementMessages.noLevel());
  await requireLevel(db, levelKey);
  const levelNames = new Map((await listLevels(db)).map((l) => [l.key, l.name]));
  const levelName = levelNames.get(levelKey) ?? levelKey;
  const overlap = planOverlap(input.geometry, await areaGeometries(db, levelKey, 'full'));
  if (!overlap.areas.length)
    throw badRequest('statements.plan_outside', statementMessages.planOutside(levelKey), { level: levelKey });
  if (overlap.outsideM2 > 0.005 * overlap.planM2)
    notes.push(statementMessages.planPartlyOutside(overlap.outsideM2 / overlap.planM2));
  if (input.areaM2 > 10e6) notes.push(statementMessages.planLarge(input.areaM2 / 1e6));
  const shares = new Map(overlap.areas.map((a) => [a.key, a.share]));

  const needs: Need[] = [];
  const skipped: StatementResult['skipped'] = [];
  for (const norm of await listNorms(db, user, day)) {
    if (norm.catchment.kind === 'walking') {
      skipped.push({ key: norm.key, name: norm.name, reason: statementMessages.walking() });
      continue;
    }
    const d = deriveDemand(norm.demand);
    if (!d.ok) {
      skipped.push({ key: norm.key, name: norm.name, reason: statementMessages.notDerivable(d.variable) });
      continue;
    }
    // norms may weight their demand variables; read tolerantly, older norms have no weights
    const weights = (norm as Norm & { weights?: readonly number[] }).weights ?? norm.demand.map(() => 1);
    const series = needSeries(residents, d.ranges, norm.factor, weights);
    const { coverage, notes: cNotes } = await coverageOf(
      db,
      user,
      norm,
      levelKey,
      shares,
      series.peak.need,
      levelNames,
    );
    needs.push({
      key: norm.key,
      name: norm.name,
      topic: topicOf(norm.facilityType),
      facilityType: norm.facilityType,
      capacityUnit: norm.capacityUnit,
      demand: norm.demand,
      weights: [...weights],
      factor: norm.factor,
      source: norm.source,
      norm: true,
      ...series,
      coverage,
      notes: [...(d.interpolated ? [statementMessages.interpolated()] : []), ...cNotes],
    });
  }
  if (!needs.some((n) => n.topic === 'schule')) {
    const series = needSeries(residents, [{ from: 6, to: 10 }], 1);
    needs.push({
      key: SCHOOL_RULE_KEY,
      name: 'Grundschulplätze (Schulpflicht)',
      topic: 'schule',
      facilityType: 'grundschule',
      capacityUnit: 'Plätze',
      demand: ['ew_6_9'],
      weights: [1],
      factor: 1,
      source: statementMessages.schoolSource(),
      norm: false,
      ...series,
      coverage: null,
      notes: [statementMessages.schoolDefault()],
    });
  }
  if (!needs.some((n) => n.topic === 'pflege')) {
    // Without a care norm, the care rates give the residents' need of Pflegeheim places:
    // Σ residents of each rate band × rate × share in homes / occupancy (docs/methods.md §7).
    const a = await careAssumptions(db);
    const weights = a.bands.map((b) => (b.rate * a.shares.stationaer) / a.occupancy.stationaer);
    const ranges = a.bands.map((b) => ({ from: b.from, to: b.to }));
    needs.push({
      key: CARE_RULE_KEY,
      name: 'Pflegeheimplätze (Pflegequoten)',
      topic: 'pflege',
      facilityType: 'pflegeheim',
      capacityUnit: 'Plätze',
      demand: a.bands.map(bandVariable),
      weights,
      factor: 1,
      source: a.source,
      norm: false,
      ...needSeries(residents, ranges, 1, weights),
      coverage: null,
      notes: [statementMessages.careDefault(a.name)],
    });
  }
  needs.sort(
    (a, b) =>
      TOPIC_ORDER.indexOf(a.topic) - TOPIC_ORDER.indexOf(b.topic) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const careNorms = needs.filter((n) => n.topic === 'pflege');
  return {
    statement: {
      id: input.id,
      name: input.name,
      planNumber: input.planNumber,
      planArea: input.geometry,
      areaM2: input.areaM2,
      crs: input.crs,
      dwellings: input.dwellings,
      notes: input.notes,
    },
    computedOn: day,
    populationDate: await currentDate(db),
    profile: {
      key: profile.key,
      name: profile.name,
      source: profile.source,
      validFrom: profile.validFrom,
      types: profile.types.map((t) => ({
        key: t.key,
        name: t.name,
        persons: t.persons,
        ageShares: t.ageShares,
        source: t.source,
      })),
    },
    ageBands: AGE_BANDS.map((b) => ({ key: b.key, name: b.name })),
    residents: residents.map((r) => ({ year: r.year, bands: r.bands, groups: reportedGroups(r.bands) })),
    groups: REPORTED_GROUPS.map((g) => ({ key: g.key, name: g.name })),
    level: levelKey,
    levelName,
    areas: overlap.areas,
    needs,
    skipped,
    care: careNorms.length
      ? { computed: true, note: statementMessages.careComputed(careNorms.map((n) => n.name)) }
      : { computed: false, note: statementMessages.careNotComputed() },
    notes,
  };
}
