/**
 * The built-in defaults of every domain, installed when the server or a command of the CLI
 * opens a database. This is the one place that knows all of them; each domain keeps its own
 * `ensure…` function and decides what "missing" means for it.
 */
import { DEFAULT_CARE_ASSUMPTIONS, ensureDefaultCareAssumptions } from '../care/care-assumptions.service.ts';
import { DEFAULT_NORM_KEYS, ensureDefaultNorms } from '../coverage/norm.defaults.ts';
import type { Db } from '../db/db.ts';
import { BUILTIN_INDICES } from '../indices/presets.ts';
import { BUILTIN_TEMPLATE_KEYS } from '../reports/builtin-keys.ts';
import { DEFAULT_PROFILE_KEYS, ensureDefaultProfiles } from '../statements/occupancy.defaults.ts';

const INDEX_KEYS = [...new Set(BUILTIN_INDICES.map((d) => d.key))];
const TEMPLATE_KEYS = [...BUILTIN_TEMPLATE_KEYS];
const NORM_KEYS = [...DEFAULT_NORM_KEYS];
const PROFILE_KEYS = [...DEFAULT_PROFILE_KEYS];

/**
 * Whether the database lacks any of the defaults, as each `ensure…` below decides: the catalogue
 * and the rules when there are none, indices, templates and norms by key. One query, answered
 * without loading the defaults; it says yes once per new database and per version adding a
 * built-in.
 */
export async function lacksDefaults(db: Db): Promise<boolean> {
  const [row] = await db.query<{ lacks: boolean }>(
    `SELECT NOT EXISTS (SELECT FROM indicator)
         OR NOT EXISTS (SELECT FROM warning_rule)
         OR (SELECT count(*) FROM composite_index WHERE key = ANY($1::text[])) < $3
         OR (SELECT count(*) FROM report_template WHERE key = ANY($2::text[])) < $4
         OR (SELECT count(DISTINCT key) FROM norm WHERE key = ANY($5::text[])) < $6
         OR (SELECT count(DISTINCT key) FROM occupancy_profile WHERE key = ANY($7::text[])) < $8
         OR NOT EXISTS (SELECT FROM care_assumption WHERE key = $9) AS lacks`,
    [
      INDEX_KEYS,
      TEMPLATE_KEYS,
      INDEX_KEYS.length,
      TEMPLATE_KEYS.length,
      NORM_KEYS,
      NORM_KEYS.length,
      PROFILE_KEYS,
      PROFILE_KEYS.length,
      DEFAULT_CARE_ASSUMPTIONS,
    ],
  );
  return row!.lacks;
}

/**
 * Installs what a database lacks of the defaults. Idempotent: run it at every start. The
 * catalogue goes first: indices, rules and templates name its indicators (by key, unchecked by
 * the database), so a reader never finds them before the indicators they name.
 */
export async function seedDefaults(db: Db): Promise<void> {
  if (!(await lacksDefaults(db))) return;
  // loaded only now: the defaults and their schemas take longer to load than the check takes
  const [catalogue, indices, rules, templates] = await Promise.all([
    import('../indicators/indicator.setup.ts'),
    import('../indices/index.setup.ts'),
    import('../warnings/rule.admin.ts'),
    import('../reports/template.service.ts'),
  ]);
  // the indicator catalogue, into a database without indicators
  await catalogue.ensureDefaultCatalogue(db);
  // the built-in composite indices (Berlin MSS, Hamburg, Münster); only missing ones are added
  await indices.ensureIndices(db);
  // the default early-warning rules, into a database without rules
  await rules.ensureDefaultRules(db);
  // the built-in report templates (Sozialbericht, Steckbriefe, Beschlussvorlage); only missing ones
  await templates.ensureReportTemplates(db);
  // the built-in norms (Kita U3 and Ü3, playground area, DIN 18034); only missing ones are added
  await ensureDefaultNorms(db);
  // the built-in occupancy profile of new residential quarters (statements on land-use plans)
  await ensureDefaultProfiles(db);
  // the federal care rates and settings shares of the Pflegebedarfsplan, if missing
  await ensureDefaultCareAssumptions(db);
}
