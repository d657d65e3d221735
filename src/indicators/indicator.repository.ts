/** SQL for indicator definitions (table `indicator`). */
import type { Db } from '../db/db.ts';
import type { Indicator } from './indicator.schema.ts';

type IndicatorRow = Indicator & Record<string, unknown>;

const SELECT = `SELECT key, name, theme, numerator_key AS numerator, denominator_key AS denominator, formula,
                       period_years AS "periodYears", unit, polarity, decimals, description, source,
                       update_cycle AS "updateCycle", published, classification, target_value AS target
                  FROM indicator`;

export async function listIndicators(db: Db, onlyPublished: boolean): Promise<Indicator[]> {
  return db.query<IndicatorRow>(`${SELECT} ${onlyPublished ? 'WHERE published' : ''} ORDER BY sort, key`);
}

/**
 * The demand variables of every published norm version (migration 011). Published coverage shows
 * them per area, so they are protected in the same linked system as the indicators' counts; the
 * query lives here because the snapshot may not import the coverage room, which builds on it.
 */
export async function publishedNormVariables(db: Db): Promise<string[]> {
  const rows = await db.query<{ v: string }>(
    'SELECT DISTINCT unnest(demand) AS v FROM norm WHERE published ORDER BY v',
  );
  return rows.map((r) => r.v);
}

/** The number of stored indicator definitions. */
export async function countIndicators(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator');
  return row?.n ?? 0;
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
