import { useId } from 'react';
import type { SurveyResults } from './participation-api.ts';
import { bt } from './texts.ts';

/**
 * Results of a survey: one table per countable question with a row for all answers and one per
 * area (merged areas marked „zusammengefasst“ with the areas they hold); approved free texts.
 * A question withheld in a row shows „zurückgehalten“ and no number: a 0 would be a false count.
 */
export function SurveyResultsView({ results }: { results: SurveyResults }) {
  const id = useId();
  return (
    <section className="import-step" aria-labelledby={`${id}-h`} data-testid="survey-results">
      <h3 id={`${id}-h`}>
        {bt.results} ({bt.responses(results.n)})
      </h3>
      <p className="muted">
        {results.shown ? bt.resultsNote(results.minAnswers) : bt.tooFew(results.minAnswers)}
      </p>
      {results.questions.map((q) =>
        q.total ? (
          <div key={q.id} className="table-scroll">
            <table className="participation-results">
              <caption>
                {bt.questionN(q.position + 1)}: {q.text}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{bt.area}</th>
                  <th scope="col">{bt.n}</th>
                  {q.labels.map((l) => (
                    <th scope="col" key={l}>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{bt.total}</th>
                  <td>{q.total.answered}</td>
                  {q.total.counts.map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
                {results.areas.map((a) => {
                  const counts = a.questions.find((x) => x.question === q.id);
                  return (
                    <tr
                      key={`${a.key}-${a.members[0]?.key}`}
                      className={a.merged ? 'participation-results--merged' : ''}
                    >
                      <th scope="row">
                        {a.name}
                        {a.merged && (
                          <span className="participation-results__members">
                            {' '}
                            ({bt.members}: {a.members.map((m) => m.name).join(', ')})
                          </span>
                        )}
                      </th>
                      {counts && !counts.withheld && counts.counts ? (
                        <>
                          <td>{counts.answered}</td>
                          {counts.counts.map((c, i) => (
                            <td key={i}>{c}</td>
                          ))}
                        </>
                      ) : (
                        <td
                          colSpan={q.labels.length + 1}
                          className="participation-results__withheld"
                          title={bt.withheldWhy(results.minAnswers)}
                          data-testid="withheld"
                        >
                          {bt.withheld}
                          <span className="visually-hidden">: {bt.withheldWhy(results.minAnswers)}</span>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : q.kind === 'text' ? (
          <div key={q.id}>
            <h4>
              {bt.approvedTexts} – {bt.questionN(q.position + 1)}: {q.text}
            </h4>
            {q.texts.length ? (
              <ul className="plain-list">
                {q.texts.map((t, i) => (
                  <li key={i}>„{t}“</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{bt.noTexts}</p>
            )}
          </div>
        ) : null,
      )}
    </section>
  );
}
