/**
 * Import of statistics tables: validate the whole file first (report with file, row, column and
 * problem in German), then store it in one transaction as the current version of each
 * (variable, Stichtag), keeping what it replaces in history. Import profiles save a mapping.
 */
import { basename } from 'node:path';
import { LagebildError, notFound } from '../core/errors.ts';
import { fileHash, recordSource } from '../db/provenance.ts';
import { getTerritory, listAreas, listLevels } from '../areas/area.repository.ts';
import { lockImportSlices } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { listIndicators } from '../indicators/indicator.repository.ts';
import { numeratorIsPart } from '../indicators/part-of.ts';
import { appendObservations } from '../observations/observation.repository.ts';
import { prepareStore, replaceSlices, toRows } from '../observations/store-counts.ts';
import { refreshSums } from '../observations/variable.service.ts';
import {
  assertImportable,
  checkNumeratorDenominator,
  readTable,
  streamTable,
  type CityInfo,
  type ImportProfile,
  type OtherArea,
  type TableInput,
  type TableReadResult,
  type TableRecord,
} from './table/index.ts';

export interface TableImportOptions {
  /** Level of the area keys; default the profile's level. */
  level?: string;
  date?: string;
  profile?: string;
  mapping?: ImportProfile;
  userId?: number | null;
  /** Validate only (preview in the web app). */
  dryRun?: boolean;
  /**
   * A scoped planner's areas (auth/scope.ts): a row of another municipality's area is refused
   * with its row, and only their slice of the level is replaced.
   */
  scope?: { areaIds: ReadonlySet<number>; label: string };
}

export interface TableImportResult {
  report: TableReadResult;
  committed: boolean;
  sourceId: number | null;
  stored: number;
  replaced: number;
}

/**
 * Key of a count series from a column header or a mapped key: lower case, umlauts spelled out,
 * anything else non-alphanumeric as `_`. Keys that are already keys (`ew_u18`) stay as they are.
 * @example variableKey('Kinder unter 3') // 'kinder_unter_3'
 */
export function variableKey(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' ? 'merkmal' : /^[0-9]/.test(key) ? `m_${key}` : key;
}

export async function getProfile(
  db: Db,
  name: string,
): Promise<{ level: string | null; mapping: ImportProfile }> {
  const [row] = await db.query<{ level_key: string | null; mapping: ImportProfile }>(
    'SELECT level_key, mapping FROM import_profile WHERE name = $1',
    [name],
  );
  if (!row) throw notFound('import.unknown_profile', `Das Importprofil „${name}“ gibt es nicht.`);
  return { level: row.level_key, mapping: row.mapping };
}

export async function saveProfile(
  db: Db,
  name: string,
  level: string | null,
  mapping: ImportProfile,
  userId: number | null,
) {
  await db.query(
    `INSERT INTO import_profile (name, level_key, mapping, created_by) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (name) DO UPDATE SET level_key = excluded.level_key, mapping = excluded.mapping, updated_at = now()`,
    [name, level, JSON.stringify(mapping), userId],
  );
}

export async function listProfiles(db: Db) {
  return db.query<{ name: string; level: string | null; mapping: ImportProfile }>(
    'SELECT name, level_key AS level, mapping FROM import_profile ORDER BY name',
  );
}

/**
 * Numerator above denominator (e.g. SGB II under 15 above all under 15) for the catalogue's pairs
 * whose numerator is a part of the denominator — not for quotients such as the Altenquotient.
 */
async function plausibility(
  db: Db,
  input: TableInput,
  opts: Parameters<typeof readTable>[1],
  report: TableReadResult,
) {
  const present = new Set(report.variables.map((v) => v.key));
  const pairs = (await listIndicators(db, false))
    .filter((i) => numeratorIsPart(i))
    .filter((i) => present.has(i.numerator) && present.has(i.denominator!))
    .map((i) => ({ numerator: i.numerator, denominator: i.denominator! }));
  if (!pairs.length || report.stats.records > 500_000) return [];
  const records: TableRecord[] = [];
  await readTable(input, { ...opts, onRecords: (rs) => void records.push(...rs) });
  return checkNumeratorDenominator(records, pairs, report.file);
}

/**
 * What the reader needs to tell rows of other levels from those of `level`: the areas of every
 * other level with the keys of `level` inside them, the city's key and name, the level's German
 * name and its Gebietsstand. Delivered totals of those areas are checked, never stored: values of
 * larger areas are computed from the counts of their parts, so a file of Stadtteile cannot put a
 * second, differing number beside the computed one of its Stadtbezirk. To store values of the
 * Stadtbezirke themselves, import the file again with that level.
 */
