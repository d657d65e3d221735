import type { Db } from '../db/db.ts';
import type { Cell } from './aggregate.ts';
import type { Indicator, ValueStatus } from './indicator.schema.ts';

type IndicatorRow = Indicator & Record<string, unknown>;

const SELECT = `SELECT key, name, theme, numerator_key AS numerator, denominator_key AS denominator, formula,
                       period_years AS "periodYears", unit, polarity, decimals, description, source,
                       update_cycle AS "updateCycle", published, classification, target_value AS target
                  FROM indicator`;

export async function listIndicators(db: Db, onlyPublished: boolean): Promise<Indicator[]> {
  return db.query<IndicatorRow>(`${SELECT} ${onlyPublished ? 'WHERE published' : ''} ORDER BY sort, key`);
}

export async function findIndicator(db: Db, key: string): Promise<Indicator | null> {
  const [row] = await db.query<IndicatorRow>(`${SELECT} WHERE key = $1`, [key]);
  return row ?? null;
}

/** Inserts or replaces definitions; new ones go to the end of the catalogue order. */
export async function upsertIndicators(db: Db, defs: Indicator[]): Promise<void> {
  for (const x of defs) {
    await db.query(
      `INSERT INTO indicator (key, name, theme, numerator_key, denominator_key, formula, period_years, unit, polarity,
                              decimals, description, source, update_cycle, published, classification, target_value, sort)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16,
               (SELECT coalesce(max(sort), 0) + 1 FROM indicator))
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, theme = excluded.theme,
         numerator_key = excluded.numerator_key, denominator_key = excluded.denominator_key,
         formula = excluded.formula, period_years = excluded.period_years, unit = excluded.unit,
         polarity = excluded.polarity, decimals = excluded.decimals, description = excluded.description,
         source = excluded.source, update_cycle = excluded.update_cycle, published = excluded.published,
         classification = excluded.classification, target_value = excluded.target_value`,
      [
        x.key,
        x.name,
        x.theme,
        x.numerator,
        x.denominator,
        x.formula,
        x.periodYears,
        x.unit,
        x.polarity,
        x.decimals,
        x.description,
        x.source,
        x.updateCycle,
        x.published,
        x.classification === null ? null : JSON.stringify(x.classification),
        x.target,
      ],
    );
  }
}

export async function deleteIndicator(db: Db, key: string): Promise<boolean> {
  return (await db.query('DELETE FROM indicator WHERE key = $1 RETURNING key', [key])).length > 0;
}

/**
 * Changes `published` and/or the default map classification (undefined = keep).
 * @returns the stored values after the change, or null if there is no such indicator
 */
export async function patchIndicator(
  db: Db,
  key: string,
  patch: { published?: boolean; classification?: Indicator['classification'] },
): Promise<Pick<Indicator, 'key' | 'published' | 'classification'> | null> {
  const setClassification = patch.classification !== undefined;
  const [row] = await db.query<Pick<Indicator, 'key' | 'published' | 'classification'>>(
    `UPDATE indicator
        SET published = coalesce($2, published),
            classification = CASE WHEN $3 THEN $4::jsonb ELSE classification END
      WHERE key = $1
  RETURNING key, published, classification`,
    [
      key,
      patch.published ?? null,
      setClassification,
      patch.classification ? JSON.stringify(patch.classification) : null,
    ],
  );
  return row ?? null;
}

export async function existingVariables(db: Db, keys: string[]): Promise<Set<string>> {
  const rows = await db.query<{ key: string }>('SELECT key FROM variable WHERE key = ANY($1::text[])', [
    keys,
  ]);
  return new Set(rows.map((r) => r.key));
}

/** Totals (breakdown '') of the given variables for all current areas and Stichtage. */
export async function loadTotals(
  db: Db,
  variableKeys: string[],
): Promise<Map<string, Map<string, Map<number, Cell>>>> {
  const rows = await db.query<{
    variable: string;
    area_id: number;
    ref_date: string;
    value: number | null;
    status: ValueStatus;
  }>(
    `SELECT v.key AS variable, o.area_id, o.ref_date, o.value, o.status
       FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
      WHERE v.key = ANY($1::text[]) AND o.breakdown = '' AND a.valid_to IS NULL`,
    [variableKeys],
  );
  // variable → date → area id → cell
  const out = new Map<string, Map<string, Map<number, Cell>>>();
  for (const r of rows) {
    let byDate = out.get(r.variable);
    if (!byDate) out.set(r.variable, (byDate = new Map<string, Map<number, Cell>>()));
    let byArea = byDate.get(r.ref_date);
    if (!byArea) byDate.set(r.ref_date, (byArea = new Map<number, Cell>()));
    byArea.set(r.area_id, { value: r.value, status: r.status });
  }
  return out;
}

export async function listDates(db: Db): Promise<string[]> {
  // A skip scan over the date index: one index probe per Stichtag instead of reading every row.
  const rows = await db.query<{ d: string }>(
    `WITH RECURSIVE t AS (
       SELECT min(ref_date) AS d FROM observation
       UNION ALL
       SELECT (SELECT min(ref_date) FROM observation WHERE ref_date > t.d) FROM t WHERE t.d IS NOT NULL
     ) SELECT d FROM t WHERE d IS NOT NULL ORDER BY d`,
  );
  return rows.map((r) => r.d);
}

/**
 * The Datenstand: the latest Stichtag with population counts (`ew`). Pages open there rather than
 * at the latest date of any import — a single table delivered for a later year must not leave
 * every other indicator empty. Falls back to the latest Stichtag of any data.
 */
export async function currentDate(db: Db): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>(
    `SELECT max(o.ref_date) AS d FROM observation o JOIN variable v ON v.id = o.variable_id
      WHERE v.key = 'ew' AND o.breakdown = ''`,
  );
  return row?.d ?? (await listDates(db)).at(-1) ?? null;
}
