import { useMemo } from 'react';
import { api, type Indicator, type User } from '../api.ts';
import { themesOf, variablesOf } from './catalogue.ts';
import { EMPTY_DRAFT, toDraft } from './indicator-draft.ts';
import { navigate, paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { IndicatorForm } from './IndicatorForm.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

interface IndicatorEditorProps {
  /** null: a new indicator. */
  indicatorKey: string | null;
  indicators: readonly Indicator[];
  user: User | null;
  canEdit: boolean;
  onLogin: () => void;
  onChanged: () => void;
  announce: (message: string) => void;
}

/** Page for a new indicator or for editing one (planners and admins). */
export function IndicatorEditor(props: IndicatorEditorProps) {
  const { indicatorKey, indicators, user, canEdit, onLogin, onChanged, announce } = props;
  const themes = useMemo(() => themesOf(indicators), [indicators]);
  const variables = useMemo(() => variablesOf(indicators), [indicators]);
  // the definition as stored now, not as listed when the catalogue loaded
  const fetched = useFetched(indicatorKey && canEdit ? `edit#${indicatorKey}` : null, () =>
    api.indicator(indicatorKey ?? ''),
  );
  const current = fetched.latest;
  const back = indicatorKey ? paths.sheet(indicatorKey) : paths.catalogue;
  const title = indicatorKey
    ? t.editor.editTitle(
        current?.name ?? indicators.find((i) => i.key === indicatorKey)?.name ?? indicatorKey,
      )
    : t.editor.createTitle;

  let body;
  if (!canEdit) {
    body = (
      <div className="notice">
        <p>{t.admin.needsRole}</p>
        {!user && (
          <button type="button" className="button button--primary" onClick={onLogin}>
            {t.editor.loginFirst}
          </button>
        )}
      </div>
    );
  } else if (indicatorKey && fetched.error) {
    body = (
      <p className="alert" role="alert">
        {fetched.error.message}
      </p>
    );
  } else if (indicatorKey && !current) {
    body = <p className="notice">{t.loading}</p>;
  } else {
    body = (
      <IndicatorForm
        key={current?.key ?? ''}
        mode={indicatorKey ? 'edit' : 'create'}
        initial={current ? toDraft(current) : EMPTY_DRAFT}
        themes={themes}
        variables={variables}
        onCancel={() => navigate(back)}
        onSaved={(saved) => {
          announce(t.admin.saved(saved.name));
          onChanged();
          // the form is done: Back leads to where editing started, not into the form again
          navigate(paths.sheet(saved.key), { replace: true });
        }}
      />
    );
  }

  return (
    <div className="page">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.catalogue}>{t.catalogue.title}</Link>
        </p>
        <PageHeading title={`${title} – ${t.appName}`}>{title}</PageHeading>
      </div>
      {body}
    </div>
  );
}
