import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { IndicatorEntry } from '../api.ts';
import { byTheme, filterIndicators } from './catalogue.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { atlasHref } from '../url-state.ts';
import { usePublishToggle } from './usePublishToggle.ts';
import { CatalogueTools } from './CatalogueTools.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';

interface CatalogueProps {
  /** With `available` and `missingText`: indicators without input values say what is missing. */
  indicators: readonly IndicatorEntry[];
  /** Planners and admins: publish switch and editing tools. */
  canEdit: boolean;
  onChanged: () => void;
  announce: (message: string) => void;
}

const QUERY_PARAM = 'suche';

/** The Indikatorenkatalog: all indicators by theme, with a text filter. */
export function Catalogue({ indicators, canEdit, onChanged, announce }: CatalogueProps) {
  const id = useId();
  const [query, setQuery] = useState(
    () => new URLSearchParams(window.location.search).get(QUERY_PARAM) ?? '',
  );
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => filterIndicators(indicators, deferred), [indicators, deferred]);
  const publish = usePublishToggle(onChanged, announce);

  // The filter is part of the address, so Back from a Kennblatt finds the same list.
  useEffect(() => {
    const search = deferred.trim() ? `?${new URLSearchParams({ [QUERY_PARAM]: deferred }).toString()}` : '';
    if (search !== window.location.search)
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [deferred]);

  return (
    <div className="page">
      <div className="page-head">
        <PageHeading title={`${t.catalogue.title} – ${t.appName}`}>{t.catalogue.title}</PageHeading>
        <p className="page-intro">{t.catalogue.intro}</p>
      </div>
      {canEdit && <CatalogueTools onChanged={onChanged} announce={announce} />}
      <search className="catalogue-filter">
        <div className="field">
          <label htmlFor={`${id}-filter`}>{t.catalogue.filter}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${id}-hint ${id}-count`}
            autoComplete="off"
            data-testid="catalogue-filter"
          />
        </div>
        <p className="muted catalogue-filter__hint" id={`${id}-hint`}>
          {t.catalogue.filterHint}
        </p>
        <p className="catalogue-filter__count" id={`${id}-count`} role="status" data-testid="catalogue-count">
          {t.catalogue.count(shown.length, indicators.length)}
        </p>
      </search>
      {publish.error && (
        <p className="alert" role="alert">
          {publish.error}
        </p>
      )}
      {indicators.length === 0 ? (
        <p className="notice">{t.catalogue.empty}</p>
      ) : shown.length === 0 ? (
        <p className="notice">{t.catalogue.noMatch(deferred.trim())}</p>
      ) : (
        byTheme(shown).map(([theme, group], index) => (
          <section key={theme} className="catalogue-theme" aria-labelledby={`${id}-theme-${index}`}>
            <h2 id={`${id}-theme-${index}`}>{theme}</h2>
            <table
              className="catalogue-table"
              aria-labelledby={`${id}-theme-${index}`}
              data-testid="catalogue-table"
            >
              <colgroup>
                <col className="catalogue-table__name" />
                <col className="catalogue-table__unit" />
                <col className="catalogue-table__formula" />
                <col className="catalogue-table__polarity" />
                {canEdit && <col className="catalogue-table__published" />}
                <col className="catalogue-table__links" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t.catalogue.name}</th>
                  <th scope="col">{t.catalogue.unit}</th>
                  <th scope="col">{t.catalogue.formula}</th>
                  <th scope="col">{t.catalogue.polarity}</th>
                  {canEdit && <th scope="col">{t.catalogue.published}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{t.catalogue.links}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.map((indicator) => (
                  <tr key={indicator.key} data-key={indicator.key}>
                    <th scope="row">
                      <Link to={paths.sheet(indicator.key)}>{indicator.name}</Link>
                      {!indicator.available && (
                        <span className="catalogue-missing" data-testid="catalogue-missing">
                          {indicator.missingText}
                          {canEdit && (
                            <>
                              {' '}
                              <Link to={paths.variables}>{t.catalogue.toVariables}</Link>
                            </>
                          )}
                        </span>
                      )}
                    </th>
                    <td>{indicator.unit}</td>
                    <td>{t.formula[indicator.formula](indicator.periodYears)}</td>
                    <td>{t.polarityShort[indicator.polarity]}</td>
                    {canEdit && (
                      <td>
                        <label className="switch">
                          <input
                            type="checkbox"
                            role="switch"
                            checked={publish.published(indicator)}
                            disabled={publish.busy === indicator.key}
                            onChange={(e) => publish.toggle(indicator, e.target.checked)}
                            aria-label={t.catalogue.publishedLabel(indicator.name)}
                          />
                          <span aria-hidden="true">
                            {publish.published(indicator) ? t.catalogue.yes : t.catalogue.no}
                          </span>
                        </label>
                      </td>
                    )}
                    <td>
                      {indicator.available && (
                        <Link
                          to={atlasHref(indicator.key)}
                          aria-label={`${t.catalogue.showInAtlas}: ${indicator.name}`}
                        >
                          {t.catalogue.showInAtlas}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </div>
  );
}
