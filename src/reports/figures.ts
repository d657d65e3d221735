/**
 * The figures of a report as data: the choropleth of a level (classed as the atlas classes it, an
 * area highlighted, geometry projected to figure coordinates) and the time series of an indicator.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { areaGeometries } from '../areas/area.repository.ts';
import type { Db } from '../db/db.ts';
import type { LevelTable } from '../indicators/level-table.ts';
import { classify } from '../classification/classify.ts';
import { DEFAULT_CLASSIFICATION } from '../classification/defaults.ts';
import type { ProfileIndicator } from '../profile/profile.schema.ts';
import { levelDative } from '../core/level-names.ts';
import { areaConversions } from './area-blocks.ts';
import { convertedFootnotes, footnotesOf } from './converted-footnotes.ts';
import {
  raise,
  sourceLine,
  unknownIndicator,
  type Ctx,
  type FigureCache,
  type ReportChart,
  type ReportMap,
} from './report-model.ts';

const MAP_WIDTH = 160;

/** Equirectangular projection of lon/lat rings into a figure MAP_WIDTH wide (north up). */
function project(geometries: { geometry: Polygon | MultiPolygon }[]) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometries.map((g) =>
    g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates,
  );
  for (const poly of polygons)
    for (const rings of poly)
      for (const ring of rings)
        for (const [x, y] of ring) {
          minX = Math.min(minX, x!);
          maxX = Math.max(maxX, x!);
          minY = Math.min(minY, y!);
          maxY = Math.max(maxY, y!);
        }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = MAP_WIDTH / Math.max((maxX - minX) * kx, 1e-9);
  const height = Math.max(1, Math.round((maxY - minY) * scale * 10) / 10);
  const paths = polygons.map((poly) =>
    poly
      .flatMap((rings) =>
        rings.map((ring) => {
          let d = '';
          let last = '';
          for (const [x, y] of ring) {
            const p = `${((x! - minX) * kx * scale).toFixed(1)} ${((maxY - y!) * scale).toFixed(1)}`;
            if (p === last) continue; // sub-0.1 detail is invisible at print size
            d += (d ? 'L' : 'M') + p;
            last = p;
          }
          return d + 'Z';
        }),
      )
      .join(''),
  );
  return { paths, width: MAP_WIDTH, height };
}

export const figureCache = (): FigureCache => ({ geometries: new Map(), projections: new Map() });

/** Above this many areas a Steckbrief's map shows only the areas of its district. */
export const MAX_MAP_AREAS = 80;

export interface ChoroplethSpec {
  level: string;
  levelName: string;
  date: string;
  indicator: string;
  title?: string;
  /** Area outlined on top (the Steckbrief's area). */
  highlight?: string | null;
  /** Only the areas with this parent key (the district of a Steckbrief in a large city). */
  within?: string | null;
}

/**
 * A choropleth of one indicator, classed by `classification/` as the atlas classes it (the
 * indicator's stored classification, else quantiles in five classes) over every area of the level
 * — so district maps of one report share the classes, and an area has the same class in the report
 * as on the atlas's map; secret and missing values grey.
 */
export async function choropleth(
  db: Db,
  table: LevelTable,
  spec: ChoroplethSpec,
  cache: FigureCache = figureCache(),
): Promise<ReportMap> {
  let geometries = cache.geometries.get(spec.level);
  if (!geometries) cache.geometries.set(spec.level, (geometries = areaGeometries(db, spec.level, 'display')));
  const projectionKey = `${spec.level}|${spec.within ?? ''}`;
  let projection = cache.projections.get(projectionKey);
  if (!projection) {
    const shown = (await geometries).filter((g) => !spec.within || g.parent === spec.within);
    projection = {
      keys: shown.map((g) => g.key),
      names: shown.map((g) => g.name),
      ...project(shown),
    };
    cache.projections.set(projectionKey, projection);
  }
  const grid = table.grids.get(spec.indicator) ?? raise(unknownIndicator(spec.indicator));
  const dateIndex = table.dates.indexOf(spec.date);
  const byKey = new Map(table.areas.map((a, i) => [a.key, grid.cells[dateIndex]?.[i] ?? null]));
  const values = [...byKey.values()].flatMap((c) =>
    c && c.status !== 'secret' && c.value !== null ? [c.value] : [],
  );
  // the classes the atlas draws: the indicator's stored classification, else its default
  const { decimals, unit } = grid.indicator;
  const classes = classify(values, grid.indicator.classification ?? DEFAULT_CLASSIFICATION, {
    decimals,
    unit,
  });
  const within = spec.within ? table.areas.find((a) => a.parentKey === spec.within)?.parentName : null;
  return {
    kind: 'map',
    title: spec.title ?? `${grid.indicator.name} nach ${spec.levelName}` + (within ? ` (${within})` : ''),
    width: projection.width,
    height: projection.height,
    shapes: projection.keys.map((key, i) => {
      const c = byKey.get(key);
      return {
        key,
        name: projection.names[i]!,
        path: projection.paths[i]!,
        cls: c && c.status !== 'secret' ? classes.classOf(c.value) : null,
        highlight: key === spec.highlight,
      };
    }),
    legend: [
      ...classes.classes.map((c, k) => ({ cls: k, label: c.label })),
      { cls: null, label: 'kein Wert oder geheim (·)' },
    ],
    classes: classes.classes.length,
    source: sourceLine(grid.indicator.source, spec.date),
  };
}

/** The Steckbrief's map: its area outlined; in a large city only its district. */
export function mapFigure(indicator: string, title: string | undefined, ctx: Ctx): Promise<ReportMap> {
  const { profile, table } = ctx;
  const within = table.areas.length > MAX_MAP_AREAS && profile.area.parent ? profile.area.parent : null;
  return choropleth(
    ctx.db,
    table,
    {
      level: profile.area.level,
      levelName: levelDative(profile.area.levelName),
      date: profile.date,
      indicator,
      title,
      highlight: profile.area.id,
      within,
    },
    ctx.figures,
  );
}

export function chartFigure(title: string | undefined, ctx: Ctx, i: ProfileIndicator): ReportChart {
  const { profile } = ctx;
  const district = profile.area.parentName;
  const visible = (v: number | null, s: string | null) => (s === 'secret' ? null : v);
  // the area's line runs across a change of Gebietsstand: its converted years carry a marker
  const notes = convertedFootnotes();
  const converted = areaConversions(ctx);
  return {
    kind: 'chart',
    title: title ?? `${i.name}: Entwicklung`,
    unit: i.unit,
    decimals: i.decimals,
    labels: i.series.map((p) => notes.mark(p.date.slice(0, 4), converted(i.key, p.date))),
    series: [
      { name: profile.area.name, role: 'area', values: i.series.map((p) => visible(p.value, p.status)) },
      ...(district && profile.area.parentLevelName
        ? [
            {
              name: district,
              role: 'district' as const,
              values: i.series.map((p) => visible(p.districtValue, p.districtStatus)),
            },
          ]
        : []),
      { name: 'Stadt', role: 'city', values: i.series.map((p) => visible(p.cityValue, p.cityStatus)) },
    ],
    ...footnotesOf(notes),
    source: sourceLine(ctx.table.grids.get(i.key)?.indicator.source ?? 'Lagebild', profile.date),
  };
}
