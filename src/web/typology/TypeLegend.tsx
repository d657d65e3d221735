import { SECRET_SYMBOL } from '../../core/format.ts';
import { tt } from './texts.ts';
import { typeColor } from './type-colors.ts';
import type { ClustersResult } from './typology-api.ts';

/** Legend of the type map: every type with its colour, name and member count; areas not assigned. */
export function TypeLegend({ result }: { result: ClustersResult }) {
  const secret = result.unassigned.filter((u) => u.missing.some((m) => m.status === 'secret')).length;
  const missing = result.unassigned.length - secret;
  return (
    <section className="legend type-legend" aria-labelledby="type-legend-title" data-testid="type-legend">
      <h2 id="type-legend-title" className="legend__title">
        {tt.typology.legend}
      </h2>
      <ul className="legend__items type-legend__items">
        {result.types.map((type) => (
          <li key={type.number} className="legend__item" data-type={type.number}>
            <span className="swatch" style={{ background: typeColor(type.number) }} aria-hidden="true" />
            <span>{type.label}</span>
            <span className="legend__count">{tt.typology.areasCount(type.size)}</span>
          </li>
        ))}
        {secret > 0 && (
          <li className="legend__item">
            <span className="swatch swatch--secret" aria-hidden="true" />
            <span>
              {SECRET_SYMBOL} {tt.typology.unassignedLegend}
            </span>
            <span className="legend__count">{tt.typology.areasCount(secret)}</span>
          </li>
        )}
        {missing > 0 && (
          <li className="legend__item">
            <span className="swatch swatch--missing" aria-hidden="true" />
            <span>{tt.typology.unassignedLegend}</span>
            <span className="legend__count">{tt.typology.areasCount(missing)}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
