import { useId } from 'react';
import type { TableReadResult } from '../api.ts';
import { sortProblems } from './import-mapping.ts';
import { importTexts } from './texts.ts';

const T = importTexts;

/** What the reader recognised about the file: format, encoding, shape, header, titles and notes. */
export function ImportRecognised({ report }: { report: TableReadResult }) {
  const lines = (list: string[]) =>
    list.length === 0 ? (
      T.none
    ) : (
      <ul className="plain-list">
        {list.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    );
  return (
    <dl className="facts" data-testid="import-recognised">
      <dt>{T.format}</dt>
      <dd>{T.formatValue(report.format, report.sheet)}</dd>
      {report.format === 'csv' && (
        <>
          <dt>{T.encoding}</dt>
          <dd>{report.encoding?.toUpperCase() ?? T.none}</dd>
          <dt>{T.delimiter}</dt>
          <dd>{report.delimiter ? (T.delimiters[report.delimiter] ?? `„${report.delimiter}“`) : T.none}</dd>
        </>
      )}
      <dt>{T.shape}</dt>
      <dd>{report.shape ? T.shapes[report.shape] : T.unknownShape}</dd>
      <dt>{T.headerRow}</dt>
      <dd>{T.headerRowValue(report.headerRow)}</dd>
      <dt>{T.titleLines}</dt>
      <dd>{lines(report.titleLines)}</dd>
      <dt>{T.notes}</dt>
      <dd>{lines(report.notes)}</dd>
    </dl>
  );
}

/** The Prüfbericht: summary and the problems as a table, errors first. */
export function ImportReport({ report }: { report: TableReadResult }) {
  const id = useId();
  const problems = sortProblems(report.problems);
  const total = problems.length + report.problemsLeftOff;
  return (
    <section className="import-report" aria-labelledby={`${id}-title`} data-testid="import-report">
      <h3 id={`${id}-title`}>{T.report}</h3>
      <p className={report.ok ? 'success' : 'alert'} data-testid="import-verdict">
        {report.ok ? T.reportOk : T.reportFailed}
      </p>
      <dl className="facts">
        <dt>{T.records}</dt>
        <dd data-testid="import-records">{report.stats.records.toLocaleString('de-DE')}</dd>
        <dt>{T.rows}</dt>
        <dd>{report.stats.rows.toLocaleString('de-DE')}</dd>
        <dt>{T.areas}</dt>
        <dd>{report.stats.areas.toLocaleString('de-DE')}</dd>
        <dt>{T.variablesFound}</dt>
        <dd>
          {report.variables.length === 0
            ? T.none
            : report.variables.map((v) => (v.label ? `${v.key} (${v.label})` : v.key)).join(', ')}
        </dd>
        <dt>{T.dates}</dt>
        <dd>{report.dates.length === 0 ? T.none : report.dates.join(', ')}</dd>
        <dt>{T.unknownKeys}</dt>
        <dd data-testid="import-unknown-keys">
          {report.unknownKeys.length === 0 ? (
            T.none
          ) : (
            <ul className="plain-list">
              {report.unknownKeys.map((k) => (
                <li key={k.key}>{T.unknownKey(k.key, k.rows, k.count)}</li>
              ))}
              {report.unknownKeysLeftOff > 0 && <li>{T.unknownLeftOff(report.unknownKeysLeftOff)}</li>}
            </ul>
          )}
        </dd>
      </dl>
      <h4 id={`${id}-problems`}>
        {T.problems} ({total.toLocaleString('de-DE')})
      </h4>
      {problems.length === 0 ? (
        <p className="muted">{T.noProblems}</p>
      ) : (
        <div className="import-problems">
          <table aria-labelledby={`${id}-problems`} data-testid="import-problems">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {T.row}
                </th>
                <th scope="col">{T.problemColumn}</th>
                <th scope="col">{T.message}</th>
                <th scope="col">{T.severity}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i} className={`is-${p.severity}`}>
                  <td className="num">{p.row ?? T.whole}</td>
                  <td>{p.column ?? T.whole}</td>
                  <td>{p.message}</td>
                  <td>
                    <span className={`severity severity--${p.severity}`}>{T.severities[p.severity]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.problemsLeftOff > 0 && <p className="muted">{T.problemsLeftOff(report.problemsLeftOff)}</p>}
    </section>
  );
}
