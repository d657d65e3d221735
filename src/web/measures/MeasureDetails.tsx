import type { ReactNode } from 'react';
import { formatDate } from '../../core/format.ts';
import { measureDocumentHref, type Measure } from './measures-api.ts';
import { formatEuro } from './measure-tree.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { mt } from './texts.ts';

const d = mt.details;

/** A term and its description in the facts list; nothing for an empty value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

const orNot = (text: string) => text || <span className="muted">{d.notStated}</span>;

/**
 * What a reader learns about one entry: description, facts and money, areas, the decision, the
 * impact ladder (Output → Outcome → Impact) and the milestones; for planners the Beschlussvorlage
 * to download. Goals, their effect and the planners' tools are composed around it by the page.
 */
export function MeasureDetails({
  measure: m,
  parentTitle,
  documents = false,
}: {
  measure: Measure;
  parentTitle: string | null;
  /** Links to the Beschlussvorlage (planners: the document shows unprotected values). */
  documents?: boolean;
}) {
  const period = [
    m.startDate && d.since(formatDate(m.startDate)),
    m.endDate && d.until(formatDate(m.endDate)),
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {documents && (
        <div className="button-row" role="group" aria-label={mt.documents.label}>
          <a
            className="button"
            href={measureDocumentHref(m.id, 'pdf')}
            download
            data-testid="measure-document-pdf"
          >
            {mt.documents.pdf}
          </a>
          <a
            className="button"
            href={measureDocumentHref(m.id, 'docx')}
            download
            data-testid="measure-document-docx"
          >
            {mt.documents.docx}
          </a>
        </div>
      )}
      {m.description && <p className="measure-description">{m.description}</p>}
      <dl className="facts" data-testid="measure-facts">
        <Fact term={d.kind}>{mt.kinds[m.kind]}</Fact>
        <Fact term={d.status}>{mt.statuses[m.status]}</Fact>
        <Fact term={mt.columns.progress}>
          <ProgressBar progress={m.progress} hasGoals={m.goals.length > 0 || m.progress !== null} />
        </Fact>
        {parentTitle && <Fact term={d.parent}>{parentTitle}</Fact>}
        <Fact term={d.organisation}>{orNot(m.organisation)}</Fact>
        <Fact term={d.funding}>{orNot(m.funding)}</Fact>
        <Fact term={d.budgetPlanned}>{formatEuro(m.budgetPlanned)}</Fact>
        <Fact term={d.budgetSpent}>{formatEuro(m.budgetSpent)}</Fact>
        <Fact term={d.period}>{orNot(period)}</Fact>
        <Fact term={d.areas}>
          {m.areas.length ? (
            m.areas.map((a) => a.name).join(', ')
          ) : (
            <span className="muted">{d.noAreas}</span>
          )}
        </Fact>
      </dl>

      <h3>{d.decision}</h3>
      {m.decision ? (
        <dl className="facts" data-testid="measure-decision">
          <Fact term={d.decisionBody}>{m.decision.body}</Fact>
          <Fact term={d.decisionMeeting}>{orNot(m.decision.meeting)}</Fact>
          <Fact term={d.decisionDate}>{formatDate(m.decision.date)}</Fact>
          <Fact term={d.decisionText}>{orNot(m.decision.text)}</Fact>
        </dl>
      ) : (
        <p className="muted">{d.noDecision}</p>
      )}

      <h3>{d.ladder}</h3>
      <ol className="impact-ladder" data-testid="impact-ladder">
        <li>
          <strong>{d.output}</strong> {orNot(m.output)}
        </li>
        <li>
          <strong>{d.outcome}</strong> {orNot(m.outcome)}
        </li>
        <li>
          <strong>{d.impact}</strong> {orNot(m.impact)}
        </li>
      </ol>

      <h3>{d.milestones}</h3>
      {m.milestones.length ? (
        <ul className="milestones">
          {m.milestones.map((s, i) => (
            <li key={i}>
              {s.title}
              {s.due && ` – ${d.milestoneDue(formatDate(s.due))}`} –{' '}
              <span className={s.done ? 'milestone--done' : undefined}>
                {s.done ? d.milestoneDone : d.milestoneOpen}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{d.noMilestones}</p>
      )}
    </>
  );
}
