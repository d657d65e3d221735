import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatNumber } from '../../core/format.ts';
import { messageOf } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { facilityApi, type Facility } from './facility-api.ts';
import type { CapacityParts } from './facility-form.ts';
import { changedFields, openVersion } from './facility-table.ts';
import { STATUS_COLORS } from './map-colors.ts';
import { ft } from './texts.ts';

interface FacilityPanelProps {
  facility: Facility;
  typeName: string;
  unit: string;
  /** The type's capacity parts, shown after the capacity. */
  parts: CapacityParts;
  areaName: (key: string | null) => string;
  canEdit: boolean;
  today: string;
  /** Counts changes of the facility: the history loads again. */
  revision: number;
  /** The edit form, while it is open (the page holds it: the map sets its position). */
  editor: ReactNode | null;
  onEdit: (open: Facility) => void;
  onClosed: (closed: Facility) => void;
  onDismiss: () => void;
}

/** One facility: its data, its history of versions and, for planners, editing and closing. */
export function FacilityPanel(props: FacilityPanelProps) {
  const { facility: f, typeName, unit, parts, areaName, canEdit, today, revision, editor } = props;
  const amount = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatNumber(n, 0));
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const history = useFetched(`versions#${f.id}#${revision}`, () => facilityApi.versions(f.id));
  const versions = history.data;
  const open = versions ? openVersion(versions) : null;
  const [closeDate, setCloseDate] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // a facility opened from the table or the map: its name takes the focus
  useEffect(() => {
    headingRef.current?.focus();
  }, [f.key]);

  const close = async () => {
    if (!open) return;
    setBusy(true);
    setError(null);
    try {
      const closed = await facilityApi.close(open.id, closeDate);
      setConfirming(false);
      props.onClosed(closed);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const facts: [string, ReactNode][] = [
    [ft.panel.number, f.key],
    [
      ft.table.status,
      <span key="status" className="facility-status">
        <span className="facility-dot" style={{ background: STATUS_COLORS[f.status] }} aria-hidden="true" />
        {ft.status[f.status]}
      </span>,
    ],
    [ft.table.carrier, f.carrier ?? '–'],
    [ft.table.capacity(unit), amount(f.capacity)],
    ...parts.map((p): [string, ReactNode] => [p.name, amount(f.parts[p.key])]),
    [ft.panel.address, f.address ?? '–'],
    [ft.table.area, f.area === null ? ft.table.outside : areaName(f.area)],
    [ft.table.validFrom, ft.day(f.validFrom, ft.table.unknownStart)],
    [ft.table.validTo, ft.day(f.validTo, ft.table.open)],
    [ft.panel.position, `${formatNumber(f.lat, 5)}° N, ${formatNumber(f.lon, 5)}° O`],
  ];

  return (
    <aside className="side-panel facility-panel" aria-labelledby={`${id}-name`} data-testid="facility-panel">
      <div className="side-panel__head">
        <div>
          <p className="eyebrow">{typeName}</p>
          <h2 id={`${id}-name`} ref={headingRef} tabIndex={-1}>
            {f.name}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={ft.panel.close}
          title={ft.panel.close}
          onClick={props.onDismiss}
        >
          ×
        </button>
      </div>
      <dl className="facts facility-facts" data-testid="facility-facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>

      {canEdit && editor}
      {canEdit && !editor && versions && !open && <p className="muted">{ft.panel.notOpen}</p>}
      {canEdit && !editor && open && (
        <div className="facility-actions">
          <button type="button" className="button button--primary" onClick={() => props.onEdit(open)}>
            {ft.panel.edit}
          </button>
          <div className="facility-close">
            <div className="field">
              <label htmlFor={`${id}-close`}>{ft.panel.closeDate}</label>
              <input
                id={`${id}-close`}
                type="date"
                value={closeDate}
                aria-describedby={`${id}-close-hint`}
                onChange={(e) => setCloseDate(e.target.value)}
              />
              <p id={`${id}-close-hint`} className="field__hint">
                {ft.panel.closeHint}
              </p>
            </div>
            <button
              type="button"
              className="button button--danger-outline"
              disabled={!/^\d{4}-\d{2}-\d{2}$/.test(closeDate)}
              onClick={() => {
                setError(null);
                setConfirming(true);
              }}
            >
              {ft.panel.closeFacility}
            </button>
          </div>
          {error && !confirming && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </div>
      )}

      <section className="side-panel__section" aria-labelledby={`${id}-history`}>
        <h3 id={`${id}-history`}>{ft.panel.history}</h3>
        {history.error && (
          <p className="alert" role="alert">
            {history.error.message}
          </p>
        )}
        {!versions && !history.error && <p className="muted">{ft.panel.loadingHistory}</p>}
        {versions && (
          // focusable: with a column per capacity part the table may scroll sideways
          <div className="area-table__scroll" tabIndex={0} role="group" aria-labelledby={`${id}-history`}>
            <table className="facility-history" data-testid="facility-history">
              <caption className="visually-hidden">{ft.panel.historyIntro}</caption>
              <thead>
                <tr>
                  <th scope="col">{ft.table.validFrom}</th>
                  <th scope="col">{ft.table.validTo}</th>
                  <th scope="col" className="num">
                    {ft.history.capacity}
                  </th>
                  {parts.map((p) => (
                    <th key={p.key} scope="col" className="num">
                      {p.name}
                    </th>
                  ))}
                  <th scope="col">{ft.panel.historyChange}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v, i) => {
                  const before = versions[i - 1];
                  const changed = before ? changedFields(before, v) : null;
                  return (
                    <tr key={v.id} className={v.id === f.id ? 'is-current' : undefined}>
                      <td>{ft.day(v.validFrom, ft.table.unknownStart)}</td>
                      <td>{ft.day(v.validTo, ft.table.open)}</td>
                      <td className="num">{amount(v.capacity)}</td>
                      {parts.map((p) => (
                        <td key={p.key} className="num">
                          {amount(v.parts[p.key])}
                        </td>
                      ))}
                      <td>
                        {changed === null
                          ? ft.panel.first
                          : changed.length
                            ? changed.map((c) => ft.history[c]).join(', ')
                            : ft.history.none}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">{ft.panel.historyIntro}</p>
      </section>

      {confirming && (
        <ConfirmDialog
          title={ft.panel.confirmTitle}
          text={ft.panel.confirmText(f.name, ft.day(closeDate, closeDate))}
          confirmLabel={ft.panel.confirm}
          busy={busy}
          error={error}
          onConfirm={() => void close()}
          onClose={() => setConfirming(false)}
        />
      )}
    </aside>
  );
}
