/**
 * Preview of an area upload: everything the import would do, without writing, and every problem
 * listed instead of the first one thrown.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { LagebildError } from '../../core/errors.ts';
import type { Crs } from '../../geo/crs.ts';
import { simplifyForDisplay } from '../../geo/display.ts';
import { geodesicAreaM2 } from '../../geo/ellipsoid-area.ts';
import { rewindRfc7946 } from '../../geo/rewind.ts';
import { checkGeometry } from '../../geo/validity.ts';
import type { NamedFile, ReadAreaOptions, SourceRecord, SourceTable } from '../readers/area-file.ts';
import { chooseCrs, toWgs84 } from '../readers/build-areas.ts';
import { chooseFields, type FieldChoice } from '../readers/fields.ts';
import { readerMessages } from '../readers/messages.ts';
import { readSourceTable } from '../readers/read-area-files.ts';
import type { AreaPreview, PreviewProblem } from './preview.schema.ts';

const PARENT_NAME = /^(bez|bezirk|stb|stadtbezirk|parent|ober|gemeinde|kreis)|_bez$|bez_?(id|nr)$/i;
const MAX_PROBLEMS = 200;

/**
 * Reads uploaded area files as the import would and reports what it finds.
 *
 * @returns fields with samples, guessed and used fields, the CRS, problems in German (each with
 *   record, key and, for self-intersections, the place) and the readable areas as display GeoJSON
 * @throws nothing for content problems; file-level problems become the only problem
 */
export function previewAreaFiles(files: readonly NamedFile[], opts: ReadAreaOptions = {}): AreaPreview {
  const problems: PreviewProblem[] = [];
  let table: SourceTable;
  let fileName = files[0]?.name ?? '';
  try {
    const read = readSourceTable(files);
    table = read.table;
    fileName = read.main.name;
  } catch (e) {
    problems.push(problemOf(e));
    return empty(fileName, problems);
  }
  const { records } = table;
  // a failed guess only matters when the user has not chosen a key field
  const guessProblems: PreviewProblem[] = [];
  const suggested = attempt(
    () => withParent(chooseFields(table.fileName, table.fields, records, {}), table),
    guessProblems,
  );
  const chosen =
    opts.idField || opts.nameField || opts.parentField
      ? attempt(
          () =>
            chooseFields(table.fileName, table.fields, records, {
              ...opts,
              idField: opts.idField || suggested?.idField,
            }),
          problems,
        )
      : suggested;
  if (!opts.idField) problems.push(...guessProblems);
  const crs = attempt(() => chooseCrs(table, opts), problems);
  const keys = chosen ? keyProblems(table, chosen.idField, problems) : new Map<SourceRecord, string>();

  const features: Feature<
    Polygon | MultiPolygon,
    AreaPreview['geojson']['features'][number]['properties']
  >[] = [];
  if (crs) {
    for (const r of records) {
      const key = keys.get(r) ?? (chosen && r.texts[chosen.idField]) ?? `#${r.record}`;
      const geometry = readGeometry(table.fileName, r, key, crs, problems);
      if (!geometry) continue;
      features.push({
        type: 'Feature',
        properties: {
          record: r.record,
          key,
          name: (chosen?.nameField && r.texts[chosen.nameField]) || key,
          parent: (chosen?.parentField && r.texts[chosen.parentField]) || null,
          problem: problems.some((p) => p.record === r.record),
        },
        geometry,
      });
    }
  }
  const areaM2 = features.reduce((sum, f) => sum + geodesicAreaM2(f.geometry), 0);
  const display = features.length ? simplifyForDisplay(features) : [];
  return {
    fileName,
    crs: crs?.label ?? null,
    featureCount: records.length,
    fields: table.fields.map((name) => fieldSummary(name, records)),
    suggested: nullable(suggested),
    chosen: nullable(chosen),
    problems: problems.slice(0, MAX_PROBLEMS),
    areaM2,
    geojson: {
      type: 'FeatureCollection',
      features: features.map((f, i) => ({
        type: 'Feature' as const,
        properties: f.properties,
        geometry: display[i]!.geometry,
      })),
    },
  };
}

