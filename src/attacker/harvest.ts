/**
 * The crawl: every GET route of the OpenAPI document (`/api/docs/json`) is called as an anonymous
 * visitor with every level, indicator and Stichtag, and every area where it takes one. Bulk routes
 * (one request per indicator, level and Stichtag) come first; what they show as secret tells the
 * visitor where to look closer, so per-area routes are called for all areas at the latest
 * Stichtag and for the areas around a secret value (the area, its siblings, its parent) at every
 * Stichtag — the visitor's natural focus, and what keeps the crawl within minutes.
 */
import { readCoverage, readCoverageCsv, readRanking, readRankingCsv } from './coverage-readers.ts';
import { FactSink } from './facts.ts';
import { readFrame } from './frame.ts';
import type { CityFrame } from './model.ts';
import {
  readAreaProfile,
  readChanges,
  readClusters,
  readCompare,
  readIndicatorValues,
  readProfile,
  readSeries,
  readStatTable,
  readStatTableCsv,
  readValuesCsv,
  readWarnings,
  type Reader,
} from './readers.ts';
import { arr, obj, str, type Visitor } from './visitor.ts';

/** Routes whose numbers the attacker reads, by OpenAPI path and format. */
const READERS: Record<string, Partial<Record<'json' | 'csv', Reader>>> = {
  '/api/indicators/{key}/values': { json: readIndicatorValues },
  '/api/indicators/{key}/series': { json: readSeries },
  '/api/exports/values': { json: readIndicatorValues, csv: readValuesCsv },
  '/api/areas/{level}/{id}/profile': { json: readAreaProfile },
  '/api/profiles/{level}/{key}': { json: readProfile },
  '/api/monitoring/changes': { json: readChanges },
  '/api/monitoring/warnings': { json: readWarnings },
  '/api/typology/compare': { json: readCompare },
  '/api/typology/clusters': { json: readClusters },
  '/api/analysis/table': { json: readStatTable, csv: readStatTableCsv },
  '/api/coverage': { json: readCoverage },
  '/api/coverage/export': { csv: readCoverageCsv },
  '/api/planning/ranking': { json: readRanking },
  '/api/planning/ranking/export': { csv: readRankingCsv },
};

/**
 * Downloads whose JSON is the values route's answer in a file: read at the latest Stichtag only
 * (a difference to the values route would show there), their CSV at every Stichtag.
 */
const JSON_AT_LATEST = new Set(['/api/exports/values']);

/** Parameters that name one area of the level. */
const AREA_PARAMS = new Set(['id', 'area', 'a']);

export interface RouteStats {
  route: string;
  requests: number;
  ok: number;
  /** Status codes other than 200 with their number, e.g. `{401: 3}`. */
  refused: Record<string, number>;
}

export interface Harvest {
  frame: CityFrame;
  sink: FactSink;
  routes: RouteStats[];
  /** GET routes not read, with the reason. */
  unread: { route: string; reason: string }[];
  requests: number;
  ms: number;
}

interface Param {
  name: string;
  in: string;
  required: boolean;
  enum: string[] | null;
}

interface Route {
  path: string;
  params: Param[];
  /** A visitor may call it: no security requirements, or among them the empty one (no login). */
  anonymous: boolean;
}

/**
 * Whether OpenAPI security requirements let a visitor in: none declared, an empty list, or the
 * empty requirement among the alternatives.
 */
function anonymousAllowed(security: unknown): boolean {
  if (security === undefined) return true;
  const alternatives = arr(security);
  return alternatives.length === 0 || alternatives.some((req) => Object.keys(obj(req)).length === 0);
}

async function getRoutes(visitor: Visitor): Promise<Route[]> {
  const doc = obj(await visitor.json('/api/docs/json'));
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(obj(doc.paths))) {
    const get = obj(obj(ops).get);
    if (!Object.keys(get).length) continue;
    routes.push({
      path,
      anonymous: anonymousAllowed(get.security),
      params: arr(get.parameters)
        .map(obj)
        .map((p) => {
          const e = arr(obj(p.schema).enum).map(str);
          return {
            name: str(p.name),
            in: str(p.in),
            required: p.required === true,
            enum: e.length ? e : null,
          };
        }),
    });
  }
  return routes;
}

