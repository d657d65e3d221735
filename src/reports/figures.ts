/**
 * The figures of a report as data: the choropleth of the level (quantile classes, the area
 * highlighted, geometry projected to figure coordinates) and the time series of an indicator.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { quantile } from 'simple-statistics';
import { areaGeometries } from '../areas/area.repository.ts';
import { formatNumber, withUnit } from '../core/format.ts';
import type { ProfileIndicator } from '../profile/profile.schema.ts';
import {
  raise,
  sourceLine,
  unknownIndicator,
  type Ctx,
  type ReportChart,
  type ReportMap,
} from './report-model.ts';
import type { Block } from './report.schema.ts';

export const MAP_CLASSES = 5;
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

export async function mapFigure(block: Extract<Block, { type: 'map' }>, ctx: Ctx): Promise<ReportMap> {
  const { profile, table } = ctx;
  const geometries = await areaGeometries(ctx.db, profile.area.level, 'display');
  const grid = table.grids.get(block.indicator) ?? raise(unknownIndicator(block.indicator));
  const dateIndex = table.dates.indexOf(profile.date);
  const byKey = new Map(table.areas.map((a, i) => [a.key, grid.cells[dateIndex]?.[i] ?? null]));
  const values = [...byKey.values()].flatMap((c) =>
    c && c.status !== 'secret' && c.value !== null ? [c.value] : [],
  );
  // quantile classes, as the atlas starts without a stored classification
  const breaks = values.length
    ? Array.from({ length: MAP_CLASSES - 1 }, (_, k) => quantile(values, (k + 1) / MAP_CLASSES))
    : [];
  const classOf = (v: number) => breaks.filter((b) => v > b).length;
  const { paths, width, height } = project(geometries);
  const { decimals, unit } = grid.indicator;
  const bounds = [
    values.length ? Math.min(...values) : 0,
    ...breaks,
    values.length ? Math.max(...values) : 0,
  ];
  return {
    kind: 'map',
    title: block.title ?? `${grid.indicator.name} nach ${profile.area.levelName}`,
    width,
    height,
    shapes: geometries.map((g, i) => {
      const c = byKey.get(g.key);
      return {
        key: g.key,
        name: g.name,
        path: paths[i]!,
        cls: c && c.status !== 'secret' && c.value !== null ? classOf(c.value) : null,
        highlight: g.key === profile.area.id,
      };
    }),
    legend: [
      ...(breaks.length
        ? bounds.slice(0, -1).map((low, k) => ({
            cls: k,
            label: `${formatNumber(low, decimals)} bis ${withUnit(bounds[k + 1]!, decimals, unit)}`,
          }))
        : []),
      { cls: null, label: 'kein Wert oder geheim (·)' },
    ],
    source: sourceLine(grid.indicator.source, profile.date),
  };
}

export function chartFigure(
  block: Extract<Block, { type: 'chart' }>,
  ctx: Ctx,
  i: ProfileIndicator,
): ReportChart {
  const { profile } = ctx;
  const district = profile.area.parentName;
  const visible = (v: number | null, s: string | null) => (s === 'secret' ? null : v);
  return {
    kind: 'chart',
    title: block.title ?? `${i.name}: Entwicklung`,
    unit: i.unit,
    decimals: i.decimals,
    labels: i.series.map((p) => p.date.slice(0, 4)),
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
    source: sourceLine(ctx.table.grids.get(i.key)?.indicator.source ?? 'Lagebild', profile.date),
  };
}
