import { formatDate, formatValue } from '../../core/format.ts';
import { signedDifference } from './compare-format.ts';
import { tt } from './texts.ts';
import type { CompareResult } from './typology-api.ts';
import { convertedFootnotes } from '../../reports/converted-footnotes.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

type Row = CompareResult['rows'][number];
type Column = 'a' | 'b' | 'city';

/**
 * The „umgerechnet“ markers of the shown values (indicator → column → `¹`) and their notes,
 * numbered in the table's order, as the report tables number them.
 */
export function compareMarks(result: CompareResult) {
  const f = convertedFootnotes();
  const shown: Column[] = result.b.kind === 'city' ? ['a', 'b'] : ['a', 'b', 'city'];
  const markers = new Map<string, Partial<Record<Column, string>>>();
  for (const r of result.rows)
    for (const column of shown) {
      const c = r[column];
      // a „–“ has nothing to qualify
      if (!c.converted || (c.value === null && c.status !== 'secret')) continue;
      markers.set(r.indicator, { ...markers.get(r.indicator), [column]: f.mark('', c.converted) });
    }
  return { markers, notes: f.notes() };
}

function Value({ row, column, marker }: { row: Row; column: Column; marker: string | undefined }) {
  const c = row[column];
  return (
    <>
      {formatValue(c.value, c.status, row.decimals, row.unit, { unit: false })}
      <ConvertedMark marker={marker} className="typology-table__converted" testId="compare-converted" />
    </>
  );
}

/** Values of A and B per indicator, the difference A − B and the ranks among the level's areas. */
export function CompareTable({ result }: { result: CompareResult }) {
  const bIsArea = result.b.kind === 'area';
  const rank = (r: number | null, of: number) => (r === null ? '–' : tt.compare.rankOf(r, of));
  const converted = compareMarks(result);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
      <table className="typology-table compare-table" data-testid="compare-table">
        <caption id="compare-caption" className="typology-table__caption">
          {tt.compare.tableCaption(result.a.name, result.b.name, formatDate(result.date))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tt.compare.indicator}</th>
            <th scope="col" className="num" data-testid="compare-a-head">
              {result.a.name}
            </th>
            <th scope="col" className="num" data-testid="compare-b-head">
              {result.b.name}
            </th>
            <th scope="col" className="num">
              {tt.compare.difference}
            </th>
            <th scope="col" className="num" title={tt.compare.rankHint}>
              {tt.compare.rank(result.a.name)}
            </th>
            {bIsArea && (
              <th scope="col" className="num" title={tt.compare.rankHint}>
                {tt.compare.rank(result.b.name)}
              </th>
            )}
            {result.b.kind !== 'city' && (
              <th scope="col" className="num">
                {tt.compare.city}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.indicator} data-key={r.indicator}>
              <th scope="row">
                {r.name}
                {r.unit && <span className="typology-table__unit"> ({r.unit})</span>}
              </th>
              <td className="num" data-col="a">
                <Value row={r} column="a" marker={converted.markers.get(r.indicator)?.a} />
              </td>
              <td className="num" data-col="b">
                <Value row={r} column="b" marker={converted.markers.get(r.indicator)?.b} />
              </td>
              <td className="num">{signedDifference(r.difference, r.decimals, r.differenceUnit)}</td>
              <td className="num">{rank(r.rankA, r.ranked)}</td>
              {bIsArea && <td className="num">{rank(r.rankB, r.ranked)}</td>}
              {result.b.kind !== 'city' && (
                <td className="num" data-col="city">
                  <Value row={r} column="city" marker={converted.markers.get(r.indicator)?.city} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ConvertedNotes
        notes={converted.notes}
        className="typology-table__notes muted"
        testId="compare-converted-notes"
        label={tt.compare.convertedNotes}
      />
      <p className="muted typology-note">{tt.compare.rankHint}.</p>
    </div>
  );
}
