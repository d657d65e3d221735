/**
 * Import of a facility delivery (`lagebild import facilities`, `POST /api/facilities/import`):
 * the file is read and checked first — every row problem, an unknown type, points outside every
 * area of the finest level (kept as „außerhalb“ with a warning; more than half of them outside
 * means a wrong CRS and refuses the file) — and any error refuses the whole file. Otherwise one
 * transaction records the delivery (data_source) and the versions it changes (delivery-plan.ts).
 */
import type { NamedFile } from '../areas/readers/area-file.ts';
import { LagebildError } from '../core/errors.ts';
import { lockFacilities } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { isEmptyPlan, planDelivery, roundCoordinate, type DeliveredFacility } from './delivery-plan.ts';
import type { FacilityFile, FacilityProblem, ReadFacilityOptions } from './facility-file.ts';
import { loadFacilityFiles } from './facility-paths.ts';
import * as repo from './facility.repository.ts';
import type { ImportFacilitiesResult } from './facility.schema.ts';
import { finestAreas, today } from './facility.service.ts';
import { facilityMessages, rowRef } from './messages.ts';
import { readFacilityFiles } from './read-facility-file.ts';

export interface ImportFacilitiesOptions {
  /** Key of the facility type, e.g. `kita`. */
  type: string;
  /** The uploaded files (API), or … */
  files?: readonly NamedFile[];
  /** … the files on disk (CLI; a `.shp` brings its siblings). */
  paths?: readonly string[];
  /** Fields and CRS of the file (guessed when absent). */
  options?: ReadFacilityOptions;
  /** The delivery's state: changes and closures hold from this day (default today). */
  validFrom?: string;
  /** Facilities of the type missing from the delivery are closed at `validFrom`. */
  closeMissing?: boolean;
  userId?: number | null;
}

const problem = (code: string, message: string, row: number | null = null): FacilityProblem => ({
  row,
  field: null,
  code: `import.${code}`,
  severity: 'error',
  message,
});

/**
 * @returns the summary: read, new, changed, unchanged, closed, outside and the warnings
 * @throws LagebildError with the code of the first error, a German message naming the first
 *   problems with row and field, and every problem in `details.problems`; nothing is stored
 * @example await importFacilities(db, { type: 'kita', paths: ['kitas.geojson'], validFrom: '2022-12-31' })
 */
export async function importFacilities(
  db: Db,
  opts: ImportFacilitiesOptions,
): Promise<ImportFacilitiesResult> {
  const files = opts.files ?? (await loadFacilityFiles(opts.paths ?? []));
  const file = readFacilityFiles(files, opts.options ?? {});
  const validFrom = opts.validFrom ?? today();
  const csv = /\.(csv|txt)$/i.test(file.fileName);
  return db.transaction(async (tx) => {
    await lockFacilities(tx, opts.type);
    const problems: FacilityProblem[] = [...file.problems];
    const types = await repo.listTypes(tx);
    if (!types.some((t) => t.key === opts.type))
      problems.push(
        problem(
          'unknown_facility_type',
          facilityMessages.unknownType(
            opts.type,
            types.map((t) => t.key),
          ),
        ),
      );
    const delivered = await placeFacilities(tx, file, problems, csv);
    const plan = planDelivery(await repo.versionsOfType(tx, opts.type), delivered, {
      type: opts.type,
      validFrom,
      closeMissing: opts.closeMissing ?? false,
      fileName: file.fileName,
      csv,
    });
    problems.push(...plan.problems);
    // file-level problems (row null) first, then by row
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0)
      throw new LagebildError(errors[0]!.code, facilityMessages.refused(file.fileName, errors), 422, {
        file: file.fileName,
        errors: errors.length,
        problems,
      });
    let sourceId: number | null = null;
    if (!isEmptyPlan(plan)) {
      sourceId = await recordSource(tx, {
        kind: 'facilities',
        name: `Einrichtungen ${types.find((t) => t.key === opts.type)!.name}`,
        fileName: file.fileName,
        fileHash: file.fileHash,
        stichtag: validFrom,
        importedBy: opts.userId ?? null,
        details: { type: opts.type, crs: file.crs, fields: file.choice, ...plan.counts },
      });
      const stamp = { sourceId, recordedBy: null };
      await repo.deleteVersions(tx, plan.remove);
      await repo.closeVersions(tx, plan.close, validFrom);
      await repo.correctVersions(
        tx,
        plan.correct.map((v) => ({ ...v, ...stamp })),
      );
      await repo.insertVersions(
        tx,
        plan.insert.map((v) => ({ ...v, ...stamp })),
      );
    }
    return {
      type: opts.type,
      fileName: file.fileName,
      crs: file.crs,
      validFrom,
      read: file.facilities.length,
      ...plan.counts,
      outside: delivered.filter((d) => d.areaId === null).length,
      problems,
      sourceId,
    };
  });
}

/**
 * The facilities with positions rounded as stored and their area on the finest level; a warning
 * for each one outside every area, an error when there are no areas or most points lie outside.
 */
async function placeFacilities(
  db: Db,
  file: FacilityFile,
  problems: FacilityProblem[],
  csv: boolean,
): Promise<DeliveredFacility[]> {
  if (file.facilities.length === 0) {
    if (!problems.some((p) => p.severity === 'error'))
      problems.push(problem('no_facilities', facilityMessages.noFacilities(file.fileName)));
    return [];
  }
  const areas = await finestAreas(db);
  if (!areas) {
    problems.push(problem('no_areas', facilityMessages.noAreas(file.fileName)));
    return [];
  }
  const delivered = file.facilities.map((f) => {
    const lon = roundCoordinate(f.lon);
    const lat = roundCoordinate(f.lat);
    return { ...f, lon, lat, areaId: areas.index.locate(lon, lat) };
  });
  const outside = delivered.filter((d) => d.areaId === null);
  // Most points elsewhere: one error says it all, a warning per point would bury it.
  if (outside.length * 2 > delivered.length) {
    problems.push(
      problem(
        'mostly_outside',
        facilityMessages.mostlyOutside(file.fileName, outside.length, delivered.length, file.crs),
      ),
    );
    return delivered;
  }
  for (const d of outside)
    problems.push({
      row: d.row,
      field: null,
      code: 'import.outside',
      severity: 'warning',
      message: facilityMessages.outside(rowRef(file.fileName, d.row, csv, d.key)),
    });
  return delivered;
}
