import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { useFormSave } from '../ui/use-form-save.ts';
import { useCallback, useEffect, useId, useMemo, useRef, type FormEvent } from 'react';
import { Field, FieldError, fieldWiring, IdentityFields } from '../ui/form-field.tsx';
import { reportsApi, type ReportTemplate, type TemplateScope } from './api.ts';
import type { BlockChoices } from './BlockFields.tsx';
import { ChapterEditor } from './ChapterEditor.tsx';
import { IntegerInput } from './IntegerInput.tsx';
import { fieldLabel, templateProblems } from './template-issues.ts';
import {
  cleanTemplate,
  emptyChapter,
  focusAfterMove,
  moveItem,
  removeItem,
  replaceItem,
} from './template-draft.ts';
import { rt } from './texts.ts';

const e = rt.editor;
const SCOPES: TemplateScope[] = ['area', 'city', 'statement'];

interface TemplateFormProps {
  /** 'edit' keeps the key; 'create' refuses a key that is taken (PUT would replace that template). */
  mode: 'create' | 'edit';
  draft: ReportTemplate;
  onChange: (draft: ReportTemplate) => void;
  choices: BlockChoices;
  readOnly: boolean;
  takenKeys: readonly string[];
  onSaved: (template: ReportTemplate) => void;
}

/**
 * A report template as a form: general settings, then the chapters with their blocks. The server
 * checks it; its messages appear at the fields and in a summary that takes the focus.
 */
export function TemplateForm({
  mode,
  draft,
  onChange,
  choices,
  readOnly,
  takenKeys,
  onSaved,
}: TemplateFormProps) {
  const id = useId();
  const { problems, setProblems, saving, save } = useFormSave();
  // a moved chapter or block: its move button keeps the focus after the next render
  const focusNext = useRef<string | null>(null);
  const focusLater = useCallback((elementId: string) => {
    focusNext.current = elementId;
  }, []);
  const wiring = useMemo(() => fieldWiring(id, problems?.fields ?? {}), [id, problems]);
  const set = <K extends keyof ReportTemplate>(name: K, value: ReportTemplate[K]) =>
    onChange({ ...draft, [name]: value });

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const moveChapter = (i: number, delta: number) => {
    set('chapters', moveItem(draft.chapters, i, delta));
    focusLater(
      `${wiring.id(`chapters.${i + delta}`)}-${focusAfterMove(i + delta, draft.chapters.length, delta)}`,
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (readOnly) return;
    if (mode === 'create' && takenKeys.includes(draft.key)) {
      setProblems({ fields: { key: rt.editor.keyTaken }, summary: rt.editor.keyTaken });
      return;
    }
    save(reportsApi.saveTemplate(cleanTemplate(draft)), onSaved, templateProblems);
  };

  return (
    <form className="template-form" onSubmit={submit} noValidate data-testid="template-form">
      <ErrorSummary problems={problems} idOf={wiring.id} labelOf={fieldLabel} />
      <fieldset className="template-form__body" disabled={readOnly}>
        <h2 className="template-form__heading">{e.general}</h2>
        <div className="form-grid">
          <IdentityFields
            wiring={wiring}
            mode={mode}
            value={draft}
            onChange={set}
            labels={e}
            descriptionRows={2}
          />
          <Field wiring={wiring} path="scope" label={e.scope}>
            {(p) => (
              <select
                {...p}
                value={draft.scope}
                onChange={(ev) => set('scope', ev.target.value as TemplateScope)}
              >
                {SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {e.scopes[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="title" label={e.docTitle} hint={rt.blocks.placeholders}>
            {(p) => <input {...p} value={draft.title} onChange={(ev) => set('title', ev.target.value)} />}
          </Field>
          <div className="checkbox-field">
            <input
              id={wiring.id('toc')}
              type="checkbox"
              checked={draft.toc}
              onChange={(ev) => set('toc', ev.target.checked)}
            />
            <label htmlFor={wiring.id('toc')}>{e.toc}</label>
          </div>
          <div className="checkbox-field">
            <input
              id={wiring.id('chapterBreaks')}
              type="checkbox"
              checked={draft.chapterBreaks}
              onChange={(ev) => set('chapterBreaks', ev.target.checked)}
            />
            <label htmlFor={wiring.id('chapterBreaks')}>{e.chapterBreaks}</label>
          </div>
          {draft.scope === 'area' && (
            <Field wiring={wiring} path="pages" label={e.pages} hint={e.pagesHint}>
              {(p) => (
                <IntegerInput
                  {...p}
                  optional
                  className="template-form__short"
                  value={draft.pages}
                  onChange={(n) => onChange(n === undefined ? withoutPages(draft) : { ...draft, pages: n })}
                />
              )}
            </Field>
          )}
        </div>

        <h2 className="template-form__heading">{e.chapters}</h2>
        <FieldError wiring={wiring} path="chapters" />
        {draft.chapters.map((chapter, i) => (
          <ChapterEditor
            key={i}
            chapter={chapter}
            index={i}
            count={draft.chapters.length}
            cityScope={draft.scope === 'city'}
            statementScope={draft.scope === 'statement'}
            wiring={wiring}
            choices={choices}
            readOnly={readOnly}
            onChange={(next) => set('chapters', replaceItem(draft.chapters, i, next))}
            onMove={(delta) => moveChapter(i, delta)}
            onRemove={() => set('chapters', removeItem(draft.chapters, i))}
            focusLater={focusLater}
          />
        ))}
        {!readOnly && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => set('chapters', [...draft.chapters, emptyChapter()])}
            >
              {e.addChapter}
            </button>
          </p>
        )}
      </fieldset>
      {!readOnly && (
        <div className="button-row template-form__save">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? e.saving : e.save}
          </button>
        </div>
      )}
    </form>
  );
}

function withoutPages(template: ReportTemplate): ReportTemplate {
  const rest = { ...template };
  delete rest.pages;
  return rest;
}
