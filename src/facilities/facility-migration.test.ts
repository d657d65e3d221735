/**
 * Migration 010 on a database that has facilities of the earlier schema (one row per facility,
 * `kind` instead of a type): every row becomes the first, open version of its facility.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../core/paths.ts';
import { openDb } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { engines } from '../test/databases.ts';

describe.each(engines)('migration 010 on $name', (engine) => {
  it('turns stored facilities into first versions of their types', async () => {
    const { spec, drop } = await engine.location();
    const db = await openDb(spec);
    try {
      await db.exec(
        'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const earlier = readdirSync(MIGRATIONS_DIR)
        .filter((f) => /^\d{3}_.+\.sql$/.test(f) && f < '010')
        .sort();
      for (const file of earlier) {
        await db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
        await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      }
      await db.query(
        `INSERT INTO facility (kind, key, name, capacity, lon, lat, address) VALUES
           ('kita', 'kita-001', 'Kita Sonnenschein', 45, 7.1, 51.2, 'Hauptstr. 1'),
           ('pflegeheim', 'ph-001', 'Haus am Park', 80, 7.2, 51.3, NULL),
           ('hort', 'h-1', 'Hort Am Markt', 20, 7.3, 51.1, NULL)`,
      );
      expect(await migrate(db)).toContain('010_facilities.sql');
      const rows = await db.query(
        `SELECT f.type, f.key, f.capacity, f.valid_from, f.valid_to, f.carrier, f.properties, t.name AS type_name
           FROM facility f JOIN facility_type t ON t.key = f.type ORDER BY f.key`,
      );
      expect(rows).toEqual([
        expect.objectContaining({
          type: 'hort',
          key: 'h-1',
          valid_from: null,
          valid_to: null,
          type_name: 'hort',
        }),
        expect.objectContaining({
          type: 'kita',
          key: 'kita-001',
          capacity: 45,
          type_name: 'Kindertageseinrichtung',
        }),
        expect.objectContaining({
          type: 'pflegeheim',
          carrier: null,
          properties: {},
          type_name: 'Pflegeheim',
        }),
      ]);
      // one open version per facility, and versions never of no length
      await expect(
        db.query(
          "INSERT INTO facility (type, key, name, lon, lat, valid_from) VALUES ('kita', 'kita-001', 'x', 7, 51, '2024-01-01')",
        ),
      ).rejects.toThrow(/facility_open/);
      await expect(
        db.query(
          "INSERT INTO facility (type, key, name, lon, lat, valid_from, valid_to) VALUES ('kita', 'k2', 'x', 7, 51, '2024-01-01', '2024-01-01')",
        ),
      ).rejects.toThrow(/facility_valid_range/);
    } finally {
      await db.close();
      await drop();
    }
  }, 120_000);
});
