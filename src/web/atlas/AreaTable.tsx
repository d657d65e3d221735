import { useMemo, useState } from 'react';
import type { Indicator, IndicatorValues } from '../api.ts';
import { isShown, type Choropleth } from '../map/choropleth.ts';
import { formatDate, formatValue } from '../../core/format.ts';
import { t } from '../texts.ts';

type Column = 'name' | 'value';
interface Sort {
  column: Column;
  descending: boolean;
}

interface AreaTableProps {
  levelName: string;
  indicator: Indicator;
  values: IndicatorValues;
  choropleth: Choropleth;
  selectedId: string | null;
  /** Area highlighted elsewhere (map, chart, another table): its row is marked. */
  highlightId?: string | null;
  onOpen: (id: string) => void;
  /** Area whose row has keyboard focus or the pointer (highlighted on the map), or null. */
  onFocusArea: (id: string | null) => void;
}

const collator = new Intl.Collator('de', { numeric: true });

/** The areas of the current level with their values: the keyboard and screen-reader way into the map. */
export function AreaTable(props: AreaTableProps) {
  const { levelName, indicator, values, choropleth, selectedId, highlightId, onOpen, onFocusArea } = props;
  const [sort, setSort] = useState<Sort>({ column: 'name', descending: false });

  const rows = useMemo(() => {
    const sign = sort.descending ? -1 : 1;
    return [...values.values].sort((a, b) => {
      if (sort.column === 'value') {
        const shownA = isShown(a);
        const shownB = isShown(b);
        // areas without a shown value go last in both directions
        if (shownA && shownB && a.value !== b.value) return sign * ((a.value ?? 0) - (b.value ?? 0));
        if (shownA !== shownB) return shownA ? -1 : 1;
      }
      return sign * collator.compare(a.name, b.name);
    });
  }, [values, sort]);

  const header = (column: Column, label: string, className?: string) => {
    const active = sort.column === column;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ column, descending: active ? !sort.descending : column === 'value' })}
        >
          {label}
          <span className="visually-hidden">, {t.table.sortBy(label)}</span>
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const classCount = choropleth.classes.length;
  return (
    <div className="area-table">
      <div className="area-table__scroll">
        <table data-testid="area-table">
          <caption>{t.table.caption(levelName, indicator.name, formatDate(values.date))}</caption>
          <thead>
            <tr>
              {header('name', t.table.area)}
              {header('value', `${t.table.value}${indicator.unit ? ` (${indicator.unit})` : ''}`, 'num')}
              <th scope="col">{t.table.cls}</th>
            </tr>
          </thead>
          <tbody onMouseLeave={() => onFocusArea(null)}>
            {rows.map((row) => {
              const style = choropleth.styles.get(row.id);
              const selected = row.id === selectedId;
              return (
                <tr
                  key={row.id}
                  className={selected ? 'is-selected' : row.id === highlightId ? 'is-highlighted' : undefined}
                  onMouseEnter={() => onFocusArea(row.id)}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-current={selected ? 'true' : undefined}
                      aria-label={t.table.openProfile(row.name)}
                      onClick={() => onOpen(row.id)}
                      onFocus={() => onFocusArea(row.id)}
                      onBlur={() => onFocusArea(null)}
                      data-area-id={row.id}
                    >
                      {row.name}
                    </button>
                  </th>
                  <td className="num">
                    {formatValue(row.value, row.status, indicator.decimals, indicator.unit, { unit: false })}
                    {row.status === 'estimated' && <span className="muted"> ({t.table.estimated})</span>}
                  </td>
                  <td>
                    <span className="class-cell">
                      <span
                        className={`swatch swatch--small${
                          style?.cls != null
                            ? ''
                            : row.status === 'secret'
                              ? ' swatch--secret'
                              : ' swatch--missing'
                        }`}
                        style={style?.cls != null ? { background: style.color } : undefined}
                        aria-hidden="true"
                      />
                      {style?.cls != null
                        ? t.table.clsOf(style.cls + 1, classCount)
                        : row.status === 'secret'
                          ? t.legend.secret
                          : t.legend.missing}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
