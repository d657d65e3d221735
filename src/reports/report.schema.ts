/**
 * Report templates as data (issue 5): chapters made of typed blocks. A template is applied to one
 * area (Steckbrief) by `assemble.ts`; the result is a plain report model that the HTML, PDF and
 * Word renderers turn into documents.
 *
 * Placeholders in `heading` and `text` blocks: `{area.name}`, `{area.level}`, `{area.parent}`,
 * `{date}` (Stichtag as 31.12.2024) and `{indicator:<key>.<field>}` with field `value`,
 * `district`, `city`, `difference`, `rank`, `change`, `name` (numbers German-formatted with unit).
 */
import { z } from 'zod';
import { badRequest } from '../core/errors.ts';

const Key = z.string().min(1).max(63);

export const HeadingBlock = z.object({ type: z.literal('heading'), text: z.string().min(1) });
export const TextBlock = z.object({ type: z.literal('text'), text: z.string().min(1) });
/** The generated German sentences of the area profile (profile-text.ts). */
export const SummaryBlock = z.object({ type: z.literal('summary') });
export const IndicatorTableBlock = z.object({
  type: z.literal('indicator_table'),
  title: z.string().optional(),
  /** Indicator keys; empty or missing = every indicator of `themes`, else all. */
  indicators: z.array(Key).optional(),
  themes: z.array(z.string().min(1)).optional(),
});
export const MapBlock = z.object({ type: z.literal('map'), indicator: Key, title: z.string().optional() });
export const ChartBlock = z.object({
  type: z.literal('chart'),
  indicator: Key,
  title: z.string().optional(),
});
export const RankingBlock = z.object({
  type: z.literal('ranking'),
  indicator: Key,
  /** Areas shown above and below the area itself. */
  around: z.number().int().min(0).max(20).default(3),
});
/** The area's classes in the composite index (status/dynamics) over the Stichtage. */
export const MatrixBlock = z.object({ type: z.literal('matrix') });
export const WarningsBlock = z.object({ type: z.literal('warnings') });
export const SourceBlock = z.object({ type: z.literal('source'), text: z.string().optional() });

export const Block = z.discriminatedUnion('type', [
  HeadingBlock,
  TextBlock,
  SummaryBlock,
  IndicatorTableBlock,
  MapBlock,
  ChartBlock,
  RankingBlock,
  MatrixBlock,
  WarningsBlock,
  SourceBlock,
]);
export type Block = z.infer<typeof Block>;

export const Chapter = z.object({ title: z.string().min(1), blocks: z.array(Block) });
export type Chapter = z.infer<typeof Chapter>;

export const ReportTemplate = z.object({
  key: Key,
  name: z.string().min(1),
  scope: z.enum(['area', 'city']).describe('area: applied to one area (Steckbrief)'),
  /** Title of the document; placeholders allowed. */
  title: z.string().min(1),
  /** Table of contents (Inhalt) after the title; for long reports such as the Sozialbericht. */
  toc: z.boolean().default(false),
  chapters: z.array(Chapter).min(1),
});
export type ReportTemplate = z.infer<typeof ReportTemplate>;

/** The built-in Steckbrief for one area: key figures, map, trends, ranking, index, warnings. */
export const STECKBRIEF: ReportTemplate = ReportTemplate.parse({
  key: 'steckbrief',
  name: 'Steckbrief',
  scope: 'area',
  title: 'Steckbrief {area.name}',
  chapters: [
    {
      title: 'Auf einen Blick',
      blocks: [
        {
          type: 'text',
          text:
            '{area.name} ({area.level}, {area.parent}) zum Stichtag {date}: Die SGB-II-Quote liegt bei ' +
            '{indicator:sgb2_quote.value} (Stadt: {indicator:sgb2_quote.city}), die Kinderarmut bei ' +
            '{indicator:kinderarmut.value} (Stadt: {indicator:kinderarmut.city}).',
        },
        { type: 'summary' },
        { type: 'map', indicator: 'sgb2_quote' },
      ],
    },
    {
      title: 'Indikatoren im Vergleich',
      blocks: [{ type: 'indicator_table' }],
    },
    {
      title: 'Entwicklung',
      blocks: [
        { type: 'chart', indicator: 'sgb2_quote' },
        { type: 'chart', indicator: 'kinderarmut' },
        { type: 'ranking', indicator: 'sgb2_quote', around: 3 },
      ],
    },
    {
      title: 'Sozialmonitoring',
      blocks: [{ type: 'matrix' }, { type: 'warnings' }, { type: 'source' }],
    },
  ],
});

export const BUILTIN_TEMPLATES: Record<string, ReportTemplate> = { steckbrief: STECKBRIEF };

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
