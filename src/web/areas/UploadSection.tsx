import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { ErrorSummary, type FormProblems } from '../ui/ErrorSummary.tsx';
import { Link } from '../ui/Link.tsx';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import {
  areasApi,
  type AreaLevel,
  type AreaPreview,
  type ImportAreasResult,
  type ReadAreaOptions,
} from './api.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { at, uploadFieldLabels } from './texts.ts';
import {
  atlasLevelHref,
  defaultTarget,
  importFields,
  NEW_LEVEL,
  serverProblems,
  targetLevels,
  uploadProblems,
  withUsableParent,
  type LevelTarget,
} from './upload-request.ts';

// What the server reads (other files of a shapefile set, .sbn or .xml, it ignores).
const ACCEPT = '.zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json';

interface UploadSectionProps {
  levels: AreaLevel[];
  /** After a commit, with the level's key. */
  onImported: (level: string) => void;
  announce: (message: string) => void;
}

/** A preview on screen: the files and options it was made with. */
interface Shown {
  data: AreaPreview;
  files: File[];
  crs: string;
  /** The parent field was chosen on the page, not guessed by the server. */
  parentChosen: boolean;
  run: number;
}

const kB = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} kB`;

/** Steps 1–3 of an area upload: files and level, preview (fields, map, problems), commit. */
export function UploadSection({ levels, onImported, announce }: UploadSectionProps) {
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [target, setTarget] = useState<LevelTarget>(() => ({
    choice: defaultTarget(levels),
    newKey: '',
    newName: '',
  }));
  const [shown, setShown] = useState<Shown | null>(null);
  // the field choice of a preview being made, shown in the selects until it arrives
  const [pending, setPending] = useState<ReadAreaOptions | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [result, setResult] = useState<{ imported: ImportAreasResult; levelName: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  // a newer preview wins over an older one still on its way
  const runs = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const step2Ref = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const wiring = fieldWiring(id, problems?.fields ?? {});

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const runPreview = (chosen: File[], options: ReadAreaOptions, focus: boolean) => {
    const run = ++runs.current;
    setBusy('preview');
    setPending(options);
    setProblems(null);
    setResult(null);
    areasApi.preview(chosen, options).then(
      (data) => {
        if (run !== runs.current) return;
        setShown({ data, files: chosen, crs: options.crs ?? '', parentChosen: !!options.parentField, run });
        setPending(null);
        setBusy(null);
        announce(at.previewDone(data.geojson.features.length, data.problems.length));
        if (focus) step2Ref.current?.focus();
      },
      (error: unknown) => {
        if (run !== runs.current) return;
        setPending(null);
        setBusy(null);
        setProblems(serverProblems(error));
      },
    );
  };

  const chooseFiles = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setShown(null);
    setResult(null);
    setProblems(null);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    // the input shows what was dropped, as if it had been chosen there
    if (inputRef.current) inputRef.current.files = dropped;
    chooseFiles(dropped);
  };

  const changeTarget = (change: Partial<LevelTarget>) => {
    setTarget((t) => ({ ...t, ...change }));
    setResult(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = uploadProblems(files.length, target, levels);
    if (Object.keys(fields).length > 0) return setProblems({ summary: at.checkInput, fields });
    runPreview(files, {}, true);
  };

  const commit = () => {
    if (!shown) return;
    const fields = uploadProblems(shown.files.length, target, levels);
    if (Object.keys(fields).length > 0) return setProblems({ summary: at.checkInput, fields });
    const request = importFields(
      target,
      withUsableParent(shown.data, shown.parentChosen, target, levels),
      shown.crs,
    );
    setBusy('commit');
    setProblems(null);
    areasApi.importAreas(shown.files, request).then(
      (imported) => {
        setBusy(null);
        const levelName =
          request.name ?? levels.find((l) => l.key === imported.level)?.name ?? imported.level;
        setResult({ imported, levelName });
        // the level exists now: a second upload replaces its areas
        setTarget({ choice: imported.level, newKey: '', newName: '' });
        announce(at.committed(imported.imported, levelName));
        onImported(imported.level);
      },
      (error: unknown) => {
        setBusy(null);
        setProblems(serverProblems(error));
      },
    );
  };

  const preview = shown ? withUsableParent(shown.data, shown.parentChosen, target, levels) : null;
  const blocked = !preview
    ? at.commitNeedsPreview
    : preview.problems.length > 0
      ? at.commitBlocked
      : preview.geojson.features.length === 0
        ? at.commitEmpty
        : null;
  const canCommit = !blocked && busy === null && !result;

  return (
    <>
      <section className="import-step" aria-labelledby={`${id}-step1`}>
        <h2 id={`${id}-step1`}>{at.step1}</h2>
        <ErrorSummary problems={problems} idOf={wiring.id} labelOf={(p) => uploadFieldLabels[p] ?? p} />
        <form onSubmit={submit} noValidate data-testid="area-upload-form">
          <div
            className={`area-import__drop${dragging ? ' area-import__drop--over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <Field wiring={wiring} path="files" label={at.files} hint={at.filesHint}>
              {(control) => (
                <input
                  {...control}
                  ref={inputRef}
                  type="file"
                  multiple
                  accept={ACCEPT}
                  onChange={(e) => chooseFiles(e.currentTarget.files)}
                />
              )}
            </Field>
            {files.length > 0 ? (
              <ul
                className="area-import__files"
                aria-label={at.chosen(files.length)}
                data-testid="area-files"
              >
                {files.map((f) => (
                  <li key={`${f.name}-${f.size}`}>
                    {f.name} <span className="muted">({kB(f.size)})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="area-import__drop-hint" aria-hidden="true">
                {at.dropHere}
              </p>
            )}
          </div>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-level`}>{at.level}</label>
              <select
                id={`${id}-level`}
                value={target.choice}
                onChange={(e) => changeTarget({ choice: e.target.value })}
              >
                {targetLevels(levels).map((l) => (
                  <option key={l.key} value={l.key}>
                    {at.levelOption(l.name, l.key, l.areaCount)}
                  </option>
                ))}
                <option value={NEW_LEVEL}>{at.newLevel}</option>
              </select>
            </div>
            {target.choice === NEW_LEVEL && (
              <>
                <Field wiring={wiring} path="newName" label={at.newName} hint={at.newNameHint}>
                  {(control) => (
                    <input
                      {...control}
                      value={target.newName}
                      maxLength={80}
                      autoComplete="off"
                      onChange={(e) => changeTarget({ newName: e.target.value })}
                    />
                  )}
                </Field>
                <Field wiring={wiring} path="newKey" label={at.newKey} hint={at.newKeyHint}>
                  {(control) => (
                    <input
                      {...control}
                      value={target.newKey}
                      maxLength={40}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(e) => changeTarget({ newKey: e.target.value })}
                    />
                  )}
                </Field>
              </>
            )}
          </div>
          <p className="button-row">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              {busy === 'preview' ? at.previewing : at.preview}
            </button>
          </p>
        </form>
      </section>

      <section className="import-step" aria-labelledby={`${id}-step2`} aria-busy={busy === 'preview'}>
        <h2 id={`${id}-step2`} ref={step2Ref} tabIndex={-1}>
          {at.step2}
        </h2>
        {shown && preview ? (
          <PreviewPanel
            preview={preview}
            run={shown.run}
            crs={shown.crs}
            pending={pending}
            busy={busy !== null}
            onOptions={(options) => runPreview(shown.files, options, false)}
          />
        ) : (
          <p className="muted">{busy === 'preview' ? at.previewing : at.step2Empty}</p>
        )}
      </section>

      <section className="import-step" aria-labelledby={`${id}-step3`}>
        <h2 id={`${id}-step3`}>{at.step3}</h2>
        {blocked && !result && (
          <p className="muted" id={`${id}-commit-hint`} data-testid="area-commit-hint">
            {blocked}
          </p>
        )}
        <p className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={!canCommit}
            aria-busy={busy === 'commit' || undefined}
            aria-describedby={blocked && !result ? `${id}-commit-hint` : undefined}
            onClick={commit}
          >
            {busy === 'commit' ? at.committing : at.commit}
          </button>
        </p>
        {result && (
          <div ref={resultRef} className="success" tabIndex={-1} data-testid="area-import-result">
            <p>{at.committed(result.imported.imported, result.levelName)}</p>
            <p>{at.committedCrs(result.imported.crs)}</p>
            {result.imported.repaired.length > 0 && <p>{at.repaired(result.imported.repaired.length)}</p>}
            <p>
              <Link to={atlasLevelHref(result.imported.level)}>{at.toAtlasLevel(result.levelName)}</Link>
            </p>
          </div>
        )}
      </section>
    </>
  );
}
