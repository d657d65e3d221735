import { useMemo, useState } from 'react';
import { formatNumber } from '../../core/format.ts';
import type { Facility } from './facility-api.ts';
import { sortFacilities, type FacilityColumn, type FacilitySort } from './facility-table.ts';
import { STATUS_COLORS } from './map-colors.ts';
import { ft } from './texts.ts';

/** Rows shown before „Alle anzeigen“: a city's 2,880 Kitas would make a slow first table. */
const FIRST_ROWS = 200;

interface FacilityTableProps {
  rows: readonly Facility[];
  typeName: string;
  unit: string;
  date: string;
  areaName: (key: string | null) => string;
  selectedKey: string | null;
  highlightKey: string | null;
  onOpen: (key: string) => void;
  /** Facility whose row has the pointer or keyboard focus (ringed on the map), or null. */
  onFocusFacility: (key: string | null) => void;
}

/** The facilities as a sortable table: the keyboard and screen-reader way into the map. */
export function FacilityTable(props: FacilityTableProps) {
  const { rows, typeName, unit, date, areaName, selectedKey, highlightKey, onOpen, onFocusFacility } = props;
  const [sort, setSort] = useState<FacilitySort>({ column: 'name', descending: false });
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => sortFacilities(rows, sort, areaName), [rows, sort, areaName]);
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);

  const header = (column: FacilityColumn, label: string, className?: string) => {
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
          onClick={() => setSort({ column, descending: active ? !sort.descending : column === 'capacity' })}
        >
          {label}
          <span className="visually-hidden">, {ft.table.sortBy(label)}</span>
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="area-table facility-table">
      <div className="area-table__scroll">
        <table data-testid="facility-table" aria-describedby="facility-table-hint">
          <caption>{ft.table.caption(typeName, date)}</caption>
          <thead>
            <tr>
              {header('name', ft.table.name)}
              {header('carrier', ft.table.carrier)}
              {header('capacity', ft.table.capacity(unit), 'num')}
              {header('status', ft.table.status)}
              {header('validFrom', ft.table.validFrom)}
              {header('validTo', ft.table.validTo)}
              {header('area', ft.table.area)}
            </tr>
          </thead>
          <tbody onMouseLeave={() => onFocusFacility(null)}>
            {shown.map((f) => {
              const selected = f.key === selectedKey;
              return (
                <tr
                  key={f.key}
                  data-key={f.key}
                  className={selected ? 'is-selected' : f.key === highlightKey ? 'is-highlighted' : undefined}
                  onMouseEnter={() => onFocusFacility(f.key)}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-current={selected ? 'true' : undefined}
                      aria-label={ft.table.show(f.name)}
                      onClick={() => onOpen(f.key)}
                      onFocus={() => onFocusFacility(f.key)}
                      onBlur={() => onFocusFacility(null)}
                    >
                      {f.name}
                    </button>
                  </th>
                  <td>{f.carrier ?? '–'}</td>
                  <td className="num">{f.capacity === null ? '–' : formatNumber(f.capacity, 0)}</td>
                  <td>
                    <span className="facility-status">
                      <span
                        className="facility-dot"
                        style={{ background: STATUS_COLORS[f.status] }}
                        aria-hidden="true"
                      />
                      {ft.status[f.status]}
                    </span>
                  </td>
                  <td>{ft.day(f.validFrom, ft.table.unknownStart)}</td>
                  <td>{ft.day(f.validTo, ft.table.open)}</td>
                  <td>{f.area === null ? ft.table.outside : areaName(f.area)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p id="facility-table-hint" className="muted facility-table__hint">
        {rows.length === 0 ? ft.table.none : ft.table.captionHint}
      </p>
      {!all && sorted.length > FIRST_ROWS && (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {ft.table.showAll(sorted.length)}
        </button>
      )}
    </div>
  );
}
