import { useState } from 'react';
import { analysisDownloads } from '../analysis/analysis-api.ts';
import { at } from '../analysis/texts.ts';
import { api, ApiError, messageOf, type AppConfig, type Indicator } from '../api.ts';
import { formatDate } from '../../core/format.ts';
import { navigate, paths } from '../router.ts';
import { t } from '../texts.ts';
import { atlasHref } from '../url-state.ts';
import { useFetched } from '../ui/useFetched.ts';
import { usePublishToggle } from './usePublishToggle.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { SheetDownloads } from './SheetDownloads.tsx';

type Level = AppConfig['levels'][number];

interface IndicatorSheetProps {
  indicatorKey: string;
  /** The catalogue's entry, shown until the Kennblatt itself has loaded. */
  listed: Indicator | undefined;
  config: AppConfig;
  /** Map levels (rank ≥ 1), coarse to fine. */
  levels: readonly Level[];
  canEdit: boolean;
  /** Changes whenever the catalogue or the login changed: load again. */
  reloadKey: string;
  onChanged: () => void;
  announce: (message: string) => void;
}

/** The Kennblatt (metadata sheet) of one indicator, with downloads and, for planners, editing. */
export function IndicatorSheet(props: IndicatorSheetProps) {
  const { indicatorKey, listed, canEdit, reloadKey, onChanged, announce } = props;
  const fetched = useFetched(`${indicatorKey}#${reloadKey}`, () => api.indicator(indicatorKey));
  const indicator = fetched.error ? undefined : (fetched.latest ?? listed);
  const publish = usePublishToggle(onChanged, announce);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const remove = (target: Indicator) => {
    setDeleting(true);
    setDeleteError(null);
    api.deleteIndicator(target.key).then(
      () => {
        announce(t.admin.deleted(target.name));
        onChanged();
        // the Kennblatt is gone: Back should not lead to it
        navigate(paths.catalogue, { replace: true });
      },
      (err: unknown) => {
        setDeleting(false);
        setDeleteError(messageOf(err));
      },
    );
  };

  const missing = fetched.error instanceof ApiError && fetched.error.status === 404;
  // the same heading element while loading and after: it may hold the focus
  return (
    <article className="page sheet" data-testid="indicator-sheet">
      <div className="page-head">
        <p className="eyebrow">
          {t.sheet.eyebrow}
          {indicator && ` · ${indicator.theme}`}
        </p>
        <PageHeading
          title={
            indicator
              ? `${indicator.name} – ${t.sheet.eyebrow} – ${t.appName}`
              : `${t.sheet.eyebrow} – ${t.appName}`
          }
        >
          {indicator?.name ?? t.sheet.eyebrow}
        </PageHeading>
        {indicator && !publish.published(indicator) && <p className="status-badge">{t.sheet.unpublished}</p>}
      </div>

      {!indicator ? (
        <>
          {fetched.error ? (
            <p className="alert" role="alert">
              {missing ? t.sheet.notFound(indicatorKey) : `${t.loadError} ${fetched.error.message}`}
            </p>
          ) : (
            <p className="notice">{t.loading}</p>
          )}
          <p>
            <Link to={paths.catalogue}>{t.sheet.backToCatalogue}</Link>
          </p>
        </>
      ) : (
        <>
          {canEdit && (
            <section className="toolbar" aria-label={t.admin.tools} data-testid="sheet-tools">
              <div className="toolbar__row">
                <Link to={paths.edit(indicator.key)} className="button button--primary">
                  {t.admin.edit}
                </Link>
                <button
                  type="button"
                  className="button button--danger-outline"
                  onClick={() => setConfirming(true)}
                >
                  {t.admin.delete}
                </button>
                <label className="switch switch--large">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={publish.published(indicator)}
                    disabled={publish.busy === indicator.key}
                    onChange={(e) => publish.toggle(indicator, e.target.checked)}
                  />
                  <span>{t.admin.published}</span>
                </label>
              </div>
              {publish.error && (
                <p className="alert" role="alert">
                  {publish.error}
                </p>
              )}
            </section>
          )}
          <SheetFacts indicator={indicator} latestDate={props.config.dates.at(-1)} />
          <p className="button-row">
            <Link to={atlasHref(indicator.key)} className="button">
              {t.catalogue.showInAtlas}
            </Link>
            <a className="button" href={analysisDownloads.sheetPdf(indicator.key)} data-testid="sheet-pdf">
              {at.sheetPdf}
            </a>
            <Link to={paths.catalogue} className="button">
              {t.sheet.backToCatalogue}
            </Link>
          </p>
          {props.config.dates.length > 0 && props.levels.length > 0 && (
            <SheetDownloads
              indicator={indicator}
              levels={props.levels}
              defaultLevel={props.config.defaultLevel}
              dates={props.config.dates}
              currentDate={props.config.currentDate}
              protectedOnly={!canEdit}
            />
          )}
          {confirming && (
            <ConfirmDialog
              title={t.admin.confirmTitle}
              text={t.admin.confirmText(indicator.name)}
              confirmLabel={t.admin.confirmDelete}
              busy={deleting}
              error={deleteError}
              onConfirm={() => remove(indicator)}
              onClose={() => {
                setConfirming(false);
                setDeleteError(null);
              }}
            />
          )}
        </>
      )}
    </article>
  );
}

/** Definition, calculation, unit, polarity, source, Stichtag, update cycle and key. */
function SheetFacts({ indicator, latestDate }: { indicator: Indicator; latestDate: string | undefined }) {
  const stated = (text: string) => text.trim() || <span className="muted">{t.sheet.notStated}</span>;
  return (
    <dl className="sheet__facts">
      <dt>{t.sheet.definition}</dt>
      <dd data-testid="sheet-definition">{indicator.description.trim() || t.sheet.noDefinition}</dd>
      <dt>{t.sheet.formula}</dt>
      <dd data-testid="sheet-formula">
        {t.formula[indicator.formula](indicator.periodYears)}
        <code className="formula">{t.formulaWritten(indicator)}</code>
        <span className="sheet__variables">
          {t.sheet.numerator}: <code>{indicator.numerator}</code>
          {' · '}
          {t.sheet.denominator}:{' '}
          {indicator.denominator ? <code>{indicator.denominator}</code> : t.sheet.noDenominator}
        </span>
      </dd>
      <dt>{t.sheet.unit}</dt>
      <dd>
        {stated(indicator.unit)} <span className="muted">({t.sheet.decimals(indicator.decimals)})</span>
      </dd>
      <dt>{t.sheet.polarity}</dt>
      <dd>{t.polarity[indicator.polarity]}</dd>
      <dt>{t.sheet.source}</dt>
      <dd data-testid="sheet-source">{stated(indicator.source)}</dd>
      <dt>{t.sheet.date}</dt>
      <dd>{latestDate ? formatDate(latestDate) : t.sheet.noDate}</dd>
      <dt>{t.sheet.updateCycle}</dt>
      <dd>{stated(indicator.updateCycle)}</dd>
      <dt>{t.sheet.key}</dt>
      <dd>
        <code>{indicator.key}</code>
      </dd>
    </dl>
  );
}
