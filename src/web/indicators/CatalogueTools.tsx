import { useId, useState, type ChangeEvent } from 'react';
import { api, downloads, messageOf } from '../api.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { Link } from '../ui/Link.tsx';

interface CatalogueToolsProps {
  onChanged: () => void;
  announce: (message: string) => void;
}

/** For planners: new indicator, JSON export and import of the definitions. */
export function CatalogueTools({ onChanged, announce }: CatalogueToolsProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setResult(null);
    const run = async () => {
      let definitions: unknown;
      try {
        definitions = JSON.parse(await file.text());
      } catch {
        throw new Error(t.admin.notJson(file.name));
      }
      return api.importIndicators(definitions);
    };
    run()
      .then(
        ({ imported }) => {
          setResult({ ok: true, text: t.admin.imported(imported) });
          announce(t.admin.imported(imported));
          onChanged();
        },
        (err: unknown) => setResult({ ok: false, text: messageOf(err) }),
      )
      .finally(() => {
        setBusy(false);
        // the same file can be chosen again after fixing it
        input.value = '';
      });
  };

  return (
    <section className="toolbar" aria-label={t.admin.tools} data-testid="catalogue-tools">
      <div className="toolbar__row">
        <Link to={paths.create} className="button button--primary">
          {t.admin.create}
        </Link>
        <a href={downloads.indicatorsJson} download="indikatoren.json" className="button">
          {t.admin.export}
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
          {busy ? t.admin.importing : t.admin.import}
        </label>
      </div>
      <p id={`${id}-hint`} className="toolbar__hint muted">
        {t.admin.importHint}
      </p>
      {result?.ok === false && (
        <p className="alert" role="alert" data-testid="import-error">
          {result.text}
        </p>
      )}
      {result?.ok && <p className="success">{result.text}</p>}
    </section>
  );
}
