import type { AreaProfile } from '../api.ts';
import { formatDate, formatValue } from '../../core/format.ts';
import { convertedFootnotes } from '../../reports/converted-footnotes.ts';
import { t } from '../texts.ts';
import { pt } from './texts.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

interface ProfileTableProps {
  profile: AreaProfile;
  /** Key of the indicator chosen on the map; its row is marked. */
  currentKey: string;
}

type Row = AreaProfile['indicators'][number];

/**
 * The „umgerechnet“ markers of the area and city cells (indicator key → `¹`) and their notes,
 * numbered in the table's order, as the Steckbrief's indicator table numbers them.
 */
function convertedMarks(rows: readonly Row[]) {
  const f = convertedFootnotes();
  const area = new Map<string, string>();
  const city = new Map<string, string>();
  // a „–“ has nothing to qualify
  const shown = (value: number | null, status: Row['status']) => value !== null || status === 'secret';
  for (const row of rows) {
    if (row.converted && shown(row.value, row.status)) area.set(row.key, f.mark('', row.converted));
    if (row.cityConverted && shown(row.cityValue, row.cityStatus))
      city.set(row.key, f.mark('', row.cityConverted));
  }
  return { area, city, notes: f.notes() };
}

const Mark = ({ marker }: { marker: string | undefined }) => (
  <ConvertedMark marker={marker} className="profile-table__converted" testId="profile-table-converted" />
);

/**
 * All indicators of one area for one Stichtag, the area beside the city, grouped by theme; values
 * converted from an earlier Gebietsstand marked, with the notes under the table.
 */
export function ProfileTable({ profile, currentKey }: ProfileTableProps) {
  const themes = new Map<string, Row[]>();
  for (const row of profile.indicators) {
    const rows = themes.get(row.theme) ?? [];
    rows.push(row);
    themes.set(row.theme, rows);
  }
  const converted = convertedMarks([...themes.values()].flat());
  return (
    <>
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
                  <Mark marker={converted.area.get(row.key)} />
                </td>
                <td className="num">
                  {formatValue(row.cityValue, row.cityStatus, row.decimals, row.unit, { unit: false })}
                  <Mark marker={converted.city.get(row.key)} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <ConvertedNotes
        notes={converted.notes}
        className="profile-table__notes muted"
        testId="profile-table-converted-notes"
        label={pt.table.convertedNotes}
      />
    </>
  );
}
