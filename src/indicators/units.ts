/**
 * Default unit of each formula, shared by the default catalogue and the web editor (pure data,
 * no zod, so the browser bundle can import it).
 */
import type { Formula } from './indicator.schema.ts';

export const DEFAULT_UNITS: Record<Formula, string> = {
  count: 'Personen',
  share: '%',
  per_mille: '‰',
  per_1000: 'je 1.000',
  ratio: 'je Einheit',
  change_pp: 'Pp.',
  relative_change: '%',
  trend_slope: 'Pp. je Jahr',
};