async function levelContext(db: Db, level: string, levelRows: Awaited<ReturnType<typeof listAreas>>) {
  const levels = await listLevels(db);
  const others = levels.filter((l) => l.key !== level);
  const byLevel = await Promise.all(others.map((l) => listAreas(db, l.key)));
  const parentOf = new Map<number, number | null>();
  for (const rows of [levelRows, ...byLevel]) for (const a of rows) parentOf.set(a.id, a.parent_id);
  const children = new Map<number, string[]>();
  for (const a of levelRows) {
    const seen = new Set<number>();
    for (let p = a.parent_id; p !== null && p !== undefined && !seen.has(p); p = parentOf.get(p) ?? null) {
      seen.add(p);
      const list = children.get(p) ?? [];
      list.push(a.key);
      children.set(p, list);
    }
  }
  const otherAreas: OtherArea[] = others.flatMap((l, i) =>
    byLevel[i]!.map((a) => ({
      key: a.key,
      name: a.name,
      levelName: l.name,
      children: children.get(a.id) ?? [],
    })),
  );
  const territory = await getTerritory(db);
  const city: CityInfo = {
    keys: territory && /^\d+$/.test(territory.key) ? [territory.key] : [],
    names: territory ? [territory.name] : [],
  };
  const [since] = await db.query<{ from: string | null }>(
    `SELECT to_char(max(a.valid_from), 'YYYY-MM-DD') AS "from" FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE l.key = $1 AND a.valid_to IS NULL AND a.valid_from > DATE '1900-01-01'`,
    [level],
  );
  return {
    otherAreas,
    city,
    levelName: levels.find((l) => l.key === level)?.name,
    gebietsstand: since?.from ?? undefined,
  };
}

export async function importTable(
  db: Db,
  input: TableInput,
  opts: TableImportOptions,
): Promise<TableImportResult> {
  const profile = opts.profile ? await getProfile(db, opts.profile) : null;
  const level = opts.level ?? profile?.level;
  const allRows = level ? await listAreas(db, level) : [];
  if (!level || !allRows.length)
    throw notFound('areas.unknown_level', `Die Ebene „${level}“ gibt es nicht oder sie hat keine Gebiete.`);
  const scope = opts.scope;
  const levelRows = allRows;
  if (scope && !allRows.some((r) => scope.areaIds.has(r.id)))
    throw new LagebildError(
      'auth.outside_scope',
      `Auf der Ebene „${level}“ liegt kein Gebiet in Ihrer Zuständigkeit (${scope?.label ?? ''}).`,
      403,
    );
  const readOpts = {
    ...(await levelContext(db, level, levelRows)),
    knownKeys: levelRows.map((r) => r.key),
    mapping: opts.mapping ?? profile?.mapping,
    date: opts.date,
    ...(scope && {
      refused: {
        keys: new Set(allRows.filter((r) => !scope.areaIds.has(r.id)).map((r) => r.key)),
        message: (file: string, line: number, column: string, key: string) =>
          `„${file}“, Zeile ${line}, Spalte „${column}“: Das Gebiet „${key}“ liegt außerhalb Ihrer Zuständigkeit (${scope.label}); es kann nur von dort oder vom Kreis importiert werden.`,
      },
    }),
  };
  const report = await readTable(input, readOpts);
  const implausible = report.ok ? await plausibility(db, input, readOpts, report) : [];
  if (implausible.length) {
    report.problems.unshift(...implausible);
    report.ok = false;
  }
  if (opts.dryRun || !report.ok) {
    if (!opts.dryRun) assertImportable(report);
    return { report, committed: false, sourceId: null, stored: 0, replaced: 0 };
  }
  const fileName = 'path' in input ? basename(input.path) : input.name;
  const hash = await fileHash(input);
  return db.transaction(async (tx) => {
    await lockImportSlices(tx, level, report.dates);
    const sourceId = await recordSource(tx, {
      kind: 'table',
      name: fileName,
      fileName,
      fileHash: hash,
      stichtag: report.dates.at(-1) ?? null,
      importedBy: opts.userId ?? null,
      details: {
        level,
        shape: report.shape,
        variables: report.variables.map((v) => v.key),
        profile: opts.profile ?? null,
      },
    });
    const keys = new Map<string, string>();
    const keyOf = (header: string) => {
      let key = keys.get(header);
      if (key === undefined) keys.set(header, (key = variableKey(header)));
      return key;
    };
    // Headers become keys (`Einwohner insgesamt` → `einwohner_insgesamt`) and stay the German name.
    const names = Object.fromEntries(report.variables.map((v) => [variableKey(v.key), v.label ?? v.key]));
    const ids = await prepareStore(
      tx,
      { levelKey: level, fileName, variableNames: names },
      report.variables.map((v) => variableKey(v.key)),
    );
    // a scoped planner's delivery is the slice of their own areas, not the whole level's
    const sliceIds = [...ids.areaIds.values()].filter((id) => !scope || scope.areaIds.has(id));
    const replaced = await replaceSlices(tx, sourceId, [...ids.varIds.values()], report.dates, sliceIds);
    // The reader hands out batches of 1,000; both engines load far faster in few large batches.
    let stored = 0;
    let pending: ReturnType<typeof toRows> = [];
    const flush = async () => {
      await appendObservations(tx, pending);
      stored += pending.length;
      pending = [];
    };
    const stream = streamTable(input, readOpts);
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      const records = next.value.map((r) => ({ ...r, variable: keyOf(r.variable) }));
      pending.push(...toRows(records, ids, { levelKey: level, sourceId, fileName }));
      if (pending.length >= 100_000) await flush();
    }
    await flush();
    if (stored !== report.stats.records)
      throw new LagebildError(
        'import.changed_during_import',
        `${fileName}: Die Datei hat sich während des Imports geändert.`,
        409,
      );
    // sums defined on the imported columns (ew_65plus = 65–74 + 75–79 + 80+) follow them
    await refreshSums(tx, [...ids.varIds.keys()], report.dates);
    return { report, committed: true, sourceId, stored, replaced };
  });
}
