import { formatDate } from '../../core/format.ts';
import { INVALID_FILL, NO_CLASS_FILL, severityColor } from './colors.ts';
import { convertedMarks } from './converted.ts';
import { CODE_VIEW, type IndexAreaStyle, type Matrix } from './matrix.ts';
import { mt } from './texts.ts';
import type { IndexResult } from './types.ts';

interface IndexLegendProps {
  result: IndexResult;
  matrix: Matrix;
  view: string;
  styles: ReadonlyMap<string, IndexAreaStyle>;
  codeJoin: string;
  /** Areas whose class is not robust, or null while the robustness is computed. */
  notRobust: number | null;
  robustnessFailed: boolean;
}

interface Entry {
  key: string;
  label: string;
  color: string;
}

/** Classes of the current map view with their counts, plus invalid, unclassified and not robust. */
export function IndexLegend(props: IndexLegendProps) {
  const { result, matrix, view, styles, codeJoin, notRobust, robustnessFailed } = props;
  const part = result.parts.find((p) => p.key === view);
  const entries: Entry[] =
    view === CODE_VIEW || !part
      ? matrix.cells.flat().map((c) => ({
          key: c.key,
          label: `${c.row.code}${codeJoin}${c.col.code} – ${c.row.label}${c.col.label ? ` / ${c.col.label}` : ''}`,
          color: c.color,
        }))
      : [...part.classes]
          .sort((a, b) => a.severity - b.severity)
          .map((c) => ({ key: c.code, label: `${c.label} (${c.code})`, color: severityColor(c.severity) }));
  const counts = new Map<string, number>();
  for (const style of styles.values()) counts.set(style.entry, (counts.get(style.entry) ?? 0) + 1);
  const none = counts.get('none') ?? 0;
  const converted = convertedMarks(result);
  const title = view === CODE_VIEW || !part ? mt.controls.code : part.label;

  return (
    <section className="legend index-legend" aria-labelledby="index-legend-title" data-testid="index-legend">
      <div className="legend__head">
        <h2 id="index-legend-title" className="legend__title">
          {title} <span className="legend__date">({formatDate(result.date)})</span>
        </h2>
      </div>
      <ul className={`legend__items${view === CODE_VIEW ? ' index-legend__grid' : ''}`}>
        {entries.map((e) => (
          <li key={e.key} className="legend__item" data-entry={e.key}>
            <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
            <span>{e.label}</span>
            <span className="legend__count">{mt.legend.areas(counts.get(e.key) ?? 0)}</span>
          </li>
        ))}
        <li className="legend__item" title={mt.legend.invalidHint}>
          <span className="swatch" style={{ background: INVALID_FILL }} aria-hidden="true" />
          <span>
            {mt.legend.invalid} <span className="muted">({mt.legend.invalidHint})</span>
          </span>
          <span className="legend__count">{mt.legend.areas(counts.get('invalid') ?? 0)}</span>
        </li>
        {none > 0 && (
          <li className="legend__item">
            <span className="swatch" style={{ background: NO_CLASS_FILL }} aria-hidden="true" />
            <span>{mt.legend.none}</span>
            <span className="legend__count">{mt.legend.areas(none)}</span>
          </li>
        )}
        <li className="legend__item" title={mt.legend.notRobustHint} data-testid="legend-not-robust">
          <span className="swatch swatch--dashed" aria-hidden="true" />
          <span>
            {mt.legend.notRobust} <span className="muted">({mt.legend.notRobustHint})</span>
          </span>
          <span className="legend__count">
            {notRobust !== null
              ? mt.legend.areas(notRobust)
              : robustnessFailed
                ? '–'
                : mt.legend.robustLoading}
          </span>
        </li>
      </ul>
      {converted.notes.length > 0 && (
        <p className="legend__note" data-testid="legend-converted">
          {mt.legend.converted(converted.markers.size)} {converted.notes.join('; ')}
        </p>
      )}
    </section>
  );
}
