import { useId, useState, type ChangeEvent } from 'react';
import { messageOf } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { paths } from '../router.ts';
import { indexApi, INDICES_EXPORT } from './index-api.ts';
import { mt } from './texts.ts';
import type { IndexDefinition } from './types.ts';

interface IndexListProps {
  indices: readonly IndexDefinition[];
  current: string;
  canEdit: boolean;
  onShow: (key: string) => void;
  /** After an import: the definitions (and results) changed. */
  onChanged: () => void;
  announce: (message: string) => void;
}

/** The stored index definitions: show one on this page, open its definition (editor). */
export function IndexList({ indices, current, canEdit, onShow, onChanged, announce }: IndexListProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setNotice(null);
    file
      .text()
      .then((text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new Error(mt.list.notJson(file.name));
        }
        // a single exported definition is imported as a list of one
        return indexApi.importAll(Array.isArray(json) ? json : [json]);
      })
      .then(
        ({ imported }) => {
          setNotice({ ok: true, text: mt.list.imported(imported) });
          announce(mt.list.imported(imported));
          onChanged();
        },
        (err: unknown) => setNotice({ ok: false, text: messageOf(err) }),
      )
      .finally(() => {
        setBusy(false);
        input.value = '';
      });
  };

  return (
    <section className="index-list" aria-labelledby="index-list-title" data-testid="index-list">
      <h2 id="index-list-title">{mt.list.title}</h2>
      {indices.length === 0 ? (
        <p className="muted">{mt.noIndices}</p>
      ) : (
        <ul className="plain-list">
          {indices.map((d) => (
            <li key={d.key} className="index-list__item">
              <div>
                <strong>{d.name}</strong>{' '}
                <span className="muted">
                  (
                  {d.parts.map((p) => `${p.label}: ${p.indicators.map((i) => i.code).join(', ')}`).join('; ')}
                  )
                </span>
                {d.description && <p className="index-list__description">{d.description}</p>}
              </div>
              <div className="button-row">
                {d.key !== current && (
                  <button type="button" className="button" onClick={() => onShow(d.key)}>
                    {mt.list.showOnMap}
                  </button>
                )}
                <Link to={paths.indexEditor(d.key)} className="button">
                  {canEdit ? mt.list.edit : mt.list.show}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="toolbar index-list__tools">
          <div className="toolbar__row">
            <Link to={paths.indexEditor(null)} className="button button--primary">
              {mt.list.create}
            </Link>
            <a href={INDICES_EXPORT} download="indizes.json" className="button">
              {mt.list.exportAll}
            </a>
            <label className="button file-button" aria-disabled={busy || undefined}>
              <input
                type="file"
                accept="application/json,.json"
                className="visually-hidden"
                onChange={importFile}
                disabled={busy}
                aria-describedby={`${id}-hint`}
              />
              {busy ? mt.list.importing : mt.list.importAll}
            </label>
          </div>
          <p id={`${id}-hint`} className="toolbar__hint muted">
            {mt.list.importHint}
          </p>
          {notice && (
            <p className={notice.ok ? 'success' : 'alert'} role={notice.ok ? 'status' : 'alert'}>
              {notice.text}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
