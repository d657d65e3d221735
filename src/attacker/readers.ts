/**
 * Readers of the public responses: each knows where one route puts its numbers (which indicator,
 * area, Stichtag, and whether a number is a value, a change, a gap to the city or a slope) and
 * feeds them to the fact sink. Numbers a reader does not understand are only counted.
 */
import type { FactSink, Printed } from './facts.ts';
import { nodeKey } from './frame.ts';
import { parseCsvNumber, type PublicIndicator } from './model.ts';
import { arr, num, obj, str } from './visitor.ts';

/** One fetched response and the query it answered. */
export interface ReadContext {
  sink: FactSink;
  url: string;
  params: Record<string, string>;
  body: string;
}

export type Reader = (ctx: ReadContext) => void;

const printed = (x: unknown): Printed | null => {
  const v = num(x);
  return v === null ? null : { value: v };
};

/** Decimal years as the area profile measures its trend window (`2024-12-31` ≈ 2024.997). */
export const decimalYear = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  return Number(date.slice(0, 4)) + (ms - start) / (365.2425 * 86_400_000);
};

function helpers(ctx: ReadContext) {
  const { frame } = ctx.sink;
  const node = (level: string, id: string) => {
    const k = nodeKey(level, id);
    return frame.nodes.has(k) ? k : null;
  };
  const indicator = (key: string): PublicIndicator | null => frame.indicators.get(key) ?? null;
  /** One published cell `{value, status}` of an indicator. */
  const cell = (ind: PublicIndicator, n: string | null, date: string, c: unknown, where: string) => {
    if (!n) return;
    const o = obj(c);
    if (o.status === 'secret') ctx.sink.secret(ind, n, date, where);
    ctx.sink.value(ind, n, date, printed(o.value), where);
  };
  const parentOf = (n: string | null) => (n ? (frame.nodes.get(n)?.parent ?? null) : null);
  return { frame, node, indicator, cell, parentOf };
}

/** `{indicator, level, date, city, values: [{id, value, status}]}` (values route, JSON export). */
export const readIndicatorValues: Reader = (ctx) => {
  const { frame, node, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const ind = indicator(str(body.indicator));
  const level = str(body.level);
  const date = str(body.date);
  if (!ind) return;
  cell(ind, frame.root, date, body.city, ctx.url);
  for (const v of arr(body.values)) cell(ind, node(level, str(obj(v).id)), date, v, ctx.url);
};

/** CSV export of one indicator: `key;name;value;status;…`, the city last with the territory's key. */
export const readValuesCsv: Reader = (ctx) => {
  const { frame, node, indicator } = helpers(ctx);
  const ind = indicator(ctx.params.indicator ?? '');
  const level = ctx.params.level ?? '';
  const date = ctx.params.date ?? '';
  if (!ind) return;
  const lines = ctx.body
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1);
  for (const line of lines) {
    const [key = '', , value = '', status = ''] = line.split(';');
    if (!line.trim()) continue;
    const n = node(level, key) ?? (key === '' || key === frame.cityKey ? frame.root : null);
    if (!n) continue;
    if (status.trim() === 'geheim' || value.trim() === '·') ctx.sink.secret(ind, n, date, ctx.url);
    ctx.sink.value(ind, n, date, parseCsvNumber(value), ctx.url);
  }
};

