import { formatDate, formatNumber } from '../../core/format.ts';
import type { ProfileIndicator, Steckbrief } from './api.ts';
import { ARROWS, hasValues, judged, signedText, valueText } from './cells.ts';
import { pt, type WholeWords } from './texts.ts';
import { areaWithLevel } from '../../core/level-names.ts';
import { convertedFootnotes } from '../../reports/converted-footnotes.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

interface IndicatorTableProps {
  profile: Steckbrief;
  /** The whole territory („Stadt“, „Kreis“): the comparison column and the difference. */
  whole: WholeWords;
}

type Column = 'value' | 'district' | 'city';

/**
 * The „umgerechnet“ markers of the table's cells (indicator key → column → `¹`) and their notes,
 * numbered in the table's order, as the printed Steckbrief numbers them.
 */
function convertedMarks(rows: readonly ProfileIndicator[]) {
  const f = convertedFootnotes();
  const markers = new Map<string, Partial<Record<Column, string>>>();
  for (const row of rows)
    for (const column of ['value', 'district', 'city'] as const) {
      const c = row[column];
      // a „–“ has nothing to qualify
      if (!c?.converted || (c.value === null && c.status !== 'secret')) continue;
      markers.set(row.key, { ...markers.get(row.key), [column]: f.mark('', c.converted) });
    }
  return { markers, notes: f.notes() };
}

const Mark = ({ marker }: { marker: string | undefined }) => (
  <ConvertedMark marker={marker} className="profile-indicators__converted" testId="profile-converted" />
);

function Trend({ row }: { row: ProfileIndicator }) {
  const { direction, slope, change } = row.trend;
  if (row.value.status === 'secret') return <>·</>;
  if (!direction) return <>–</>;
  const label = pt.table[direction];
  const reading = judged(row.polarity, direction === 'up' ? 1 : direction === 'down' ? -1 : 0);
  // the slope per year where it exists (one more decimal, at most two: it is a yearly average);
  // otherwise the change over the window
  const number = slope !== null ? slope : change;
  const decimals = slope !== null ? Math.min(row.decimals + 1, 2) : row.decimals;
  return (
    <span className={`profile-trend profile-trend--${reading}`}>
      <span aria-hidden="true">{ARROWS[direction]}</span>{' '}
      <span className="visually-hidden">
        {label}
        {reading !== 'neutral' && ` (${reading === 'bad' ? pt.table.unfavourable : pt.table.favourable})`}
        :{' '}
      </span>
      {number === null ? '' : signedText(number, row.value.status, decimals)}
    </span>
  );
}

/**
 * Every indicator of the area against district and city (in a Kreis: Gemeinde and Kreis), grouped by
 * theme (one tbody per theme), with the rank among the areas of the level („3 von 8“).
 */
export function IndicatorTable({ profile, whole }: IndicatorTableProps) {
  const withDistrict = profile.area.parent !== null;
  // levels named: an area and its district may share a name („Ehrenfeld | Ehrenfeld“)
  const { levelName, parentLevelName, parentName } = profile.area;
  const districtHead =
    parentName && parentLevelName
      ? areaWithLevel(parentLevelName, parentName)
      : (parentName ?? pt.table.district);
  const previous = profile.themes[0]?.indicators[0]?.change.since ?? null;
  const columns = withDistrict ? 8 : 7;
  const themes = profile.themes
    .map(({ theme, indicators }) => ({ theme, indicators: indicators.filter(hasValues) }))
    .filter((t) => t.indicators.length > 0);
  const converted = convertedMarks(themes.flatMap((t) => t.indicators));
  const without = profile.themes.flatMap((t) => t.indicators.filter((i) => !hasValues(i)).map((i) => i.name));
  return (
    <div className="profile-table-scroll">
      <table className="profile-indicators" data-testid="profile-indicators">
        <caption className="visually-hidden">{pt.table.caption(formatDate(profile.date), whole)}</caption>
        <thead>
          <tr>
            <th scope="col">{pt.table.indicator}</th>
            <th scope="col" className="num">
              {areaWithLevel(levelName, profile.area.name)}
            </th>
            {withDistrict && (
              <th scope="col" className="num" data-col="district">
                {districtHead}
              </th>
            )}
            <th scope="col" className="num" data-col="city">
              {whole.name}
            </th>
            <th scope="col" className="num">
              {pt.table.difference(whole)}
            </th>
            <th scope="col" className="num">
              {previous ? pt.table.changeSince(formatDate(previous)) : pt.table.change}
            </th>
            <th scope="col" className="num">
              {pt.table.trend(profile.years)}
            </th>
            <th scope="col" className="num" title={pt.table.rankTitle(levelName)}>
              {pt.table.rank}
            </th>
          </tr>
        </thead>
        {themes.map(({ theme, indicators }) => (
          <tbody key={theme}>
            <tr className="profile-indicators__theme">
              <th scope="rowgroup" colSpan={columns}>
                {theme}
              </th>
            </tr>
            {indicators.map((row) => {
              const diffReading = judged(row.polarity, Math.sign(row.difference ?? 0));
              const marks = converted.markers.get(row.key);
              return (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">
                    {row.name}
                    {row.unit && <span className="profile-indicators__unit">{row.unit}</span>}
                  </th>
                  <td className="num" data-col="area">
                    <strong>{valueText(row.value, row.decimals)}</strong>
                    <Mark marker={marks?.value} />
                  </td>
                  {withDistrict && (
                    <td className="num" data-col="district">
                      {valueText(row.district, row.decimals)}
                      <Mark marker={marks?.district} />
                    </td>
                  )}
                  <td className="num" data-col="city">
                    {valueText(row.city, row.decimals)}
                    <Mark marker={marks?.city} />
                  </td>
                  <td className={`num profile-diff--${diffReading}`} data-col="difference">
                    {signedText(row.difference, row.value.status, row.decimals)}
                  </td>
                  <td className="num" data-col="change">
                    {signedText(row.change.value, row.value.status, row.decimals)}
                  </td>
                  <td className="num" data-col="trend">
                    <Trend row={row} />
                  </td>
                  <td className="num" data-col="rank">
                    {row.rank === null
                      ? row.value.status === 'secret'
                        ? '·'
                        : '–'
                      : pt.table.rankValue(formatNumber(row.rank, 0), row.rankOf)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      <ConvertedNotes
        notes={converted.notes}
        className="profile-indicators__notes muted"
        testId="profile-converted-notes"
        label={pt.table.convertedNotes}
      />
      {without.length > 0 && (
        <p className="muted" data-testid="profile-without-values">
          {pt.table.withoutValues(without)}
        </p>
      )}
    </div>
  );
}
