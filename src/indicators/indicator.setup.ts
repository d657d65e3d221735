import type { Db } from '../db/db.ts';
import { ensureIndices } from '../indices/index.setup.ts';
import { ensureDefaultRules } from '../monitoring/rule.admin.ts';
import { ensureReportTemplates } from '../reports/template.service.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { upsertIndicators } from './indicator.repository.ts';

/** Installs the default catalogue into a database that has no indicators yet. */
export async function ensureCatalogue(db: Db): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator');
  if ((row?.n ?? 0) === 0) await upsertIndicators(db, DEFAULT_CATALOGUE);
  // the built-in composite indices (Berlin MSS, Hamburg, Münster); only missing ones are added
  await ensureIndices(db);
  // the default early-warning rules, into a database without rules
  await ensureDefaultRules(db);
  // the built-in report templates (Sozialbericht, Steckbriefe, Beschlussvorlage); only missing ones
  await ensureReportTemplates(db);
}
