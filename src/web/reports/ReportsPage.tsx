import { useCallback, useEffect, useMemo, useState } from 'react';
import { messageOf } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { defaultDate } from '../ui/dates.ts';
import type { PageProps } from '../page-props.ts';
import { useFetched } from '../ui/useFetched.ts';
import { renderHref, reportsApi, type ReportMeta, type ReportRequest, type TemplateSummary } from './api.ts';
import { ReportChooser } from './ReportChooser.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { readReportChoice, writeReportChoice, type ReportChoice } from './report-url.ts';
import { StoredReportTable } from './StoredReportTable.tsx';
import { hasAreaProfiles } from './template-draft.ts';
import { publicChoice } from './own-areas.ts';
import { useScopeLists } from './useScopeLists.ts';
import { rt } from './texts.ts';
import { useStoredReports } from './useStoredReports.ts';
import './reports.css';
import { chosenLevel } from '../ui/levels.ts';

const f = rt.form;
/** Opened first when the address names no template: quick, and works on every catalogue. */
const FIRST_TEMPLATE = 'steckbrief';

/** Built-in templates first (in the server's order), then the city's own by name. */
const ordered = (list: readonly TemplateSummary[]) => [
  ...list.filter((t) => t.builtin),
  ...list.filter((t) => !t.builtin).sort((a, b) => a.name.localeCompare(b.name, 'de')),
];

/**
 * Berichte: choose a template, its target and Stichtag, preview it as HTML, download it as PDF,
 * Word or HTML, or generate and store it; below, the stored reports.
 */
