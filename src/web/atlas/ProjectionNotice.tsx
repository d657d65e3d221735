import { formatDate, formatNumber } from '../../core/format.ts';
import type { IndicatorValues } from '../api.ts';
import { pt } from '../projection/texts.ts';
import { t } from '../texts.ts';

/**
 * What the map shows on a Stichtag of the published projection: a Prognose, its method and base,
 * rounded and uncertain, small areas only within their parent.
 */
export function ProjectionNotice({ projection }: { projection: NonNullable<IndicatorValues['projection']> }) {
  const x = t.atlasProjection;
  return (
    <div className="notice notice--projection" role="note" data-testid="projection-note">
      <strong>{x.title}: </strong>
      {x.text(
        projection.name,
        formatDate(projection.base),
        pt.methods[projection.method],
        x.variants[projection.variant],
      )}{' '}
      {projection.minPopulation > 0 && x.small(formatNumber(projection.minPopulation, 0))}
    </div>
  );
}
