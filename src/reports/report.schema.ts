/**
 * Report templates as data: chapters made of typed blocks. A template is applied to one
 * area (scope `area`, `assemble-area.ts`) or to the whole city and one level (scope `city`,
 * `assemble-city.ts`); the result is a plain report model that the HTML, PDF and Word renderers
 * turn into documents. The built-in templates are in `templates.ts`.
 *
 * Placeholders in titles, headings, texts and list items: `{date}` (Stichtag as 31.12.2024),
 * `{city.name}`, `{city.level}` (the whole territory's level: „Stadt“ or „Kreis“), `{city.genitive}`
 * („der Stadt“, „des Kreises“) and `{indicator:<key>.<field>}` (numbers German-formatted with unit).
 * Area scope also `{area.name}`, `{area.level}`, `{area.parent}`; fields `value`, `district`,
 * `city`, `difference`, `rank`, `change`, `name`. City scope fields `value`/`city`, `change`, `name`,
 * `max`, `min` (the area with the highest/lowest value and its value); `{level.name}` (the
 * level's plural, „Stadtbezirke“; after „nach“, „von“, „in den“ … the dative „Stadtbezirken“, or
 * explicitly `{level.dative}`), `{areas.count}`, `{warnings.count}`, `{index.name}`. Statement
 * scope (a statement on a land-use plan, `statements/statement-report.ts`): `{statement.name}`,
 * `{statement.number}`, `{statement.plan}`, `{statement.dwellings}`, `{statement.residents}`,
 * `{statement.firstYear}`, `{statement.areas}`, `{statement.level}`, `{today}`, `{city.name}`, `{date}`.
 */
import { z } from 'zod';
import { badRequest } from '../core/errors.ts';

const Key = z.string().min(1).max(63);
const Count = z.number().int().min(1).max(8).default(1);

export const HeadingBlock = z.object({ type: z.literal('heading'), text: z.string().min(1) });
export const TextBlock = z.object({ type: z.literal('text'), text: z.string().min(1) });
/** A bulleted list, e.g. the Anlagen of a Beschlussvorlage; placeholders allowed in every item. */
export const ListBlock = z.object({ type: z.literal('list'), items: z.array(z.string().min(1)).min(1) });
/**
 * Generated German sentences: for an area the text of its profile (profile-text.ts), for the city a
 * summary of the monitoring (classes, robustness, warnings).
 */
export const SummaryBlock = z.object({ type: z.literal('summary') });
export const IndicatorTableBlock = z.object({
  type: z.literal('indicator_table'),
  title: z.string().optional(),
  /** Indicator keys; empty or missing = every indicator of `themes`, else all. */
  indicators: z.array(Key).optional(),
  themes: z.array(z.string().min(1)).optional(),
});

/**
 * Figures and rankings name one indicator, or a theme whose first `count` indicators (catalogue
 * order) are shown — so one template serves cities with different indicator catalogues.
 */
const indicatorChoice = {
  indicator: Key.optional(),
  theme: z.string().min(1).optional(),
  count: Count,
};
const needsIndicatorOrTheme = (b: { indicator?: string; theme?: string }) => !!(b.indicator || b.theme);
const INDICATOR_OR_THEME = { message: 'Indikator oder Thema angeben' };

export const MapBlock = z
  .object({ type: z.literal('map'), ...indicatorChoice, title: z.string().optional() })
  .refine(needsIndicatorOrTheme, INDICATOR_OR_THEME);
export const ChartBlock = z
  .object({ type: z.literal('chart'), ...indicatorChoice, title: z.string().optional() })
  .refine(needsIndicatorOrTheme, INDICATOR_OR_THEME);
export const RankingBlock = z
  .object({
    type: z.literal('ranking'),
    ...indicatorChoice,
    /** Area scope: areas shown above and below the area itself. */
    around: z.number().int().min(0).max(20).default(3),
    /** City scope: the n highest and the n lowest areas. */
    limit: z.number().int().min(1).max(50).default(5),
  })
  .refine(needsIndicatorOrTheme, INDICATOR_OR_THEME);
/**
 * The composite index: for an area its classes over the Stichtage, for the city the
 * status/dynamics matrix (areas and inhabitants per cell), the class map and robustness.
 */
