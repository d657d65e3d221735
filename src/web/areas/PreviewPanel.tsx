import { useId, useMemo, useState, type FormEvent } from 'react';
import type { AreaPreview, ReadAreaOptions } from './api.ts';
import { previewMap } from './preview-map.ts';
import { PreviewMap } from './PreviewMap.tsx';
import { at } from './texts.ts';
import { previewOptions } from './upload-request.ts';

type FieldName = 'idField' | 'nameField' | 'parentField';

interface PreviewPanelProps {
  preview: AreaPreview;
  /** Number of the preview, for the map. */
  run: number;
  /** CRS the preview was read with ('' = as the file says). */
  crs: string;
  /** Field choice of a preview on its way, or null. */
  pending: ReadAreaOptions | null;
  busy: boolean;
  /** Reads the files again with these options. */
  onOptions: (options: ReadAreaOptions) => void;
}

/** Step 2: what was recognised, the field choice, the fields, the map and the problems. */
export function PreviewPanel({ preview, run, crs, pending, busy, onOptions }: PreviewPanelProps) {
  const id = useId();
  const [epsg, setEpsg] = useState(crs);
  // the selection belongs to the preview it was made on
  const [selected, setSelected] = useState<{ run: number; id: string } | null>(null);
  const map = useMemo(() => previewMap(preview), [preview]);
  const selectedId = selected?.run === run ? selected.id : null;
  const selectedArea = selectedId === null ? undefined : map.byId.get(selectedId);
  const count = preview.geojson.features.length;

  const value = (name: FieldName) => (pending ? pending[name] : preview.chosen[name]) ?? '';
  const choose = (name: FieldName, field: string) =>
    onOptions(previewOptions(preview.chosen, crs, { [name]: field }));
  const applyCrs = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onOptions(previewOptions(preview.chosen, epsg));
  };
  const role = (field: string) =>
    [
      preview.chosen.idField === field && at.roles.id,
      preview.chosen.nameField === field && at.roles.name,
      preview.chosen.parentField === field && at.roles.parent,
    ]
      .filter(Boolean)
      .join(', ');

  const select = (name: FieldName, label: string, empty: string | null, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        value={value(name)}
        disabled={preview.fields.length === 0}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        onChange={(e) => choose(name, e.target.value)}
      >
        {empty !== null && <option value="">{empty}</option>}
        {preview.fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-${name}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <div className="area-import__preview" data-testid="area-preview">
      <dl className="facts" data-testid="area-preview-facts">
        <dt>{at.file}</dt>
        <dd>{preview.fileName}</dd>
        <dt>{at.crs}</dt>
        <dd data-testid="area-preview-crs">
          {preview.crs ? <code>{preview.crs}</code> : <strong>{at.crsUnknown}</strong>}
        </dd>
        <dt>{at.features}</dt>
        <dd>{preview.featureCount.toLocaleString('de-DE')}</dd>
        <dt>{at.drawn}</dt>
        <dd data-testid="area-preview-count">{count.toLocaleString('de-DE')}</dd>
        <dt>{at.totalArea}</dt>
        <dd>{at.km2(preview.areaM2)}</dd>
      </dl>

      {(preview.crs === null || crs !== '') && preview.fields.length > 0 && (
        <form className="area-import__crs" onSubmit={applyCrs} noValidate>
          <div className="field">
            <label htmlFor={`${id}-epsg`}>{at.epsg}</label>
            <input
              id={`${id}-epsg`}
              value={epsg}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby={`${id}-epsg-hint`}
              onChange={(e) => setEpsg(e.target.value)}
            />
            <p id={`${id}-epsg-hint`} className="field__hint">
              {at.epsgHint}
            </p>
          </div>
          <p className="button-row">
            <button type="submit" className="button" disabled={busy || !epsg.trim()}>
              {at.epsgApply}
            </button>
          </p>
        </form>
      )}

      {preview.fields.length > 0 && (
        <>
          <h3>{at.fieldChoice}</h3>
          <div className="form-grid area-import__choice">
            {select('idField', at.idField, preview.chosen.idField ? null : at.chooseField)}
            {select('nameField', at.nameField, preview.chosen.nameField ? null : at.nameFromKey)}
            {select('parentField', at.parentField, at.noParent, at.parentHint)}
          </div>
          <div className="area-import__scroll">
            <table data-testid="area-preview-fields">
              <caption>{at.fieldsTable}</caption>
              <thead>
                <tr>
                  <th scope="col">{at.fieldName}</th>
                  <th scope="col">{at.samples}</th>
                  <th scope="col" className="num">
                    {at.distinct}
                  </th>
                  <th scope="col" className="num">
                    {at.empty}
                  </th>
                  <th scope="col">{at.usedAs}</th>
                </tr>
              </thead>
              <tbody>
                {preview.fields.map((f) => (
                  <tr key={f.name} data-field={f.name}>
                    <th scope="row">{f.name}</th>
                    <td>{f.samples.join(' · ')}</td>
                    <td className="num">{f.distinct.toLocaleString('de-DE')}</td>
                    <td className="num">{f.empty.toLocaleString('de-DE')}</td>
                    <td>{role(f.name)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3>{at.mapTitle}</h3>
      {count > 0 ? (
        <>
          <PreviewMap
            map={map}
            run={run}
            label={at.mapLabel(count, preview.fileName)}
            selectedId={selectedId}
            onSelect={(mapId) => setSelected({ run, id: mapId })}
          />
          <p className="area-import__selected" aria-live="polite">
            {selectedArea ? at.selected(selectedArea.name, selectedArea.key, selectedArea.record) : ''}
          </p>
        </>
      ) : (
        <p className="muted">{at.noMap}</p>
      )}

      <h3>{at.problems(preview.problems.length)}</h3>
      {preview.problems.length === 0 ? (
        <p className="success" data-testid="area-preview-no-problems">
          {at.noProblems}
        </p>
      ) : (
        <ul className="area-import__problems" data-testid="area-preview-problems">
          {preview.problems.map((p, i) => {
            const area = p.record === null ? undefined : map.byId.get(String(p.record));
            return (
              <li key={i}>
                <strong>
                  {p.record === null
                    ? at.wholeFile
                    : at.problemWhere(p.record, p.key ?? area?.key ?? null, area?.name ?? null)}
                </strong>
                <span>
                  {p.message}
                  {p.lon !== null && p.lat !== null && ` – ${at.problemAt(p.lon, p.lat)}`}
                </span>
                <span className="muted">{at.code(p.code)}</span>
                {area && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setSelected({ run, id: String(area.record) })}
                  >
                    {at.showOnMap}
                    <span className="visually-hidden">{at.showOnMapOf(area.record)}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