/** A parent field is only suggested: a field other than key and name whose values start the keys. */
function withParent(choice: FieldChoice, table: SourceTable): FieldChoice {
  const keyOf = (r: SourceRecord) => r.texts[choice.idField] ?? '';
  const candidates = table.fields.filter((f) => f !== choice.idField && f !== choice.nameField);
  const prefixField = candidates.find((f) => {
    const values = new Set<string>();
    for (const r of table.records) {
      const v = r.texts[f];
      if (!v || v.length >= keyOf(r).length || !keyOf(r).startsWith(v)) return false;
      values.add(v);
    }
    return values.size > 1 && values.size < table.records.length;
  });
  return { ...choice, parentField: prefixField ?? candidates.find((f) => PARENT_NAME.test(f)) ?? null };
}

function keyProblems(
  table: SourceTable,
  idField: string,
  problems: PreviewProblem[],
): Map<SourceRecord, string> {
  const first = new Map<string, number>();
  const keys = new Map<SourceRecord, string>();
  for (const r of table.records) {
    const key = r.texts[idField];
    if (!key) {
      problems.push(
        problem('import.empty_key', readerMessages.emptyKey(table.fileName, r.record, idField), r.record),
      );
      continue;
    }
    const seen = first.get(key);
    if (seen !== undefined)
      problems.push(
        problem(
          'import.duplicate_key',
          readerMessages.duplicateKey(table.fileName, seen, r.record, key, idField),
          r.record,
          key,
        ),
      );
    else first.set(key, r.record);
    keys.set(r, key);
  }
  return keys;
}

function readGeometry(
  fileName: string,
  r: SourceRecord,
  key: string,
  crs: Crs,
  problems: PreviewProblem[],
): Polygon | MultiPolygon | null {
  if (!r.geometry) {
    problems.push(
      problem('import.empty_geometry', readerMessages.nullGeometry(fileName, r.record, key), r.record, key),
    );
    return null;
  }
  const source = r.geometry;
  return attempt(() => {
    const checked = checkGeometry(source, { fileName, record: r.record, key, toLonLat: crs.toWgs84 });
    return rewindRfc7946(toWgs84(checked.geometry, crs, fileName, r.record, key));
  }, problems);
}

function fieldSummary(name: string, records: readonly SourceRecord[]): AreaPreview['fields'][number] {
  const values = new Set<string>();
  let empty = 0;
  for (const r of records) {
    const t = r.texts[name];
    if (t) values.add(t);
    else empty++;
  }
  return { name, samples: [...values].slice(0, 3), distinct: values.size, empty };
}

function attempt<T>(fn: () => T, problems: PreviewProblem[]): T | null {
  try {
    return fn();
  } catch (e) {
    problems.push(problemOf(e));
    return null;
  }
}

function problemOf(e: unknown): PreviewProblem {
  if (!(e instanceof LagebildError)) throw e;
  const d = e.details;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    code: e.code,
    message: e.message,
    record: num(d.record),
    key: typeof d.key === 'string' ? d.key : null,
    lon: num(d.lon),
    lat: num(d.lat),
  };
}

const problem = (
  code: string,
  message: string,
  record: number,
  key: string | null = null,
): PreviewProblem => ({
  code,
  message,
  record,
  key,
  lon: null,
  lat: null,
});

const nullable = (c: FieldChoice | null) => ({
  idField: c?.idField ?? null,
  nameField: c?.nameField ?? null,
  parentField: c?.parentField ?? null,
});

function empty(fileName: string, problems: PreviewProblem[]): AreaPreview {
  const none = { idField: null, nameField: null, parentField: null };
  return {
    fileName,
    crs: null,
    featureCount: 0,
    fields: [],
    suggested: none,
    chosen: none,
    problems,
    areaM2: 0,
    geojson: { type: 'FeatureCollection', features: [] },
  };
}
