/**
 * The built-in defaults of every domain, installed when the server or a command of the CLI
 * opens a database. This is the one place that knows all of them; each domain keeps its own
 * `ensure…` function and decides what "missing" means for it.
 */
import type { Db } from '../db/db.ts';
import { ensureDefaultCatalogue } from '../indicators/indicator.setup.ts';
import { ensureIndices } from '../indices/index.setup.ts';
import { ensureReportTemplates } from '../reports/template.service.ts';
import { ensureDefaultRules } from '../warnings/rule.admin.ts';

/**
 * Installs what a database lacks of the defaults. Idempotent: run it at every start. The
 * catalogue goes first: indices, rules and templates name its indicators (by key, unchecked by
 * the database), so a reader never finds them before the indicators they name.
 */
export async function seedDefaults(db: Db): Promise<void> {
  // the indicator catalogue, into a database without indicators
  await ensureDefaultCatalogue(db);
  // the built-in composite indices (Berlin MSS, Hamburg, Münster); only missing ones are added
  await ensureIndices(db);
  // the default early-warning rules, into a database without rules
  await ensureDefaultRules(db);
  // the built-in report templates (Sozialbericht, Steckbriefe, Beschlussvorlage); only missing ones
  await ensureReportTemplates(db);
}
