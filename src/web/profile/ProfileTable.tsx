import type { AreaProfile } from '../api.ts';
import { formatDate, formatValue } from '../../core/format.ts';
import { t } from '../texts.ts';

interface ProfileTableProps {
  profile: AreaProfile;
  /** Key of the indicator chosen on the map; its row is marked. */
  currentKey: string;
}

type Row = AreaProfile['indicators'][number];

/** All indicators of one area for one Stichtag, the area beside the city, grouped by theme. */
export function ProfileTable({ profile, currentKey }: ProfileTableProps) {
  const themes = new Map<string, Row[]>();
  for (const row of profile.indicators) {
    const rows = themes.get(row.theme) ?? [];
    rows.push(row);
    themes.set(row.theme, rows);
  }
  return (
    <table className="profile-table" data-testid="profile-table">
      <caption className="visually-hidden">{t.panel.profile(formatDate(profile.date))}</caption>
      <thead>
        <tr>
          <th scope="col">{t.panel.indicator}</th>
          <th scope="col" className="num">
            {t.panel.area}
          </th>
          <th scope="col" className="num">
            {t.panel.city}
          </th>
        </tr>
      </thead>
      {[...themes].map(([theme, rows]) => (
        <tbody key={theme}>
          <tr className="profile-table__theme">
            <th scope="rowgroup" colSpan={3}>
              {theme}
            </th>
          </tr>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={row.key === currentKey ? 'is-current' : undefined}
              data-key={row.key}
            >
              <th scope="row">
                {row.name}
                {row.unit && <span className="profile-table__unit">{row.unit}</span>}
              </th>
              <td className="num">
                {formatValue(row.value, row.status, row.decimals, row.unit, { unit: false })}
              </td>
              <td className="num">
                {formatValue(row.cityValue, row.cityStatus, row.decimals, row.unit, { unit: false })}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
