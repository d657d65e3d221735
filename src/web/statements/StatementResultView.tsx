import { formatNumber } from '../../core/format.ts';
import type { StatementResult } from './statement-api.ts';
import { sm } from './texts.ts';

const rate = (value: number | null | undefined) => (value == null ? '–' : `${formatNumber(value, 1)} %`);

/**
 * What a statement computes, as the document shows it in short: affected areas, residents by
 * age group per year, the additional need per norm with the coverage before and after, and what
 * was not applied and why.
 */
export function StatementResultView({ result, saved }: { result: StatementResult; saved: boolean }) {
  const { statement } = result;
  return (
    <section className="import-step statement-result" aria-labelledby="statement-result-title">
      <h2 id="statement-result-title">
        {sm.result(statement.name)}
        {!saved && <span className="muted"> ({sm.resultUnsaved})</span>}
      </h2>
      <h3>{sm.areas}</h3>
      <ul data-testid="statement-areas">
        {result.areas.map((a) => (
          <li key={a.key}>
            {sm.areaShare(`${a.name} (${result.levelName})`, `${formatNumber(a.share * 100, 0)} %`)}
          </li>
        ))}
      </ul>
      <h3>{sm.residents}</h3>
      <div className="table-scroll">
        <table data-testid="statement-residents">
          <caption className="visually-hidden">{sm.residents}</caption>
          <thead>
            <tr>
              <th scope="col">{sm.year}</th>
              {result.groups.map((g) => (
                <th scope="col" key={g.key} className="num">
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.residents.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                {result.groups.map((g) => (
                  <td key={g.key} className="num">
                    {formatNumber(r.groups[g.key] ?? 0, 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{sm.needs}</h3>
      <div className="table-scroll">
        <table data-testid="statement-needs">
          <caption className="visually-hidden">{sm.needs}</caption>
          <thead>
            <tr>
              <th scope="col">{sm.need.name}</th>
              <th scope="col" className="num">
                {sm.need.peak}
              </th>
              <th scope="col" className="num">
                {sm.need.peakYear}
              </th>
              <th scope="col" className="num">
                {sm.need.before}
              </th>
              <th scope="col" className="num">
                {sm.need.after}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.needs.map((n) => (
              <tr key={n.key}>
                <th scope="row">{n.name}</th>
                <td className="num">
                  {formatNumber(n.peak.need, 1)} {n.capacityUnit}
                </td>
                <td className="num">{n.peak.year}</td>
                <td className="num">{rate(n.coverage?.total?.rate)}</td>
                <td className="num">{rate(n.coverage?.total?.rateAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(result.skipped.length > 0 || !result.care.computed) && (
        <>
          <h3>{sm.skipped}</h3>
          <ul>
            {result.skipped.map((s) => (
              <li key={s.key}>
                {s.name}: {s.reason}
              </li>
            ))}
            {!result.care.computed && <li>{result.care.note}</li>}
          </ul>
        </>
      )}
      {result.notes.length > 0 && (
        <>
          <h3>{sm.notes}</h3>
          <ul>
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
