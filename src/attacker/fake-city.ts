/**
 * A tiny city served as a public API without a server, for testing the attacker itself: one
 * Stadtbezirk „Am Hafen“ with the small Sozialraum 309 (164 inhabitants, one child of 3–5) and
 * its sibling 310, published the way a naive protection does — counts below 3 and their
 * sibling hidden, no rates for areas under 300 inhabitants, every other value with full
 * floating-point precision.
 */
import { countKey } from './model.ts';
import type { Response, Transport } from './visitor.ts';

const DATE = '2019-12-31';
const AREAS = [
  { level: 'stadtbezirk', id: '3', name: 'Am Hafen', parent: '0' },
  { level: 'sozialraum', id: '309', name: 'Gewerbegebiet Am Kanal', parent: '3' },
  { level: 'sozialraum', id: '310', name: 'Marienthal', parent: '3' },
  { level: 'stadtbezirk', id: '4', name: 'Südost', parent: '0' },
  { level: 'sozialraum', id: '401', name: 'Erlenbruch', parent: '4' },
  { level: 'sozialraum', id: '402', name: 'Sonnenhang', parent: '4' },
];
/** Counts of the Sozialräume (the rest is summed). */
const LEAVES: Record<string, Record<string, number>> = {
  '309': { ew: 164, ew_u3: 4, ew_3_5: 1, ew_u6: 5, ew_65plus: 23 },
  '310': { ew: 3245, ew_u3: 91, ew_3_5: 75, ew_u6: 166, ew_65plus: 761 },
  '401': { ew: 5261, ew_u3: 140, ew_3_5: 131, ew_u6: 271, ew_65plus: 1130 },
  '402': { ew: 4926, ew_u3: 120, ew_3_5: 117, ew_u6: 237, ew_65plus: 1221 },
};
const INDICATORS = [
  { key: 'einwohner', numerator: 'ew', denominator: null, formula: 'count', decimals: 0 },
  { key: 'kinder_u3', numerator: 'ew_u3', denominator: null, formula: 'count', decimals: 0 },
  { key: 'kinder_3_5', numerator: 'ew_3_5', denominator: null, formula: 'count', decimals: 0 },
  { key: 'anteil_u6', numerator: 'ew_u6', denominator: 'ew', formula: 'share', decimals: 1 },
  { key: 'anteil_65plus', numerator: 'ew_65plus', denominator: 'ew', formula: 'share', decimals: 1 },
].map((i) => ({ ...i, name: i.key, unit: i.formula === 'count' ? 'Personen' : '%', periodYears: null }));
const VARIABLES = [
  { key: 'ew', name: 'Einwohner insgesamt', description: '' },
  { key: 'ew_u3', name: 'Kinder unter 3 Jahren', description: 'Einwohner im Alter von 0 bis 2 Jahren.' },
  { key: 'ew_3_5', name: 'Kinder von 3 bis 5 Jahren', description: 'Einwohner im Alter von 3 bis 5 Jahren.' },
  { key: 'ew_u6', name: 'Kinder unter 6 Jahren', description: 'Einwohner im Alter von 0 bis 5 Jahren.' },
  { key: 'ew_65plus', name: 'Einwohner ab 65 Jahren', description: '' },
];

function count(variable: string, id: string): number {
  const leaf = LEAVES[id];
  if (leaf) return leaf[variable]!;
  const kids = AREAS.filter((a) => a.parent === id).map((a) => a.id);
  return kids.reduce((s, k) => s + count(variable, k), 0);
}

/** Secret for the public: 309's child count with its sibling, and every rate of 309. */
function published(
  indicator: (typeof INDICATORS)[number],
  id: string,
): { value: number | null; status: string } {
  const secret =
    (indicator.key === 'kinder_3_5' && (id === '309' || id === '310')) ||
    (indicator.denominator !== null && count('ew', id) < 300);
  if (secret) return { value: null, status: 'secret' };
  const num = count(indicator.numerator, id);
  return {
    value: indicator.denominator ? (num / count(indicator.denominator, id)) * 100 : num,
    status: 'value',
  };
}

const OPENAPI = {
  paths: {
    '/api/indicators/{key}/values': {
      get: {
        parameters: [
          { in: 'path', name: 'key', required: true },
          { in: 'query', name: 'level', required: true },
          { in: 'query', name: 'date', required: true },
        ],
      },
    },
  },
};

function route(url: string): unknown {
  const u = new URL(url, 'http://city');
  if (u.pathname === '/api/docs/json') return OPENAPI;
  if (u.pathname === '/api/config')
    return {
      levels: [
        { key: 'stadt', name: 'Stadt', rank: 0, parent: null },
        { key: 'stadtbezirk', name: 'Stadtbezirk', rank: 1, parent: 'stadt' },
        { key: 'sozialraum', name: 'Sozialraum', rank: 2, parent: 'stadtbezirk' },
      ],
      dates: [DATE],
    };
  if (u.pathname === '/api/indicators') return INDICATORS;
  if (u.pathname === '/api/variables') return VARIABLES;
  if (u.pathname === '/api/areas') {
    const level = u.searchParams.get('level');
    if (level === 'stadt') return [{ id: '0', name: 'Hafenstadt', parent: null }];
    return AREAS.filter((a) => a.level === level);
  }
  const m = /^\/api\/indicators\/([a-z0-9_]+)\/values$/.exec(u.pathname);
  const ind = INDICATORS.find((i) => i.key === m?.[1]);
  if (ind && u.searchParams.get('date') === DATE) {
    const level = u.searchParams.get('level');
    return {
      indicator: ind.key,
      level,
      date: DATE,
      city: published(ind, '0'),
      values: AREAS.filter((a) => a.level === level).map((a) => ({
        id: a.id,
        name: a.name,
        ...published(ind, a.id),
      })),
    };
  }
  return null;
}

/** The public API of the tiny city. */
export const fakeCityTransport: Transport = async (url): Promise<Response> => {
  const body = route(url);
  return body === null
    ? { status: 404, type: 'application/json', body: '{"code":"not_found"}' }
    : { status: 200, type: 'application/json', body: JSON.stringify(body) };
};

/** The true counts of the tiny city, keyed as the attacker keys them. */
export function fakeCityTruth(): Map<string, number> {
  const truth = new Map<string, number>();
  const nodes = [{ level: 'stadt', id: '0' }, ...AREAS];
  for (const v of Object.keys(LEAVES['309']!))
    for (const n of nodes) truth.set(countKey(v, `${n.level}:${n.id}`, DATE), count(v, n.id));
  return truth;
}
