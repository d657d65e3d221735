import type { Indicator } from '../api.ts';
import { byTheme } from '../indicators/catalogue.ts';
import { Field } from '../ui/form-field.tsx';
import type { FieldWiring } from '../ui/form-field.tsx';
import type { Block, TemplateSummary } from './api.ts';
import { CheckList } from './CheckList.tsx';
import { IntegerInput } from './IntegerInput.tsx';
import { rt } from './texts.ts';

const b = rt.blocks;

export interface BlockChoices {
  indicators: readonly Indicator[];
  /** Themes of the catalogue, alphabetically. */
  themes: readonly string[];
  /** Templates of scope `area` (for the Steckbriefe of a Sozialbericht). */
  areaTemplates: readonly TemplateSummary[];
  levels: readonly { key: string; name: string }[];
}

interface BlockFieldsProps {
  block: Block;
  /** Field path of the block (`chapters.0.blocks.2`). */
  path: string;
  wiring: FieldWiring;
  choices: BlockChoices;
  onChange: (block: Block) => void;
}

/** An indicator select grouped by theme; an unknown key (from an import) stays selectable. */
function IndicatorOptions({
  indicators,
  value,
}: {
  indicators: readonly Indicator[];
  value: string | undefined;
}) {
  return (
    <>
      {value && !indicators.some((i) => i.key === value) && <option value={value}>{value}</option>}
      {byTheme(indicators).map(([theme, group]) => (
        <optgroup key={theme} label={theme}>
          {group.map((i) => (
            <option key={i.key} value={i.key}>
              {i.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** The fields of one block, by its type (report.schema.ts). */
export function BlockFields({ block, path, wiring, choices, onChange }: BlockFieldsProps) {
  const p = (field: string) => `${path}.${field}`;
  switch (block.type) {
    case 'heading':
    case 'text':
      return (
        <Field
          wiring={wiring}
          path={p('text')}
          label={block.type === 'heading' ? b.heading : b.text}
          hint={b.placeholders}
          wide
        >
          {(props) =>
            block.type === 'heading' ? (
              <input
                {...props}
                value={block.text}
                onChange={(e) => onChange({ ...block, text: e.target.value })}
              />
            ) : (
              <textarea
                {...props}
                rows={4}
                value={block.text}
                onChange={(e) => onChange({ ...block, text: e.target.value })}
              />
            )
          }
        </Field>
      );
    case 'list':
      return (
        <Field wiring={wiring} path={p('items')} label={b.items} hint={b.placeholders} wide>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={block.items.join('\n')}
              onChange={(e) => onChange({ ...block, items: e.target.value.split('\n') })}
            />
          )}
        </Field>
      );
    case 'summary':
      return <p className="muted form-grid__wide">{b.auto}</p>;
    case 'pagebreak':
      return <p className="muted form-grid__wide">{b.pagebreak}</p>;
    case 'source':
      return (
        <Field wiring={wiring} path={p('text')} label={b.sourceText} wide>
          {(props) => (
            <input
              {...props}
              value={block.text ?? ''}
              onChange={(e) => onChange({ ...block, text: e.target.value })}
            />
          )}
        </Field>
      );
    case 'indicator_table':
      return (
        <>
          <Field wiring={wiring} path={p('title')} label={b.tableTitle} wide>
            {(props) => (
              <input
                {...props}
                value={block.title ?? ''}
                onChange={(e) => onChange({ ...block, title: e.target.value })}
              />
            )}
          </Field>
          <CheckList
            id={wiring.id(p('themes'))}
            legend={b.themes}
            options={choices.themes.map((t) => ({ value: t, label: t }))}
            value={block.themes}
            onChange={(themes) => onChange({ ...block, themes })}
          />
          <CheckList
            id={wiring.id(p('indicators'))}
            legend={b.indicators}
            hint={b.indicatorsHint}
            options={choices.indicators.map((i) => ({ value: i.key, label: i.name, group: i.theme }))}
            value={block.indicators}
            onChange={(indicators) => onChange({ ...block, indicators })}
          />
        </>
      );
    case 'kreis_comparison':
      return (
        <>
          <CheckList
            id={wiring.id(p('themes'))}
            legend={b.themes}
            options={choices.themes.map((t) => ({ value: t, label: t }))}
            value={block.themes}
            onChange={(themes) => onChange({ ...block, themes })}
          />
          <CheckList
            id={wiring.id(p('indicators'))}
            legend={b.indicators}
            hint={b.kreisIndicatorsHint}
            options={choices.indicators.map((i) => ({ value: i.key, label: i.name, group: i.theme }))}
            value={block.indicators}
            onChange={(indicators) => onChange({ ...block, indicators })}
          />
        </>
      );
    case 'map':
    case 'chart':
    case 'ranking':
      return (
        <>
          <Field wiring={wiring} path={p('indicator')} label={b.indicator}>
            {(props) => (
              <select
                {...props}
                value={block.indicator ?? ''}
                onChange={(e) => onChange({ ...block, indicator: e.target.value || undefined })}
              >
                <option value="">{b.indicatorNone}</option>
                <IndicatorOptions indicators={choices.indicators} value={block.indicator} />
              </select>
            )}
          </Field>
          <Field wiring={wiring} path={p('theme')} label={b.theme} hint={b.themeHint}>
            {(props) => (
              <select
                {...props}
                value={block.theme ?? ''}
                onChange={(e) => onChange({ ...block, theme: e.target.value || undefined })}
              >
                <option value="">{b.themeNone}</option>
                {block.theme && !choices.themes.includes(block.theme) && (
                  <option value={block.theme}>{block.theme}</option>
                )}
                {choices.themes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path={p('count')} label={b.count}>
            {(props) => (
              <select
                {...props}
                value={block.count}
                onChange={(e) => onChange({ ...block, count: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {block.type === 'ranking' ? (
            <>
              <Field wiring={wiring} path={p('around')} label={b.around}>
                {(props) => (
                  <IntegerInput
                    {...props}
                    value={block.around}
                    onChange={(n) => onChange({ ...block, around: n ?? 0 })}
                  />
                )}
              </Field>
              <Field wiring={wiring} path={p('limit')} label={b.limit}>
                {(props) => (
                  <IntegerInput
                    {...props}
                    value={block.limit}
                    onChange={(n) => onChange({ ...block, limit: n ?? 1 })}
                  />
                )}
              </Field>
            </>
          ) : (
            <Field wiring={wiring} path={p('title')} label={b.figureTitle}>
              {(props) => (
                <input
                  {...props}
                  value={block.title ?? ''}
                  onChange={(e) => onChange({ ...block, title: e.target.value })}
                />
              )}
            </Field>
          )}
        </>
      );
    case 'matrix':
      return (
        <Field wiring={wiring} path={p('index')} label={b.index}>
          {(props) => (
            <input
              {...props}
              value={block.index ?? ''}
              spellCheck={false}
              onChange={(e) => onChange({ ...block, index: e.target.value || undefined })}
            />
          )}
        </Field>
      );
    case 'warnings':
    case 'findings':
      return (
        <Field
          wiring={wiring}
          path={p('limit')}
          label={block.type === 'warnings' ? b.warningsLimit : b.findingsLimit}
        >
          {(props) => (
            <IntegerInput
              {...props}
              value={block.limit}
              onChange={(n) => onChange({ ...block, limit: n ?? 1 })}
            />
          )}
        </Field>
      );
    case 'statement':
      return (
        <Field wiring={wiring} path={p('part')} label={b.statementPart}>
          {(props) => (
            <select
              {...props}
              value={block.part}
              onChange={(e) => onChange({ ...block, part: e.target.value as typeof block.part })}
            >
              {Object.entries(b.statementParts).map(([part, label]) => (
                <option key={part} value={part}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'needs_ranking':
      return (
        <>
          <Field wiring={wiring} path={p('part')} label={b.needsPart}>
            {(props) => (
              <select
                {...props}
                value={block.part}
                onChange={(e) => onChange({ ...block, part: e.target.value as typeof block.part })}
              >
                {Object.entries(b.needsParts).map(([part, label]) => (
                  <option key={part} value={part}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path={p('norm')} label={b.needsNorm}>
            {(props) => (
              <input
                {...props}
                value={block.norm}
                spellCheck={false}
                onChange={(e) => onChange({ ...block, norm: e.target.value })}
              />
            )}
          </Field>
          <Field wiring={wiring} path={p('index')} label={b.needsIndex}>
            {(props) => (
              <input
                {...props}
                value={block.index ?? ''}
                spellCheck={false}
                onChange={(e) => onChange({ ...block, index: e.target.value || undefined })}
              />
            )}
          </Field>
          <Field wiring={wiring} path={p('top')} label={b.needsTop}>
            {(props) => (
              <IntegerInput
                {...props}
                value={block.top}
                onChange={(n) => onChange({ ...block, top: n ?? 10 })}
              />
            )}
          </Field>
          <Field wiring={wiring} path={p('radius')} label={b.needsRadius}>
            {(props) => (
              <IntegerInput
                {...props}
                optional
                value={block.radius}
                onChange={(n) => onChange({ ...block, radius: n ?? undefined })}
              />
            )}
          </Field>
        </>
      );
    case 'care_plan':
      return (
        <Field wiring={wiring} path={p('view')} label={b.careView}>
          {(props) => (
            <select
              {...props}
              value={block.view}
              onChange={(e) => onChange({ ...block, view: e.target.value as typeof block.view })}
            >
              {Object.entries(b.careViews).map(([view, label]) => (
                <option key={view} value={view}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'measures':
      return (
        <Field wiring={wiring} path={p('view')} label={b.measuresView}>
          {(props) => (
            <select
              {...props}
              value={block.view}
              onChange={(e) => onChange({ ...block, view: e.target.value as typeof block.view })}
            >
              {Object.entries(b.measuresViews).map(([view, label]) => (
                <option key={view} value={view}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'area_profiles':
      return (
        <>
          <Field wiring={wiring} path={p('template')} label={b.profileTemplate}>
            {(props) => (
              <select
                {...props}
                value={block.template}
                onChange={(e) => onChange({ ...block, template: e.target.value })}
              >
                {!choices.areaTemplates.some((t) => t.key === block.template) && (
                  <option value={block.template}>{block.template}</option>
                )}
                {choices.areaTemplates.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path={p('level')} label={b.profileLevel}>
            {(props) => (
              <select
                {...props}
                value={block.level ?? ''}
                onChange={(e) => onChange({ ...block, level: e.target.value || undefined })}
              >
                <option value="">{b.levelDefault}</option>
                {choices.levels.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      );
  }
}