export const MatrixBlock = z.object({ type: z.literal('matrix'), index: Key.optional() });
export const WarningsBlock = z.object({
  type: z.literal('warnings'),
  /** City scope: at most this many entries (most severe first). */
  limit: z.number().int().min(1).max(500).default(30),
});
/** Findings from the monitoring as sentences with numbers (the Sachverhalt of a Beschlussvorlage). */
export const FindingsBlock = z.object({
  type: z.literal('findings'),
  limit: z.number().int().min(1).max(50).default(5),
});
/** City scope: one Steckbrief per area of `level` (default: the finest level), each from `template`. */
export const AreaProfilesBlock = z.object({
  type: z.literal('area_profiles'),
  template: Key.default('steckbrief_kurz'),
  level: Key.optional(),
});
/**
 * Statement scope: one part of a statement on a land-use plan (statements/statement-report.ts) — `plan`
 * (dwellings by type and year), `map` (plan area and affected areas), `residents` (expected
 * residents by age per year), `need` (additional need per norm), `coverage` (the affected areas
 * before and after), `assessment` (generated sentences), `assumptions` (profile, norms, sources).
 */
export const StatementBlock = z.object({
  type: z.literal('statement'),
  part: z.enum(['plan', 'map', 'residents', 'need', 'coverage', 'assessment', 'assumptions']),
});
const RankingWeight = z.number().min(0).max(100);
/**
 * City scope: the Bedarfsplan for one norm on the report's level (planning/ranking.service.ts) —
 * `ranking` (the rule, a map of the first `top` areas, their table with reasons, the notes),
 * `coverage` (the norm's coverage of every area and the city), `assumptions` (norm, factors,
 * sources, criteria). `index` is the composite index whose class counts; weights and radius as
 * the ranking's defaults unless given (Braunschweig's Nachbarschaftszentren: gap 0, 1,000 m).
 */
export const NeedsRankingBlock = z.object({
  type: z.literal('needs_ranking'),
  part: z.enum(['ranking', 'coverage', 'assumptions']).default('ranking'),
  norm: Key,
  index: Key.optional(),
  radius: z.number().positive().max(100_000).optional(),
  top: z.number().int().min(1).max(100).default(10),
  weights: z
    .object({ gap: RankingWeight, class: RankingWeight, distance: RankingWeight })
    .partial()
    .optional(),
  minSeverity: z.number().min(0).max(1).optional(),
});
/**
 * City scope: the Pflegebedarfsplan on the report's level (care/care-plan.service.ts), projected
 * from the report's Stichtag to the end of `horizon` — `demography` (65+ and the care-relevant ages),
 * `need` (persons in need by setting, city and districts), `capacity` (places in Pflegeheimen and
 * Tagespflege in operation), `required` (places needed), `gap` (areas by missing places in the
 * last year, with a map), `scenarios` (constant rates against rates changing by `trend` a year),
 * `assumptions` (rates, shares, occupancy, source), `summary` (the Altenhilfeplan chapter of a
 * Sozialbericht: sentences and the city's numbers). Built from unprotected counts by age, so only
 * internal reports show numbers; a public report gets a note.
 */
export const CarePlanBlock = z.object({
  type: z.literal('care_plan'),
  view: z
    .enum(['demography', 'need', 'capacity', 'required', 'gap', 'scenarios', 'assumptions', 'summary'])
    .default('summary'),
  /** Last year of the projection (at the Stichtag's day and month). */
  horizon: z.number().int().min(1900).max(2200).default(2040),
  /** Years shown after the first projected one; those outside the projection are left out. */
  years: z.array(z.number().int().min(1900).max(2200)).max(8).default([2030, 2035, 2040]),
  /** Yearly factor on every care rate in the second scenario (1.01: rising 1 % a year). */
  trend: z.number().positive().max(2).default(1.01),
  /** `gap`: at most this many areas in the table. */
  top: z.number().int().min(1).max(500).default(20),
  /** Key of the care assumptions (rates, shares, occupancy); default the federal ones of 2019. */
  assumptions: z.string().min(1).max(60).optional(),
});
/**
 * Measures (Steuerung, measures/measure.service.ts): in a city report `overview` (the decided
 * measures with status, progress and money) or `effect` (per goal the comparison with similar
 * areas, in words that do not claim more than the data carry); in an area report the measures
 * working in the area with their goals; in a measure report (scope `measure`, the Beschlussvorlage
 * of one measure) its parts: `proposal`, `overview`, `goals`, `effect`, `budget`, `history`.
 */