export function ReportsPage({ config, levels, user, canEdit, announce }: PageProps) {
  const [choice, setChoice] = useState<ReportChoice>(() => readReportChoice(window.location.search));
  const [preview, setPreview] = useState<{ src: string; name: string; slow: boolean } | null>(null);
  const [storing, setStoring] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const session = user?.id !== undefined ? String(user.id) : '-';

  const list = useFetched(`report-templates#${session}`, () => reportsApi.templates());
  // a statement template is made from a Stellungnahme, not from a level and an area
  const templates = useMemo(
    () =>
      ordered(list.latest?.templates ?? []).filter((t) => t.scope !== 'statement' && t.scope !== 'measure'),
    [list.latest],
  );
  const template =
    templates.find((t) => t.key === choice.template) ??
    templates.find((t) => t.key === FIRST_TEMPLATE) ??
    templates[0];
  const level = chosenLevel(levels, choice.level, config.defaultLevel);
  const date = choice.date !== null && config.dates.includes(choice.date) ? choice.date : defaultDate(config);
  const isArea = template?.scope === 'area';
  const areas = useFetched(isArea ? `areas#${level.key}` : null, () => reportsApi.areas(level.key));
  const areaList = useMemo(
    () => (areas.data ? [...areas.data].sort((a, b) => a.name.localeCompare(b.name, 'de')) : null),
    [areas.data],
  );
  const area = isArea ? (areaList?.find((a) => a.id === choice.area) ?? null) : null;
  const scope = user?.scope && user.role !== 'admin' ? user.scope : null;
  const own = useScopeLists(scope, isArea ? level.key : null, config.levels);
  const audience = publicChoice(
    canEdit ? scope : null,
    template?.scope ?? 'area',
    { level: level.key, id: area?.id ?? null },
    config.levels,
    own.lists,
  );
  // the full template says whether the preview will include every area's Steckbrief
  const full = useFetched(template ? `report-template#${template.key}#${session}` : null, () =>
    reportsApi.template(template!.key),
  );
  const slow = !!full.data && hasAreaProfiles(full.data);

  useEffect(() => writeReportChoice(choice), [choice]);

  const onFinished = useCallback(
    (meta: ReportMeta) => announce(`${meta.title}: ${rt.stored.statuses[meta.status]}`),
    [announce],
  );
  const stored = useStoredReports(session, onFinished);

  const change = (patch: Partial<ReportChoice>) => {
    setNotice(null);
    setChoice((c) => ({ ...c, ...patch }));
  };

  if (list.error && !list.latest)
    return (
      <div className="page reports-page">
        <PageHeading title={rt.docTitle}>{rt.title}</PageHeading>
        <p className="alert" role="alert">
          {list.error.message}
        </p>
      </div>
    );

  const ready = !!template && (!isArea || !!area) && audience !== 'unknown';
  const request: ReportRequest | null =
    template && ready
      ? {
          template: template.key,
          level: level.key,
          ...(area ? { area: area.id } : {}),
          date,
          format: choice.format,
          public: !canEdit || !choice.internal || audience === 'published',
        }
      : null;

  const store = () => {
    if (!request) return;
    setStoring(true);
    setNotice(null);
    reportsApi.create(request).then(
      (meta) => {
        setStoring(false);
        stored.add(meta);
        setNotice({ ok: true, text: f.stored(meta.title) });
        announce(f.stored(meta.title));
      },
      (err: unknown) => {
        setStoring(false);
        setNotice({ ok: false, text: messageOf(err) });
      },
    );
  };

  return (
    <div className="page reports-page">
      <div className="page-head">
        <PageHeading title={rt.docTitle}>{rt.title}</PageHeading>
        <p className="page-intro">{rt.intro}</p>
      </div>

      <section className="reports-section" aria-labelledby="reports-form-heading">
        <h2 id="reports-form-heading">{f.heading}</h2>
        {!template ? (
          <p className="notice">{list.latest ? rt.noTemplates : rt.loading}</p>
        ) : (
          <form className="reports-form" onSubmit={(e) => e.preventDefault()} data-testid="report-form">
            <ReportChooser
              templates={templates}
              template={template}
              choice={choice}
              level={level.key}
              date={date}
              levels={levels}
              dates={config.dates}
              areas={areaList}
              mayChooseInternal={canEdit}
              scope={scope ? { label: own.label, choice: audience } : undefined}
              canEdit={canEdit}
              onChange={change}
            />
            {isArea && areaList && !area && <p className="field__hint">{f.needArea}</p>}
            <div className="button-row reports-form__buttons">
              <button
                type="button"
                className="button button--primary"
                disabled={!request}
                onClick={() =>
                  request &&
                  setPreview({
                    src: renderHref({ ...request, format: 'html' }),
                    name: area ? `${template.name} ${area.name}` : template.name,
                    slow,
                  })
                }
              >
                {f.preview}
              </button>
              {request ? (
                <a className="button" href={renderHref(request)} download data-testid="report-download">
                  {f.download}
                </a>
              ) : (
                <button type="button" className="button" disabled>
                  {f.download}
                </button>
              )}
              {canEdit && (
                <button type="button" className="button" disabled={!request || storing} onClick={store}>
                  {storing ? f.storing : f.store}
                </button>
              )}
            </div>
            {slow && <p className="field__hint">{rt.preview.slow}</p>}
            {notice && (
              <p className={notice.ok ? 'success' : 'alert'} role={notice.ok ? 'status' : 'alert'}>
                {notice.text}
              </p>
            )}
          </form>
        )}
      </section>

      {preview && (
        <ReportPreview
          src={preview.src}
          name={preview.name}
          slow={preview.slow}
          onClose={() => setPreview(null)}
        />
      )}

      <section className="reports-section" aria-labelledby="reports-stored-heading">
        <h2 id="reports-stored-heading">{rt.stored.heading}</h2>
        {!canEdit && <p className="muted">{rt.stored.loginNote}</p>}
        {stored.error && (
          <p className="alert" role="alert">
            {stored.error}
          </p>
        )}
        {stored.reports === null ? (
          <p className="notice">{rt.loading}</p>
        ) : stored.reports.length === 0 ? (
          !stored.error && <p className="muted">{rt.stored.empty}</p>
        ) : (
          <StoredReportTable
            reports={stored.reports}
            canStore={canEdit}
            onAdded={stored.add}
            onRemoved={stored.remove}
            announce={announce}
          />
        )}
      </section>
    </div>
  );
}
