/** Provenance (Herkunft) of imported data: one row per delivered file or generated set. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from './db.ts';

/** sha256 (hex) of a delivered file, in memory or streamed from disk, for `data_source.file_hash`. */
export async function fileHash(input: { data: Uint8Array } | { path: string }): Promise<string> {
  const hash = createHash('sha256');
  if ('data' in input) hash.update(input.data);
  else for await (const chunk of createReadStream(input.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface NewSource {
  kind: 'areas' | 'table' | 'microdata' | 'demo' | 'facilities';
  name: string;
  fileName?: string | null;
  fileHash?: string | null;
  stichtag?: string | null;
  importedBy?: number | null;
  details?: Record<string, unknown>;
}

export async function recordSource(db: Db, s: NewSource): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO data_source (kind, name, file_name, file_hash, stichtag, imported_by, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
    [
      s.kind,
      s.name,
      s.fileName ?? null,
      s.fileHash ?? null,
      s.stichtag ?? null,
      s.importedBy ?? null,
      JSON.stringify(s.details ?? {}),
    ],
  );
  return row!.id;
}
