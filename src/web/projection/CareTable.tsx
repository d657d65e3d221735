import { formatDate, formatNumber } from '../../core/format.ts';
import type { CarePlanRow } from './projection-api.ts';
import { pt } from './texts.ts';

interface CareTableProps {
  /** The city first, then the districts, all of one year. */
  rows: readonly CarePlanRow[];
}

const n = (value: number) => formatNumber(value, 0);
const signed = (value: number) => (value > 0 ? `+${n(value)}` : n(value));

/** Persons in need and the places of Pflegeheime and Tagespflege, needed against in operation. */
export function CareTable({ rows }: CareTableProps) {
  const date = rows[0]?.date;
  if (!date) return null;
  const c = pt.care;
  return (
    <div className="area-table projection-table">
      {/* focusable: a keyboard scrolls the table when it is wider or taller than its frame */}
      <div className="area-table__scroll" tabIndex={0} role="region" aria-label={c.caption(formatDate(date))}>
        <table data-testid="care-table" aria-describedby="care-balance-hint">
          <caption>{c.caption(formatDate(date))}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {c.area}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {c.need}
              </th>
              <th scope="colgroup" colSpan={3} className="projection-table__group">
                {c.home}
              </th>
              <th scope="colgroup" colSpan={3} className="projection-table__group">
                {c.day}
              </th>
            </tr>
            <tr>
              {[c.home, c.day].flatMap((group) =>
                [c.required, c.capacity, c.balance].map((label) => (
                  <th key={`${group}-${label}`} scope="col" className="num">
                    {label}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.area} data-area={r.area} className={i === 0 ? 'projection-table__city' : undefined}>
                <th scope="row">{r.name}</th>
                <td className="num">{n(r.need)}</td>
                {[r.places.stationaer, r.places.tagespflege].map((p, j) => [
                  <td key={`${j}-r`} className="num">
                    {n(p.required)}
                  </td>,
                  <td key={`${j}-c`} className="num">
                    {n(p.capacity)}
                  </td>,
                  <td key={`${j}-b`} className={p.balance < 0 ? 'num projection-table__missing' : 'num'}>
                    {signed(p.balance)}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="care-balance-hint" className="muted">
        {c.balanceHint}
      </p>
    </div>
  );
}
