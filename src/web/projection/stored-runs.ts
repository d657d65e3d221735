/**
 * Pure helpers of „Gespeicherte Prognosen“: the stored runs shaped into table rows (which one the
 * atlas shows, where to see it there), a name suggested for the run about to be stored, and the
 * Mindestgröße read from its field.
 */
import { formatDate, formatNumber } from '../../core/format.ts';
import { formatControlInput } from './control-input.ts';
import type { StoredProjection } from './projection-api.ts';
import { pt } from './texts.ts';

/** The indicator the atlas link opens: the projection always holds `ew` (all inhabitants). */
export const ATLAS_INDICATOR = 'einwohner';

/** One stored run as the table shows it. */
export interface StoredRunRow {
  id: number;
  name: string;
  level: string;
  base: string;
  to: string;
  method: string;
  /** The variant, and the Eckwerte when the run was controlled to them. */
  variant: string;
  control: string | null;
  minPopulation: string;
  createdBy: string;
  createdAt: string;
  published: boolean;
  /** The newest published run: the one the atlas shows as „Prognose“. */
  inAtlas: boolean;
  /** The atlas on the run's last Stichtag and level; null unless in the atlas. */
  atlasHref: string | null;
}

/**
 * The atlas with all inhabitants on a run's last projected Stichtag and its level, in the address
 * parameters of url-state.ts (`indikator`, `stichtag`, `ebene`).
 * @example projectionAtlasHref({ level: 'sozialraum', to: '2040-12-31', dates: ['2040-12-31'] }) // '/?indikator=einwohner&stichtag=2040-12-31&ebene=sozialraum'
 */
export function projectionAtlasHref(run: Pick<StoredProjection, 'level' | 'to' | 'dates'>): string {
  const params = new URLSearchParams({
    indikator: ATLAS_INDICATOR,
    stichtag: run.dates.at(-1) ?? run.to,
    ebene: run.level,
  });
  return `/?${params.toString()}`;
}

/**
 * A time stamp as German date and time in the browser's time zone.
 * @example formatCreated('2025-03-04T13:05:00Z') // '04.03.2025, 14:05' (in Berlin)
 */
export function formatCreated(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The runs as table rows, in the server's order (newest first); the first published one is what
 * the atlas shows (the server picks the published run with the highest id).
 * @param levelNames level key → name; an unknown key is shown as it is
 */
export function storedRunRows(
  runs: readonly StoredProjection[],
  levelNames: ReadonlyMap<string, string>,
): StoredRunRow[] {
  const inAtlas = runs
    .filter((r) => r.published)
    .reduce<number | null>((m, r) => Math.max(m ?? r.id, r.id), null);
  return runs.map((r) => ({
    id: r.id,
    name: r.name,
    level: levelNames.get(r.level) ?? r.level,
    base: formatDate(r.base),
    to: formatDate(r.to),
    method: pt.runs.methods[r.method],
    variant: pt.variants[r.variant],
    control: r.control?.length ? formatControlInput(r.control).replace(/\n/g, '; ') : null,
    minPopulation: formatNumber(r.minPopulation, 0),
    createdBy: r.createdBy ?? pt.runs.commandLine,
    createdAt: formatCreated(r.createdAt),
    published: r.published,
    inAtlas: r.id === inAtlas,
    atlasHref: r.id === inAtlas ? projectionAtlasHref(r) : null,
  }));
}

/**
 * The name offered for the run about to be stored (the planner may change it).
 * @example suggestedName('2024-12-31', '2040-12-31', 'main', true) // 'Bevölkerungsprognose 2024–2040, Hauptvariante, mit Eckwerten'
 */
export function suggestedName(
  base: string,
  to: string,
  variant: StoredProjection['variant'],
  controlled: boolean,
): string {
  const parts = [`Bevölkerungsprognose ${base.slice(0, 4)}–${to.slice(0, 4)}`, pt.variants[variant]];
  if (controlled) parts.push('mit Eckwerten');
  return parts.join(', ');
}

/** The Mindestgröße offered, the server's default (DEFAULT_MIN_POPULATION, projection-series.schema.ts). */
export const DEFAULT_MIN_POPULATION = 1000;

/** The largest Mindestgröße the server takes. */
export const MAX_MIN_POPULATION = 1_000_000;

/**
 * The Mindestgröße typed (whole inhabitants, thousands points allowed), or a German message.
 * @example parseMinPopulation('2.500') // { ok: true, value: 2500 }
 */
export function parseMinPopulation(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{3})+$|^\d+$/.test(t)) return { ok: false, message: pt.runs.minInvalid };
  const value = Number(t.replace(/\./g, ''));
  if (value > MAX_MIN_POPULATION) return { ok: false, message: pt.runs.minInvalid };
  return { ok: true, value };
}
