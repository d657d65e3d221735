import { formatDate, formatValue } from '../../core/format.ts';
import { classificationTexts as tx } from '../../classification/texts.ts';
import type { Choropleth } from '../map/choropleth.ts';
import { t } from '../texts.ts';
import type { Figures } from './coverage-rows.ts';
import { ct } from './texts.ts';
import '../classification/classification.css';

interface CoverageLegendProps {
  normName: string;
  date: string;
  /** The side the map shows: the Bestand, or the scenario's name. */
  scenario: string | null;
  city: Figures | null;
  choropleth: Choropleth;
}

/** Classes of the Versorgungsquote with their number of areas, secret and missing ones, and the city's rate. */
export function CoverageLegend({ normName, date, scenario, city, choropleth }: CoverageLegendProps) {
  const { classes, secretCount, missingCount, method, note } = choropleth;
  return (
    <section className="legend" aria-labelledby="coverage-legend-title" data-testid="legend">
      <div className="legend__head">
        <h2 id="coverage-legend-title" className="legend__title">
          {ct.legend.title(normName)} <span className="legend__date">({formatDate(date)})</span>
          {scenario && <span className="legend__date"> – {ct.legend.sideScenario(scenario)}</span>}
        </h2>
        <p className="legend__city">
          {ct.legend.city}:{' '}
          <strong data-testid="legend-city">
            {city ? formatValue(city.rate, city.rate === null ? 'missing' : city.status, 1, '%') : '–'}
          </strong>
        </p>
      </div>
      <ul className="legend__items" aria-describedby="coverage-legend-method">
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
      <p id="coverage-legend-method" className="legend__method muted">
        {classes.length > 0 ? tx.legendMethod(classes.length, tx.methods[method], tx.explain[method]) : note}
      </p>
    </section>
  );
}
