/**
 * Import of person-level register extracts: aggregated in memory to counts per area (persons
 * are never stored), then stored like any table delivery in one transaction with history.
 */
import { basename } from 'node:path';
import { notFound } from '../core/errors.ts';
import { fileHash, recordSource } from '../db/provenance.ts';
import { areaGeometries } from '../areas/area.repository.ts';
import { lockImportSlices } from '../db/advisory.ts';
import type { Db } from '../db/db.ts';
import { storeCounts } from '../observations/store-counts.ts';
import {
  aggregateMicrodata,
  type AggregateMicrodataOptions,
  type MicrodataResult,
} from './microdata/aggregate.ts';

export interface MicrodataImportResult {
  result: Omit<MicrodataResult, 'counts'>;
  sourceId: number;
  stored: number;
  replaced: number;
}

export async function importMicrodata(
  db: Db,
  path: string,
  opts: { level: string; userId?: number | null } & Pick<
    AggregateMicrodataOptions,
    'date' | 'ageGroups' | 'crs'
  >,
): Promise<MicrodataImportResult> {
  const areas = await areaGeometries(db, opts.level, 'full');
  if (!areas.length)
    throw notFound(
      'areas.unknown_level',
      `Die Ebene „${opts.level}“ gibt es nicht oder sie hat keine Gebiete.`,
    );
  const result = await aggregateMicrodata(path, areas, {
    date: opts.date,
    ageGroups: opts.ageGroups,
    crs: opts.crs,
  });
  const hash = await fileHash({ path });
  const fileName = basename(path);
  const { counts, ...rest } = result;
  return db.transaction(async (tx) => {
    await lockImportSlices(tx, opts.level, [result.date]);
    const sourceId = await recordSource(tx, {
      kind: 'microdata',
      name: `Mikrodaten ${fileName}`,
      fileName,
      fileHash: hash,
      stichtag: opts.date,
      importedBy: opts.userId ?? null,
      details: { level: opts.level, persons: result.persons, unplaced: result.unplaced },
    });
    const stored = await storeCounts(
      tx,
      { levelKey: opts.level, sourceId, fileName },
      counts.map((c) => ({
        areaKey: c.area,
        date: result.date,
        variable: c.variable,
        breakdown: c.breakdown,
        value: c.value,
        status: 'value' as const,
      })),
    );
    return { result: rest, sourceId, stored: stored.stored, replaced: stored.replaced };
  });
}
