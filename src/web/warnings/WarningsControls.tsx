import { useId } from 'react';
import type { AppConfig } from '../api.ts';
import { DateSelect } from '../ui/DateSelect.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { INDEX_THEME, type WarningFilters } from './filter.ts';
import { wt } from './texts.ts';

type Level = AppConfig['levels'][number];

interface WarningsControlsProps {
  levels: readonly Level[];
  level: string;
  dates: readonly string[];
  date: string;
  themes: readonly string[];
  /** Parent areas (e.g. Stadtbezirke) with the name of their level; null when the level has none. */
  parents: { levelName: string; areas: readonly { id: string; name: string }[] } | null;
  filters: WarningFilters;
  onLevel: (key: string) => void;
  onDate: (date: string) => void;
  onFilters: (filters: WarningFilters) => void;
}

/** Ebene, Stichtag, and the filters of the list (Thema, Bezirk, Suche, Dringlichkeit). */
export function WarningsControls(props: WarningsControlsProps) {
  const { levels, level, dates, date, themes, parents, filters } = props;
  const id = useId();
  const set = (patch: Partial<WarningFilters>) => props.onFilters({ ...filters, ...patch });
  const c = wt.controls;
  const filtered =
    filters.theme !== null ||
    filters.parent !== null ||
    filters.search.trim() !== '' ||
    filters.severity !== null;
  return (
    <search className="controls warnings-controls" aria-label={c.region}>
      <div className="controls__row">
        {levels.length > 1 && (
          <LevelSwitch
            name={`${id}-level`}
            legend={c.level}
            levels={levels}
            value={level}
            onChange={props.onLevel}
            data-testid="warnings-level"
          />
        )}
        <DateSelect
          id={`${id}-date`}
          label={c.date}
          dates={dates}
          value={date}
          onChange={props.onDate}
          data-testid="warnings-date"
        />
        <div className="field">
          <label htmlFor={`${id}-theme`}>{c.theme}</label>
          <select
            id={`${id}-theme`}
            value={filters.theme ?? ''}
            onChange={(e) => set({ theme: e.target.value || null })}
            data-testid="warnings-theme"
          >
            <option value="">{c.allThemes}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {theme}
              </option>
            ))}
            <option value={INDEX_THEME}>{c.indexTheme}</option>
          </select>
        </div>
        {parents && (
          <div className="field">
            <label htmlFor={`${id}-parent`}>{c.parent(parents.levelName)}</label>
            <select
              id={`${id}-parent`}
              value={filters.parent ?? ''}
              onChange={(e) => set({ parent: e.target.value || null })}
              data-testid="warnings-parent"
            >
              <option value="">{c.allParents}</option>
              {parents.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-search`}>{c.search}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={filters.search}
            onChange={(e) => set({ search: e.target.value })}
            aria-describedby={`${id}-search-hint`}
            autoComplete="off"
            data-testid="warnings-search"
          />
          <span className="field__hint muted" id={`${id}-search-hint`}>
            {c.searchHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-severity`}>{c.severity}</label>
          <select
            id={`${id}-severity`}
            value={filters.severity ?? ''}
            onChange={(e) =>
              set({
                severity: e.target.value === 'hoch' || e.target.value === 'mittel' ? e.target.value : null,
              })
            }
            data-testid="warnings-severity"
          >
            <option value="">{c.allSeverities}</option>
            <option value="hoch">{wt.severity.hoch}</option>
            <option value="mittel">{wt.severity.mittel}</option>
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button"
            onClick={() => props.onFilters({ theme: null, parent: null, search: '', severity: null })}
          >
            {c.reset}
          </button>
        )}
      </div>
    </search>
  );
}
