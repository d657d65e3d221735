import type { Indicator, IndicatorValues } from '../api.ts';
import type { Choropleth } from '../map/choropleth.ts';
import { formatDate, formatValue } from '../../core/format.ts';
import { classificationTexts as tx } from '../../classification/texts.ts';
import { t } from '../texts.ts';
import '../classification/classification.css';

interface LegendProps {
  indicator: Indicator;
  values: IndicatorValues;
  choropleth: Choropleth;
}

/**
 * Class ranges with their number of areas (labels in German number format from the
 * classification), the entries for secret and missing values, and how the classes were made.
 */
export function Legend({ indicator, values, choropleth }: LegendProps) {
  const { classes, secretCount, missingCount, method, note, summary } = choropleth;
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <div className="legend__head">
        <h2 id="legend-title" className="legend__title">
          {indicator.name} <span className="legend__date">({formatDate(values.date)})</span>
        </h2>
        <p className="legend__city">
          {t.legend.city}:{' '}
          <strong>
            {formatValue(values.city.value, values.city.status, indicator.decimals, indicator.unit)}
          </strong>
        </p>
      </div>
      <ul className="legend__items" aria-describedby="legend-method">
        {classes.map((c, i) => (
          <li key={i} className="legend__item" data-testid="legend-class">
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span className="legend__label">{c.label}</span>
            <span className="legend__count">{t.legend.areas(c.count)}</span>
          </li>
        ))}
        <li className="legend__item" title={tx.secretHint} data-testid="legend-secret">
          <span className="swatch swatch--secret" aria-hidden="true" />
          <span className="legend__label">{tx.secret}</span>
          <span className="legend__count">{t.legend.areas(secretCount)}</span>
        </li>
        <li className="legend__item" data-testid="legend-missing">
          <span className="swatch swatch--missing" aria-hidden="true" />
          <span className="legend__label">{tx.missing}</span>
          <span className="legend__count">{t.legend.areas(missingCount)}</span>
        </li>
      </ul>
      <p id="legend-method" className="legend__method muted" data-testid="legend-method">
        {classes.length > 0 ? tx.legendMethod(classes.length, tx.methods[method], tx.explain[method]) : note}
        {summary && <> · {summary}</>}
      </p>
      {note && classes.length > 0 && (
        <p className="legend__note" data-testid="legend-note">
          {note}
        </p>
      )}
    </section>
  );
}