export const MeasuresBlock = z.object({
  type: z.literal('measures'),
  view: z.enum(['overview', 'effect', 'proposal', 'goals', 'budget', 'history']).default('overview'),
});
/**
 * City scope: participation — the surveys that ran (period, answers) and the approved remarks on
 * the map by category (reports/participation-blocks.ts).
 */
export const ParticipationBlock = z.object({ type: z.literal('participation') });
/**
 * City scope, only in a Kreis: the Gemeinden (the level below the Kreis) compared per indicator —
 * value, rank, difference to the Kreis, the Kreis row among them, and a sentence naming the highest
 * and the lowest Gemeinde (reports/kreis-comparison.ts). The indicators: `indicators`, else the
 * first `count` rates of each of `themes`. In a city the block is left out, and a chapter holding
 * nothing else with it.
 */
export const KreisComparisonBlock = z.object({
  type: z.literal('kreis_comparison'),
  indicators: z.array(Key).optional(),
  themes: z.array(z.string().min(1)).optional(),
  count: Count,
});
export const PageBreakBlock = z.object({ type: z.literal('pagebreak') });
export const SourceBlock = z.object({ type: z.literal('source'), text: z.string().optional() });

export const Block = z.discriminatedUnion('type', [
  HeadingBlock,
  TextBlock,
  ListBlock,
  SummaryBlock,
  IndicatorTableBlock,
  MapBlock,
  ChartBlock,
  RankingBlock,
  MatrixBlock,
  WarningsBlock,
  FindingsBlock,
  AreaProfilesBlock,
  StatementBlock,
  NeedsRankingBlock,
  CarePlanBlock,
  MeasuresBlock,
  ParticipationBlock,
  KreisComparisonBlock,
  PageBreakBlock,
  SourceBlock,
]);
export type Block = z.infer<typeof Block>;
export type BlockType = Block['type'];

export const Chapter = z.object({ title: z.string().min(1), blocks: z.array(Block) });
export type Chapter = z.infer<typeof Chapter>;

export const TEMPLATE_SCOPES = ['area', 'city', 'statement', 'measure'] as const;

export const ReportTemplate = z.object({
  key: Key.regex(/^[a-z0-9_-]+$/, 'nur Kleinbuchstaben, Ziffern, _ und -'),
  name: z.string().min(1),
  description: z.string().default(''),
  scope: z
    .enum(TEMPLATE_SCOPES)
    .describe(
      'area: applied to one area (Steckbrief); city: to the whole city and a level; statement: to a ' +
        'statement on a land-use plan (Stellungnahme); measure: to one measure (Beschlussvorlage)',
    ),
  /** Title of the document; placeholders allowed. */
  title: z.string().min(1),
  /** Table of contents (Inhalt) after the title; for long reports such as the Sozialbericht. */
  toc: z.boolean().default(false),
  /** Area templates: exactly this many pages per area when used in a Sozialbericht appendix. */
  pages: z.number().int().min(1).max(10).optional(),
  /** Every chapter starts on a new page. */
  chapterBreaks: z.boolean().default(false),
  chapters: z.array(Chapter).min(1),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;
/** A template as written by hand or in JSON (defaults not yet applied). */
export type ReportTemplateInput = z.input<typeof ReportTemplate>;

/** Finds a template by key (the area template of `area_profiles`); the report's lookup. */
export type TemplateResolver = (key: string) => Promise<ReportTemplate | null>;

/**
 * A template from JSON (import of an edited template), validated against the schema.
 * @throws reports.invalid_template (400) naming the first wrong field in German
 */
export function parseTemplateJson(text: string, name: string): ReportTemplate {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw badRequest(
      'reports.invalid_template',
      `Die Vorlage „${name}“ ist kein gültiges JSON (${String(err)}).`,
      {
        file: name,
      },
    );
  }
  const result = ReportTemplate.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.join('.') || '(Wurzel)';
  throw badRequest(
    'reports.invalid_template',
    `Die Vorlage „${name}“ ist fehlerhaft: Feld „${path}“ – ${issue.message}.`,
    {
      file: name,
      path,
    },
  );
}