/** `{indicator, id, points: [{date, value, status, cityValue, cityStatus}]}` */
export const readSeries: Reader = (ctx) => {
  const { frame, node, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const ind = indicator(str(body.indicator));
  const n = node(ctx.params.level ?? '', str(body.id));
  if (!ind) return;
  for (const p of arr(body.points).map(obj)) {
    const date = str(p.date);
    cell(ind, n, date, p, ctx.url);
    cell(ind, frame.root, date, { value: p.cityValue, status: p.cityStatus }, ctx.url);
  }
};

/** `/api/areas/{level}/{id}/profile`: `{area, date, indicators: [{key, value, status, cityValue}]}` */
export const readAreaProfile: Reader = (ctx) => {
  const { frame, node, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const area = obj(body.area);
  const n = node(str(area.level), str(area.id));
  const date = str(body.date);
  for (const i of arr(body.indicators).map(obj)) {
    const ind = indicator(str(i.key));
    if (!ind) continue;
    cell(ind, n, date, i, ctx.url);
    cell(ind, frame.root, date, { value: i.cityValue, status: i.cityStatus }, ctx.url);
  }
};

/** `/api/profiles/{level}/{key}`: values, district, city, differences, changes, trends, series. */
export const readProfile: Reader = (ctx) => {
  const { frame, node, indicator, cell, parentOf } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const area = obj(body.area);
  const n = node(str(area.level), str(area.id));
  const district = parentOf(n);
  const date = str(body.date);
  const root = frame.root;
  if (!n) return;
  for (const theme of arr(body.themes))
    for (const i of arr(obj(theme).indicators).map(obj)) {
      const ind = indicator(str(i.key));
      if (!ind) continue;
      const where = `${ctx.url} ${ind.key}`;
      cell(ind, n, date, i.value, where);
      cell(ind, district, date, i.district, where);
      cell(ind, root, date, i.city, where);
      ctx.sink.combination(
        ind,
        [
          [1, n, date],
          [-1, root, date],
        ],
        printed(i.difference),
        where,
      );
      const change = obj(i.change);
      const since = str(change.since);
      if (since) {
        ctx.sink.combination(
          ind,
          [
            [1, n, date],
            [-1, n, since],
          ],
          printed(change.value),
          where,
        );
        ctx.sink.combination(
          ind,
          [
            [1, root, date],
            [-1, root, since],
          ],
          printed(change.city),
          where,
        );
      }
      const trend = obj(i.trend);
      const from = str(trend.since);
      if (from) {
        const window = frame.dates.filter((d) => d >= from && d <= date);
        ctx.sink.slope(ind, n, window, printed(trend.slope), where, decimalYear);
        ctx.sink.combination(
          ind,
          [
            [1, n, date],
            [-1, n, from],
          ],
          printed(trend.change),
          where,
        );
        ctx.sink.combination(
          ind,
          [
            [1, root, date],
            [-1, root, from],
          ],
          printed(trend.cityChange),
          where,
        );
      }
      for (const p of arr(i.series).map(obj)) {
        const d = str(p.date);
        cell(ind, n, d, p, where);
        cell(ind, district, d, { value: p.districtValue, status: p.districtStatus }, where);
        cell(ind, root, d, { value: p.cityValue, status: p.cityStatus }, where);
      }
    }
};

/** `/api/monitoring/changes`: value, previous, change, city, gaps and trends per indicator. */
export const readChanges: Reader = (ctx) => {
  const { frame, node, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const n = node(str(body.level), str(body.area));
  const date = str(body.date);
  const prev = str(body.previousDate);
  const root = frame.root;
  if (!n) return;
  for (const i of arr(body.indicators).map(obj)) {
    const ind = indicator(str(i.indicator));
    if (!ind) continue;
    const where = `${ctx.url} ${ind.key}`;
    cell(ind, n, date, i, where);
    cell(ind, root, date, { value: i.cityValue, status: 'value' }, where);
    ctx.sink.combination(
      ind,
      [
        [1, n, date],
        [-1, root, date],
      ],
      printed(i.gapToCity),
      where,
    );
    if (prev) {
      cell(ind, n, prev, { value: i.previous, status: 'value' }, where);
      cell(ind, root, prev, { value: i.cityPrevious, status: 'value' }, where);
      ctx.sink.combination(
        ind,
        [
          [1, n, date],
          [-1, n, prev],
        ],
        printed(i.change),
        where,
      );
      ctx.sink.combination(
        ind,
        [
          [1, root, date],
          [-1, root, prev],
        ],
        printed(i.cityChange),
        where,
      );
      ctx.sink.combination(
        ind,
        [
          [1, n, date],
          [-1, n, prev],
          [-1, root, date],
          [1, root, prev],
        ],
        printed(i.changeVsCity),
        where,
      );
    }
    const trend = obj(i.trend);
    const from = str(trend.from);
    if (from) {
      const window = frame.dates.filter((d) => d >= from && d <= date);
      if (window.length === num(trend.points)) {
        const year = (d: string) => Number(d.slice(0, 4));
        ctx.sink.slope(ind, n, window, printed(trend.slope), where, year);
        ctx.sink.slope(ind, root, window, printed(trend.citySlope), where, year);
      }
    }
  }
};

/** `/api/monitoring/warnings`: each warning names indicator, area, Stichtag and value. */
export const readWarnings: Reader = (ctx) => {
  const { node, indicator } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  for (const e of arr(body.entries).map(obj)) {
    const ind = indicator(str(e.indicator));
    const n = node(str(e.level), str(e.area));
    if (ind && n) ctx.sink.value(ind, n, str(e.date), printed(e.value), ctx.url);
  }
};

/** `/api/typology/compare`: both sides, district, city and the difference a − b per indicator. */
export const readCompare: Reader = (ctx) => {
  const { frame, node, indicator, cell, parentOf } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const level = str(body.level);
  const date = str(body.date);
  const a = node(level, str(obj(body.a).key));
  const bSide = obj(body.b);
  const b =
    bSide.kind === 'city'
      ? frame.root
      : bSide.kind === 'district'
        ? parentOf(a)
        : node(level, str(bSide.key));
  if (!a) return;
  for (const r of arr(body.rows).map(obj)) {
    const ind = indicator(str(r.indicator));
    if (!ind) continue;
    cell(ind, a, date, r.a, ctx.url);
    cell(ind, b, date, r.b, ctx.url);
    cell(ind, frame.root, date, r.city, ctx.url);
    cell(ind, parentOf(a), date, r.district, ctx.url);
    if (b)
      ctx.sink.combination(
        ind,
        [
          [1, a, date],
          [-1, b, date],
        ],
        printed(r.difference),
        ctx.url,
      );
  }
};

/** `/api/typology/clusters`: the city value of each indicator used. */
export const readClusters: Reader = (ctx) => {
  const { frame, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  for (const i of arr(body.indicators).map(obj)) {
    const ind = indicator(str(i.key));
    if (ind) cell(ind, frame.root, str(body.date), i.city, ctx.url);
  }
};

/** `/api/analysis/table` as JSON: rows of areas, their parents and the city. */
export const readStatTable: Reader = (ctx) => {
  const { frame, node, indicator, cell } = helpers(ctx);
  const body = obj(JSON.parse(ctx.body));
  const level = str(body.level);
  const date = str(body.date);
  const parentLevel = parentLevelOf(ctx, level);
  const columns = arr(body.columns).map((c) => indicator(str(obj(c).key)));
  for (const r of arr(body.rows).map(obj)) {
    const n =
      r.kind === 'city'
        ? frame.root
        : r.kind === 'parent'
          ? parentLevel(str(r.key))
          : node(level, str(r.key));
    arr(r.cells).forEach((c, j) => {
      const ind = columns[j];
      if (ind) cell(ind, n, date, c, ctx.url);
    });
  }
};

/** `/api/analysis/table` as CSV: `key;name;Art;…` with the columns in the order asked for. */
export const readStatTableCsv: Reader = (ctx) => {
  const { frame, node, indicator } = helpers(ctx);
  const level = ctx.params.level ?? '';
  const date = ctx.params.date ?? '';
  const parentLevel = parentLevelOf(ctx, level);
  const levelName = frame.levels.find((l) => l.key === level)?.name;
  const columns = (ctx.params.indicators ?? '').split(',').map(indicator);
  for (const line of ctx.body
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)) {
    if (!line.trim()) continue;
    const [key = '', , art = '', ...values] = line.split(';');
    if (art === 'Zielwert') continue;
    const n = art === levelName ? node(level, key) : art === 'Gesamtstadt' ? frame.root : parentLevel(key);
    if (!n) continue;
    values.forEach((text, j) => {
      const ind = columns[j];
      if (!ind) return;
      if (text.trim() === '·') ctx.sink.secret(ind, n, date, ctx.url);
      ctx.sink.value(ind, n, date, parseCsvNumber(text), ctx.url);
    });
  }
};

/**
 * The node of a parent row by its key: the parent of some area of `level` with that key (in a
 * ragged hierarchy the parents of one level lie on several levels).
 */
function parentLevelOf(ctx: ReadContext, level: string): (key: string) => string | null {
  const { frame } = ctx.sink;
  const parents = new Map<string, string>();
  for (const n of frame.nodes.values()) {
    const p = n.level === level && n.parent ? frame.nodes.get(n.parent) : undefined;
    if (p) parents.set(p.id, p.key);
  }
  return (key) => parents.get(key) ?? null;
}
