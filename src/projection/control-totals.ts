/**
 * City totals a projection is controlled to (docs/methods.md §8.4): the state office's projection
 * for the municipality — one total per year or per few years — read from a `date,total` table,
 * checked against the projection's years, interpolated linearly for the years between, and the
 * low/main/high variants of {@link DEFAULT_VARIANTS} around the main total.
 */
import { badRequest } from '../core/errors.ts';
import { controlToTotal, DEFAULT_VARIANTS, stocksTotal, variantTotal } from './control.ts';
import type { Stocks } from './hamilton-perry.ts';

/** A city total (persons) at a Stichtag. */
export interface ControlPoint {
  date: string;
  total: number;
}

export const VARIANT_KEYS = ['low', 'main', 'high'] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const year = (iso: string) => Number(iso.slice(0, 4));

/**
 * Refuses control totals the projection cannot meet: a date that is not whole years after the
 * base, two totals for one date, a total that is no positive number, or totals ending before
 * `to` (held constant they would invent a stagnation the state office never projected).
 * @throws projection.bad_control (400)
 */
export function checkControl(points: readonly ControlPoint[], base: string, to: string): void {
  const bad = (message: string, details: Record<string, unknown> = {}) =>
    badRequest('projection.bad_control', message, details);
  if (!points.length) throw bad('Es sind keine Eckwerte (Stichtag und Einwohnerzahl der Stadt) angegeben.');
  const seen = new Set<string>();
  for (const p of points) {
    if (p.date.slice(4) !== base.slice(4) || p.date <= base)
      throw bad(
        `Der Eckwert zum ${day(p.date)} liegt nicht ganze Jahre nach dem Basisstichtag ${day(base)}.`,
        { date: p.date },
      );
    if (seen.has(p.date))
      throw bad(`Für den ${day(p.date)} ist mehr als ein Eckwert angegeben.`, { date: p.date });
    seen.add(p.date);
    if (!(Number.isFinite(p.total) && p.total > 0))
      throw bad(`Der Eckwert zum ${day(p.date)} ist keine positive Einwohnerzahl.`, { date: p.date });
  }
  const last = [...seen].sort().at(-1)!;
  if (last < to)
    throw bad(
      `Die Eckwerte reichen nur bis ${day(last)}; die Prognose bis ${day(to)} braucht einen Eckwert für ihr letztes Jahr.`,
      { last, to },
    );
}

/**
 * Adjusts every area's yearly stocks proportionally so that the city total of each year is the
 * target: the control total of that year (linear between the base total and the given totals),
 * else the projection's own total; for `low`/`high` that total grows by the variant's rate a year
 * from the base. Areas keep their shares and age structures.
 * @param yearly stocks per area, then per year after the base (index 0 = base + 1 year)
 * @param baseTotal the city's persons at the base (the anchor of the interpolation)
 * @example the projection gives 1,000 in 2026, the control 1,100 at 2026: every cell × 1.1
 */
export function applyControl(
  yearly: readonly Stocks[][],
  opts: { baseYear: number; baseTotal: number; control?: readonly ControlPoint[]; variant?: VariantKey },
): Stocks[][] {
  const { baseYear, baseTotal, control } = opts;
  const variant = DEFAULT_VARIANTS.find((v) => v.key === (opts.variant ?? 'main'));
  if (!variant) throw new Error(`applyControl: no variant ${opts.variant}`);
  const published = control?.length
    ? {
        key: 'control',
        label: 'Eckwerte',
        totals: Object.fromEntries([
          [String(baseYear), baseTotal],
          ...control.map((p) => [String(year(p.date)), p.total]),
        ]) as Record<string, number>,
      }
    : null;
  const horizon = yearly[0]?.length ?? 0;
  const out = yearly.map((areaYears) => [...areaYears]);
  for (let j = 0; j < horizon; j++) {
    const y = baseYear + j + 1;
    const areas = yearly.map((a) => a[j]!);
    const own = areas.reduce((s, a) => s + stocksTotal(a), 0);
    const main = published ? variantTotal(published, baseTotal, baseYear, y) : own;
    const target = variantTotal(variant, main, baseYear, y);
    if (target === own) continue;
    controlToTotal(areas, target).forEach((a, i) => (out[i]![j] = a));
  }
  return out;
}

/**
 * Control totals from a `date,total` table (comma or semicolon; a header row; dates as
 * YYYY-MM-DD or DD.MM.YYYY; totals with or without thousands separators).
 * @throws projection.bad_control_file (400) naming the file and the row
 * @example parseControlCsv('date,total\n2030-12-31,512000\n', 'l.csv') // [{ date: '2030-12-31', total: 512000 }]
 */
export function parseControlCsv(text: string, file: string): ControlPoint[] {
  const out: ControlPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || (i === 0 && /[a-z]/i.test(line))) return;
    const bad = (what: string) =>
      badRequest('projection.bad_control_file', `${file}, Zeile ${i + 1}: ${what} (erwartet: date,total).`, {
        file,
        row: i + 1,
      });
    const [d, t, ...rest] = line.split(/[;,]\s*/).map((s) => s.trim().replace(/^"|"$/g, ''));
    if (!d || !t || rest.length) throw bad('zwei Spalten erwartet, Stichtag und Einwohnerzahl');
    const german = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(d);
    const date = german ? `${german[3]}-${german[2]}-${german[1]}` : d;
    const parsed = new Date(`${date}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      isNaN(parsed.getTime()) ||
      !parsed.toISOString().startsWith(date)
    )
      throw bad(`„${d}“ ist kein Datum`);
    const total = Number(t.replace(/[.\s']/g, ''));
    if (!/^\d[\d.\s']*$/.test(t) || !Number.isFinite(total)) throw bad(`„${t}“ ist keine Einwohnerzahl`);
    out.push({ date, total });
  });
  return out;
}
