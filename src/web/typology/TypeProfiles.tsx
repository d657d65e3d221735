import { formatDate, formatNumber, formatValue } from '../../core/format.ts';
import { tt } from './texts.ts';
import { typeColor } from './type-colors.ts';
import type { ClustersResult } from './typology-api.ts';

/** z with sign, German: „+1,2“, „−0,4“. */
const signed = (z: number) => `${z > 0 ? '+' : z < 0 ? '−' : '±'}${formatNumber(Math.abs(z), 1)}`;

/** The type profiles: centre of every type per indicator (unit and z), member counts, the city. */
export function TypeProfiles({ result }: { result: ClustersResult }) {
  const { indicators, types } = result;
  return (
    <section className="typology-section" aria-labelledby="type-profiles-title">
      <h2 id="type-profiles-title">{tt.typology.profilesTitle}</h2>
      {/* named by the caption: the section already carries the heading's name (one landmark per name) */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="type-profiles-caption">
        <table className="typology-table type-profiles-table" data-testid="type-profiles">
          <caption id="type-profiles-caption" className="typology-table__caption">
            {tt.typology.profilesCaption(formatDate(result.date))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{tt.typology.type}</th>
              <th scope="col" className="num">
                {tt.typology.count}
              </th>
              {indicators.map((i) => (
                <th key={i.key} scope="col" className="num">
                  {i.name}
                  {i.unit && <span className="typology-table__unit"> ({i.unit})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.number} data-type={type.number}>
                <th scope="row">
                  <span
                    className="swatch"
                    style={{ background: typeColor(type.number) }}
                    aria-hidden="true"
                  />{' '}
                  {type.label}
                </th>
                <td className="num">{formatNumber(type.size, 0)}</td>
                {type.centre.map((c, j) => {
                  const ind = indicators[j]!;
                  return (
                    <td key={c.indicator} className="num">
                      {formatNumber(c.value, ind.decimals)}{' '}
                      <span className="typology-table__z">({signed(c.z)})</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{tt.typology.city}</th>
              <td className="num" />
              {indicators.map((i) => (
                <td key={i.key} className="num">
                  {formatValue(i.city.value, i.city.status, i.decimals, i.unit, { unit: false })}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
