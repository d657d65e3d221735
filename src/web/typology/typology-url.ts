/**
 * The typology and compare views live in the address, so a link reproduces them:
 * `/typologie?ebene=sozialraum&stichtag=2024-12-31&indikatoren=sgb2_quote,kinderarmut&k=auto` and
 * `/vergleich?ebene=sozialraum&stichtag=2024-12-31&a=101&b=stadt&indikatoren=…&toleranz=0.5&band=sd`.
 */
import { paths } from '../router.ts';

export interface TypologyState {
  level: string | null;
  date: string | null;
  /** null = the default selection. */
  indicators: string[] | null;
  /** 'auto' or '2' … '8'. */
  k: string;
}

/** B of a comparison: another area's key, the city or A's district. */
export type CompareTarget = string;
export const CITY = 'stadt';
export const DISTRICT = 'bezirk';

export interface CompareState {
  level: string | null;
  date: string | null;
  indicators: string[] | null;
  a: string | null;
  b: CompareTarget;
  tolerance: number;
  band: 'sd' | 'percent';
}

const K_VALUES = new Set(['auto', '2', '3', '4', '5', '6', '7', '8']);
/** Bands that find a handful of areas on six or seven indicators (demo city: 1–30 of 62). */
export const DEFAULT_TOLERANCE = { sd: 1, percent: 25 } as const;

const list = (value: string | null) => {
  const keys = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return keys.length ? [...new Set(keys)] : null;
};

/**
 * @example readTypologyState('?ebene=sozialraum&k=4').k // '4'
 */
export function readTypologyState(search: string): TypologyState {
  const p = new URLSearchParams(search);
  const k = p.get('k') ?? 'auto';
  return {
    level: p.get('ebene') || null,
    date: p.get('stichtag') || null,
    indicators: list(p.get('indikatoren')),
    k: K_VALUES.has(k) ? k : 'auto',
  };
}

/** @example typologyQuery({ level: 'sozialraum', date: null, indicators: ['a', 'b'], k: 'auto' }) // 'ebene=sozialraum&indikatoren=a%2Cb&k=auto' */
export function typologyQuery(s: TypologyState): string {
  const p = new URLSearchParams();
  if (s.level) p.set('ebene', s.level);
  if (s.date) p.set('stichtag', s.date);
  if (s.indicators?.length) p.set('indikatoren', s.indicators.join(','));
  p.set('k', s.k);
  return p.toString();
}

/**
 * @example readCompareState('?a=101&b=bezirk&toleranz=10&band=percent').tolerance // 10
 */
export function readCompareState(search: string): CompareState {
  const p = new URLSearchParams(search);
  const band = p.get('band') === 'percent' ? 'percent' : 'sd';
  const tolerance = Number(p.get('toleranz'));
  return {
    level: p.get('ebene') || null,
    date: p.get('stichtag') || null,
    indicators: list(p.get('indikatoren')),
    a: p.get('a') || null,
    b: p.get('b') || CITY,
    band,
    tolerance:
      p.has('toleranz') && Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : DEFAULT_TOLERANCE[band],
  };
}

export function compareQuery(s: CompareState): string {
  const p = new URLSearchParams();
  if (s.level) p.set('ebene', s.level);
  if (s.date) p.set('stichtag', s.date);
  if (s.indicators?.length) p.set('indikatoren', s.indicators.join(','));
  if (s.a) p.set('a', s.a);
  p.set('b', s.b);
  p.set('toleranz', String(s.tolerance));
  p.set('band', s.band);
  return p.toString();
}

/**
 * Address of the compare view for an area (against the city unless told otherwise).
 * @example compareHref('sozialraum', '101') // '/vergleich?ebene=sozialraum&a=101&b=stadt'
 */
export function compareHref(level: string, a: string, b: CompareTarget = CITY, date?: string): string {
  const p = new URLSearchParams({ ebene: level });
  if (date) p.set('stichtag', date);
  p.set('a', a);
  p.set('b', b);
  return `${paths.compare}?${p.toString()}`;
}

/** The API's name of B: `city`, `district` or an area key. */
export const apiTarget = (b: CompareTarget) => (b === CITY ? 'city' : b === DISTRICT ? 'district' : b);

/**
 * A tolerance as people type it: digits with an optional decimal comma (or point), not negative.
 * @example parseGermanNumber('0,75') // 0.75
 * @example parseGermanNumber('-1') // null
 */
export function parseGermanNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** @example germanNumber(0.75) // '0,75' */
export const germanNumber = (value: number) => String(value).replace('.', ',');

/** Writes a query into the address without a new history entry (the page stays the same). */
export function replaceQuery(query: string): void {
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(window.history.state, '', next);
}
