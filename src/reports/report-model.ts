/**
 * The report model: what a template becomes for one area — resolved German text, tables of
 * formatted values and figures as data. Renderers (HTML/PDF, Word) only lay it out.
 */
import { createHash } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import { badRequest, notFound } from '../core/errors.ts';
import { formatDate } from '../core/format.ts';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import type { LevelTable } from '../indicators/level-table.ts';
import type { ProfileIndicator, Steckbrief } from '../profile/profile.schema.ts';

export interface ReportTable {
  kind: 'table';
  title: string;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** Index of the row of the area itself, emphasised. */
  highlight: number | null;
  /** Optional background colour (#rrggbb) per body cell, e.g. the status/dynamics matrix. */
  shading?: (string | null)[][];
  /**
   * Notes under the table, before the source, each starting with the marker its cells carry
   * (values converted from an earlier Gebietsstand: converted-footnotes.ts). Absent: none.
   */
  footnotes?: string[];
  source: string;
}

export interface MapShape {
  key: string;
  name: string;
  /** SVG path data in the figure's coordinate system (viewBox 0 0 width height). */
  path: string;
  /** Class 0…classes−1, null = no value or secret. */
  cls: number | null;
  highlight: boolean;
}

export interface ReportMap {
  kind: 'map';
  title: string;
  width: number;
  height: number;
  shapes: MapShape[];
  legend: { cls: number | null; label: string }[];
  /** Number of classes the `cls` of shapes and legend count in (their colours); default 5. */
  classes?: number;
  source: string;
}

export interface ReportChart {
  kind: 'chart';
  title: string;
  unit: string;
  decimals: number;
  /** Stichtage as shown on the x axis (years). */
  labels: string[];
  series: { name: string; role: 'area' | 'district' | 'city'; values: (number | null)[] }[];
  /** Notes under the chart, before the source; their markers stand at the x labels they qualify. */
  footnotes?: string[];
  source: string;
}

export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'note'; text: string }
  /** Forces a new page (page 2 of a two-page Steckbrief). */
  | { kind: 'pagebreak' }
  | ReportTable
  | ReportMap
  | ReportChart;

export interface ReportSection {
  /** Anchor, unique in the document: `kapitel-3`, `gebiet-101`. */
  id: string;
  title: string;
  /** 1 = chapter; 2 = one area's Steckbrief inside the appendix chapter before it. */
  level: 1 | 2;
  /** Starts on a new page (chapters of long reports, every Steckbrief of the appendix). */
  pageBreak: boolean;
  /**
   * Exactly this many pages (the two-page Steckbrief of the Sozialbericht): content is laid out so
   * that it fits, `pagebreak` blocks separate the pages. Undefined = as long as needed.
   */
  pages?: number;
  blocks: ReportBlock[];
}

/** What the report was made for: template, level, area (null = whole city) and audience. */
export interface ReportTarget {
  template: string;
  level: string;
  area: string | null;
  date: string;
}

export interface ReportModel {
  title: string;
  subtitle: string;
  /** Stichtag YYYY-MM-DD. */
  date: string;
  /** Unprotected values: internal draft, never for publication. */
  internal: boolean;
  /** Data version (Datenstand) the report was made from; same version → same numbers. */
  dataVersion: string;
  /** Show a table of contents (Inhalt); PDF: with page numbers, HTML: with links, Word: TOC field. */
  toc: boolean;
  target: ReportTarget;
  sections: ReportSection[];
}

/**
 * The whole territory with its article in the genitive (`{city.genitive}`), from its level's name.
 * @example wholeGenitive('Kreis') // 'des Kreises'
 * @example wholeGenitive('Stadt') // 'der Stadt'
 */
export const wholeGenitive = (levelName = 'Stadt') =>
  levelName === 'Kreis' ? 'des Kreises' : `der ${levelName}`;

/** „Quelle: …; Stichtag 31.12.2024“ — under every table and figure. */
export const sourceLine = (source: string, date: string) => `Quelle: ${source}; Stichtag ${formatDate(date)}`;

/** Geometries and projections loaded once per report (a Sozialbericht draws hundreds of maps). */
export interface FigureCache {
  geometries: Map<
    string,
    Promise<{ key: string; name: string; parent: string | null; geometry: Polygon | MultiPolygon }[]>
  >;
  projections: Map<
    string,
    { keys: string[]; names: string[]; paths: string[]; width: number; height: number }
  >;
}

/** What every block is filled from: the profile and the level table the user may see. */
export interface Ctx {
  db: Db;
  profile: Steckbrief;
  indicators: Map<string, ProfileIndicator>;
  table: LevelTable;
  figures: FigureCache;
  /** Name of the city or Kreis (`{city.name}`). */
  cityName: string;
  /** Level name of the whole territory (`{city.level}`): „Stadt“ or „Kreis“; default „Stadt“. */
  cityLevelName?: string;
  /** Whose view the report shows (null: the public's); for blocks that read beyond the profile. */
  user?: User | null;
}

export const unknownIndicator = (key: string) =>
  badRequest(
    'reports.unknown_indicator',
    `Der Baustein nennt den Indikator „${key}“, den es hier nicht gibt.`,
    {
      indicator: key,
    },
  );

export const unknownTemplate = (key: string) =>
  notFound('reports.unknown_template', `Die Berichtsvorlage „${key}“ gibt es nicht.`, { template: key });

export const noAreas = () =>
  badRequest('reports.no_areas', 'Die Datenbank hat keine Gebiete; bitte zuerst Gebiete importieren.');

export function raise(err: Error): never {
  throw err;
}

/**
 * Content hash of a report (sha256 of the model): stored with the data version, it shows that a
 * report regenerated from the same data version has the same numbers and texts.
 */
export function reportHash(model: ReportModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex');
}
