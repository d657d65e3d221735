/** Map colours of a typology result (pure): one colour per type, grey for areas not assigned. */
import type { AreaStyle } from '../map/choropleth.ts';
import { MISSING_FILL, SECRET_FILL } from '../map/palette.ts';
import { typeColor } from './type-colors.ts';
import type { ClustersResult } from './typology-api.ts';

/**
 * @returns a style per area key: typed areas in their type's colour (cls = type − 1); areas left
 *   out for a secret value hatched like secret values in the atlas, others as missing
 * @example typeStyles(result).get('101') // { color: '#332288', cls: 0, status: 'value' }
 */
export function typeStyles(result: ClustersResult): Map<string, AreaStyle> {
  const styles = new Map<string, AreaStyle>();
  for (const a of result.areas)
    styles.set(a.key, { color: typeColor(a.type), cls: a.type - 1, status: 'value' });
  for (const u of result.unassigned) {
    const secret = u.missing.some((m) => m.status === 'secret');
    styles.set(
      u.key,
      secret
        ? { color: SECRET_FILL, cls: null, status: 'secret' }
        : { color: MISSING_FILL, cls: null, status: 'missing' },
    );
  }
  return styles;
}
