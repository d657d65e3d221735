import type { Indicator, IndicatorValues } from '../api.ts';
import type { Choropleth } from '../choropleth.ts';
import { formatDate, formatNumber, formatValue, SECRET_SYMBOL } from '../format.ts';
import { t } from '../texts.ts';

interface LegendProps {
  indicator: Indicator;
  values: IndicatorValues;
  choropleth: Choropleth;
}

const range = (min: number, max: number, indicator: Indicator) => {
  const unit = indicator.unit ? `\u00a0${indicator.unit}` : '';
  const low = formatNumber(min, indicator.decimals);
  const high = formatNumber(max, indicator.decimals);
  return low === high ? `${low}${unit}` : `${low} – ${high}${unit}`;
};

/** Class ranges (German number format) plus the entries for secret and missing values. */
export function Legend({ indicator, values, choropleth }: LegendProps) {
  const { classes, secretCount, missingCount } = choropleth;
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
        {classes.map((c) => (
          <li key={c.max} className="legend__item">
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span>{range(c.min, c.max, indicator)}</span>
            <span className="legend__count">{t.legend.areas(c.count)}</span>
          </li>
        ))}
        <li className="legend__item" title={t.legend.secretHint}>
          <span className="swatch swatch--secret" aria-hidden="true" />
          <span>
            {SECRET_SYMBOL} {t.legend.secret}
          </span>
          <span className="legend__count">{t.legend.areas(secretCount)}</span>
        </li>
        <li className="legend__item">
          <span className="swatch swatch--missing" aria-hidden="true" />
          <span>{t.legend.missing}</span>
          <span className="legend__count">{t.legend.areas(missingCount)}</span>
        </li>
      </ul>
      <p id="legend-method" className="legend__method muted">
        {t.legend.classes(classes.length)}
      </p>
    </section>
  );
}
