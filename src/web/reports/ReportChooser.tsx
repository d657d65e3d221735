import { useId } from 'react';
import { DateSelect } from '../ui/DateSelect.tsx';
import { Link } from '../ui/Link.tsx';
import type { PageProps } from '../page-props.ts';
import { paths } from '../router.ts';
import { REPORT_FORMATS, type AreaSummary, type ReportFormat, type TemplateSummary } from './api.ts';
import type { PublicChoice } from './own-areas.ts';
import type { ReportChoice } from './report-url.ts';
import { rt } from './texts.ts';

const f = rt.form;

interface ReportChooserProps {
  templates: readonly TemplateSummary[];
  /** The template chosen (resolved against the list). */
  template: TemplateSummary;
  choice: ReportChoice;
  /** The level and Stichtag in effect (defaults resolved). */
  level: string;
  date: string;
  levels: PageProps['levels'];
  dates: readonly string[];
  /** Areas of the level (area templates); null while loading. */
  areas: readonly AreaSummary[] | null;
  /** May choose unprotected values (planners, admins). */
  mayChooseInternal: boolean;
  /**
   * A planner bound to one area (`label`, e.g. „Gemeinde Musterhausen“): only the Steckbrief of an
   * area inside it can be internal (to that scope); `choice` says whether this one can.
   */
  scope?: { label: string; choice: PublicChoice };
  canEdit: boolean;
  onChange: (patch: Partial<ReportChoice>) => void;
}

/** Template, target (level and area or the city), Stichtag, format and audience of a report. */
export function ReportChooser(props: ReportChooserProps) {
  const { templates, template, choice, level, date, levels, dates, areas, mayChooseInternal, canEdit } =
    props;
  const { onChange } = props;
  const id = useId();
  const builtin = templates.filter((t) => t.builtin);
  const own = templates.filter((t) => !t.builtin);
  const option = (t: TemplateSummary) => (
    <option key={t.key} value={t.key}>
      {t.name} ({f.scope[t.scope]})
    </option>
  );
  const { scope } = props;
  // the report is published whatever is chosen: the box shows so and cannot be changed
  const forced = scope?.choice === 'published';
  const isPublic = !mayChooseInternal || forced || !choice.internal;

  return (
    <div className="reports-chooser">
      <div className="field reports-chooser__template">
        <label htmlFor={`${id}-template`}>{f.template}</label>
        <select
          id={`${id}-template`}
          value={template.key}
          onChange={(e) => onChange({ template: e.target.value })}
          aria-describedby={`${id}-template-hint`}
          data-testid="report-template"
        >
          <optgroup label={f.builtinGroup}>{builtin.map(option)}</optgroup>
          {own.length > 0 && <optgroup label={f.ownGroup}>{own.map(option)}</optgroup>}
        </select>
        <p id={`${id}-template-hint`} className="field__hint">
          {template.description}
        </p>
        <p className="reports-chooser__links">
          <Link to={paths.reportTemplate(template.key)} data-testid="edit-template">
            {canEdit ? f.editTemplate : f.showTemplate}
          </Link>
          {canEdit && (
            <>
              {' · '}
              <Link to={paths.reportTemplate(null)} data-testid="new-template">
                {f.newTemplate}
              </Link>
            </>
          )}
        </p>
      </div>

      <div className="reports-chooser__row">
        <div className="field">
          <label htmlFor={`${id}-level`}>{f.level}</label>
          <select
            id={`${id}-level`}
            value={level}
            onChange={(e) => onChange({ level: e.target.value, area: null })}
            aria-describedby={template.scope === 'city' ? `${id}-level-hint` : undefined}
          >
            {levels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
          {template.scope === 'city' && (
            <p id={`${id}-level-hint`} className="field__hint">
              {f.levelCityHint}
            </p>
          )}
        </div>
        {template.scope === 'area' && (
          <div className="field">
            <label htmlFor={`${id}-area`}>{f.area}</label>
            <select
              id={`${id}-area`}
              value={choice.area ?? ''}
              onChange={(e) => onChange({ area: e.target.value || null })}
              disabled={!areas}
              data-testid="report-area"
            >
              <option value="">{areas ? f.areaChoose : f.areasLoading}</option>
              {areas?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <DateSelect
          id={`${id}-date`}
          label={f.date}
          dates={dates}
          value={date}
          onChange={(d) => onChange({ date: d })}
        />
      </div>

      <fieldset className="field segmented reports-chooser__format">
        <legend>{f.format}</legend>
        <div className="segmented__options">
          {REPORT_FORMATS.map((format: ReportFormat) => (
            <label key={format} className="segmented__option">
              <input
                type="radio"
                name={`${id}-format`}
                value={format}
                checked={choice.format === format}
                onChange={() => onChange({ format })}
              />
              <span>{f.formats[format]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="reports-chooser__public">
        <div className="checkbox-field">
          <input
            id={`${id}-public`}
            type="checkbox"
            checked={isPublic}
            disabled={!mayChooseInternal || forced || scope?.choice === 'unknown'}
            onChange={(e) => onChange({ internal: !e.target.checked })}
            aria-describedby={`${id}-public-hint`}
            data-testid="report-public"
          />
          <label htmlFor={`${id}-public`}>{f.public}</label>
        </div>
        <p id={`${id}-public-hint`} className="field__hint">
          {!mayChooseInternal
            ? f.publicForced
            : forced
              ? f.publicForcedScoped(scope.label)
              : scope
                ? f.internalHintScoped
                : f.internalHint}
        </p>
      </div>
    </div>
  );
}
