/**
 * The analysis state of the atlas derived from the view in the address: which areas pass the
 * filters, the map styles with the others greyed, the values the area table lists, and the
 * selected areas.
 */
import { useMemo } from 'react';
import type { AreaCollection, IndicatorValues } from '../api.ts';
import type { AreaStyle, Choropleth } from '../map/choropleth.ts';
import { dimStyles, visibleAreas } from './filter.ts';
import type { AnalysisView } from './view-params.ts';

export interface AtlasAnalysis {
  /** Parent area key of every area of the level. */
  parentOf: ReadonlyMap<string, string | null>;
  /** Areas that pass the filters; null = all. */
  visible: ReadonlySet<string> | null;
  /** Map colours with filtered-out areas greyed (null while there is no choropleth). */
  styles: ReadonlyMap<string, AreaStyle> | null;
  /** The values without the filtered-out areas (for tables). */
  tableValues: IndicatorValues | undefined;
  /** The selection (Auswahl). */
  selected: ReadonlySet<string>;
}

export function useAtlasAnalysis(
  view: AnalysisView,
  values: IndicatorValues | undefined,
  choropleth: Choropleth | null,
  areas: AreaCollection | undefined,
): AtlasAnalysis {
  const parentOf = useMemo(
    () => new Map((areas?.features ?? []).map((f) => [f.properties.id, f.properties.parent])),
    [areas],
  );
  const { min, max, parents } = view;
  const visible = useMemo(
    () => (values ? visibleAreas(values.values, parentOf, { min, max, parents }) : null),
    [values, parentOf, min, max, parents],
  );
  const styles = useMemo(
    () => (choropleth ? dimStyles(choropleth.styles, visible) : null),
    [choropleth, visible],
  );
  const tableValues = useMemo(
    () =>
      values && visible ? { ...values, values: values.values.filter((v) => visible.has(v.id)) } : values,
    [values, visible],
  );
  const selected = useMemo(() => new Set(view.areas), [view.areas]);
  return { parentOf, visible, styles, tableValues, selected };
}
