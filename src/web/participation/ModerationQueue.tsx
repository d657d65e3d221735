import { useId, useState } from 'react';
import { messageOf } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { REMARK_CATEGORIES } from '../../remarks/remark-categories.ts';
import { remarksApi, surveysApi } from './participation-api.ts';
import { bt } from './texts.ts';

interface Item {
  id: number;
  label: string;
  text: string;
}

/** One list of things to approve or reject. */
function Queue({
  title,
  items,
  onModerate,
  testId,
}: {
  title: string;
  items: Item[] | undefined;
  onModerate: (id: number, status: 'approved' | 'rejected') => Promise<unknown>;
  testId: string;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const act = (item: number, status: 'approved' | 'rejected') =>
    onModerate(item, status).then(
      () => setError(null),
      (e: unknown) => setError(messageOf(e)),
    );
  return (
    <section aria-labelledby={`${id}-h`} data-testid={testId}>
      <h4 id={`${id}-h`}>{title}</h4>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {items === undefined ? (
        <p className="muted">{bt.loading}</p>
      ) : items.length === 0 ? (
        <p className="muted">{bt.nothingPending}</p>
      ) : (
        <ul className="plain-list participation-queue">
          {items.map((item) => (
            <li key={item.id}>
              <p>
                <span className="muted">{item.label}: </span>„{item.text}“
              </p>
              <p className="button-row">
                <button type="button" className="button" onClick={() => void act(item.id, 'approved')}>
                  {bt.approve}
                </button>
                <button
                  type="button"
                  className="button button--danger-outline"
                  onClick={() => void act(item.id, 'rejected')}
                >
                  {bt.reject}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Free texts of the chosen survey and remarks on the map that wait for a person to read them. */
export function ModerationQueue({
  surveyKey,
  onChanged,
  announce,
}: {
  surveyKey: string | null;
  onChanged: () => void;
  announce: (m: string) => void;
}) {
  const id = useId();
  const [revision, setRevision] = useState(0);
  const texts = useFetched(surveyKey ? `texts#${surveyKey}#${revision}` : null, () =>
    surveysApi.texts(surveyKey!, 'pending'),
  );
  const remarks = useFetched(`remarks#${revision}`, () => remarksApi.queue('pending'));
  const done = (status: 'approved' | 'rejected') => {
    announce(status === 'approved' ? bt.approved : bt.rejected);
    setRevision((n) => n + 1);
    onChanged();
  };
  return (
    <section className="import-step" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{bt.moderation}</h3>
      {surveyKey && (
        <Queue
          title={bt.pendingTexts}
          testId="pending-texts"
          items={texts.data?.map((t) => ({ id: t.id, label: t.questionText, text: t.text }))}
          onModerate={(item, status) =>
            surveysApi.moderateText(surveyKey, item, status).then(() => done(status))
          }
        />
      )}
      <Queue
        title={bt.pendingRemarks}
        testId="pending-remarks"
        items={remarks.data?.map((r) => ({
          id: r.id,
          label: `${REMARK_CATEGORIES[r.category]}${r.area ? `, ${r.area.name}` : ''}`,
          text: r.text,
        }))}
        onModerate={(item, status) => remarksApi.moderate(item, status).then(() => done(status))}
      />
    </section>
  );
}