/** Calls every readable public GET route and reads its numbers into facts. */
export async function harvest(
  visitor: Visitor,
  opts: { maxFocusAreas?: number; allAreasAtLatest?: boolean } = {},
): Promise<Harvest> {
  const frame = await readFrame(visitor);
  const sink = new FactSink(frame);
  const routes = await getRoutes(visitor);
  const stats = new Map<string, RouteStats>();
  const unread: Harvest['unread'] = [];
  const levels = frame.levels.filter((l) =>
    [...frame.nodes.values()].some((n) => n.level === l.key && n.parent),
  );
  const areasOf = (level: string) =>
    [...frame.nodes.values()].filter((n) => n.level === level).map((n) => n.id);
  const latest = frame.dates.at(-1)!;

  const call = async (route: Route, query: Record<string, string>, format: 'json' | 'csv') => {
    let url = route.path;
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (url.includes(`{${k}}`)) url = url.replace(`{${k}}`, encodeURIComponent(v));
      else search.set(k, v);
    }
    const full = search.size ? `${url}?${search.toString()}` : url;
    const res = await visitor.get(full);
    const s = stats.get(route.path) ?? { route: route.path, requests: 0, ok: 0, refused: {} };
    s.requests++;
    stats.set(route.path, s);
    if (res.status !== 200) {
      s.refused[res.status] = (s.refused[res.status] ?? 0) + 1;
      return;
    }
    s.ok++;
    READERS[route.path]?.[format]?.({ sink, url: full, params: query, body: res.body });
  };

  /** Every combination of the route's parameters from the given domains. */
  const combos = (route: Route, domain: (p: Param) => string[] | null) => {
    let out: Record<string, string>[] = [{}];
    for (const p of route.params) {
      const values = domain(p);
      if (values === null) continue;
      out = out.flatMap((q) => values.map((v) => ({ ...q, [p.name]: v })));
    }
    return out;
  };
  const formats = (route: Route): ('json' | 'csv')[] => {
    const f = route.params.find((p) => p.name === 'format');
    if (!f) return ['json'];
    return (['json', 'csv'] as const).filter((x) => !f.enum || f.enum.includes(x));
  };
  const indicatorKeys = [...frame.indicators.keys()];
  const normKeys = [...(frame.norms?.keys() ?? [])];
  const chunks: string[] = [];
  for (let i = 0; i < indicatorKeys.length; i += 12) chunks.push(indicatorKeys.slice(i, i + 12).join(','));

  const readable = routes.filter((r) => {
    if (!r.anonymous) {
      unread.push({ route: r.path, reason: 'closed to visitors (login with a role required)' });
      return false;
    }
    if (READERS[r.path]) return true;
    unread.push({ route: r.path, reason: 'no linear reading of its numbers (ranks, z-values, text, files)' });
    return false;
  });
  const isAreaParam = (r: Route, p: Param) =>
    (p.required && AREA_PARAMS.has(p.name)) || (p.name === 'key' && r.path.startsWith('/api/profiles/'));
  const perArea = (r: Route) => r.params.some((p) => isAreaParam(r, p));
  const withFormat = (r: Route, q: Record<string, string>, format: string) =>
    r.params.some((p) => p.name === 'format') ? { ...q, format } : q;

  /** The domain of a parameter outside the area parameters. */
  const common = (p: Param, level: string, dates: string[]): string[] | null => {
    if (p.name === 'level') return [level];
    if (p.name === 'date') return dates;
    if (p.name === 'key' || p.name === 'indicator') return indicatorKeys;
    if (p.name === 'indicators') return p.required ? chunks : null;
    if (p.name === 'norm') return normKeys;
    if (p.name === 'format') return null;
    return null;
  };

  // Bulk routes: every indicator, level and Stichtag.
  for (const route of readable.filter((r) => !perArea(r)))
    for (const format of formats(route))
      for (const l of levels)
        for (const q of combos(route, (p) =>
          common(p, l.key, format === 'json' && JSON_AT_LATEST.has(route.path) ? [latest] : frame.dates),
        ))
          await call(route, withFormat(route, q, format), format);

  // Per-area routes: all areas at the latest Stichtag, the focus areas at every Stichtag.
  const focus = focusAreas(frame, sink, opts.maxFocusAreas ?? 40);
  for (const route of readable.filter(perArea)) {
    const hasDate = route.params.some((p) => p.name === 'date');
    for (const l of levels)
      for (const id of areasOf(l.key)) {
        const isFocus = focus.has(`${l.key}:${id}`);
        if (!isFocus && (!hasDate || opts.allAreasAtLatest === false)) continue;
        const dates = isFocus ? frame.dates : [latest];
        for (const q of combos(route, (p) =>
          isAreaParam(route, p)
            ? [id]
            : p.name === 'key' && route.path.startsWith('/api/indicators/')
              ? indicatorKeys
              : p.name === 'b'
                ? ['district', 'city']
                : common(p, l.key, dates),
        ))
          for (const format of formats(route)) await call(route, withFormat(route, q, format), format);
      }
  }
  return {
    frame,
    sink,
    routes: [...stats.values()],
    unread,
    requests: visitor.requests,
    ms: Math.round(visitor.ms),
  };
}

/**
 * Areas worth a closer look: those with a value shown as secret, their siblings and parents,
 * most secrets first.
 */
function focusAreas(frame: CityFrame, sink: FactSink, max: number): Set<string> {
  const secrets = new Map<string, number>();
  for (const k of sink.secretValues) {
    const node = k.split('|')[1]!;
    secrets.set(node, (secrets.get(node) ?? 0) + 1);
  }
  const ranked = [...secrets].sort((a, b) => b[1] - a[1]).map(([n]) => n);
  const out = new Set<string>();
  for (const n of ranked) {
    if (out.size >= max) break;
    out.add(n);
    const parent = frame.nodes.get(n)?.parent;
    if (!parent) continue;
    out.add(parent);
    for (const s of frame.children.get(parent) ?? []) if (out.size < max) out.add(s);
  }
  return out;
}
