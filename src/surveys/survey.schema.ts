/**
 * Surveys (Befragungen) of the Beteiligung: what planners build, what the public answers and the
 * results planners read. One schema each for validation, types, OpenAPI and the web client.
 */
import { z } from 'zod';

export const SurveyStatus = z
  .enum(['entwurf', 'offen', 'geschlossen'])
  .describe('entwurf: questions editable, not public; offen: the link takes answers; geschlossen: no more');
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const QuestionKind = z
  .enum(['single', 'multiple', 'scale', 'text', 'area'])
  .describe(
    'single = one option; multiple = several options; scale = a number from scaleMin to scaleMax; text = free text (moderated); area = the area of the survey level one lives in',
  );
export type QuestionKind = z.infer<typeof QuestionKind>;

const isoDate = z.iso.date().describe('YYYY-MM-DD');

export const SurveyKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,19}$/, 'Schlüssel: 2–20 Zeichen a–z, 0–9 und _, mit einem Buchstaben vorn.')
  .refine((k) => k !== 'public', 'Der Schlüssel „public“ ist vergeben.')
  .describe('Stable key, part of the variable keys bfr_<key>_…');

/** A question as the builder sends it: its place is its index in the list. */
export const QuestionInput = z.object({
  kind: QuestionKind,
  text: z.string().trim().min(1, 'Der Fragetext fehlt.').max(500),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(200)).max(20).default([]).describe('single, multiple'),
  scaleMin: z.number().int().min(0).max(10).nullable().default(null).describe('scale: lowest value'),
  scaleMax: z.number().int().min(1).max(10).nullable().default(null).describe('scale: highest value'),
  minLabel: z.string().max(100).default('').describe('scale: label of the lowest value'),
  maxLabel: z.string().max(100).default('').describe('scale: label of the highest value'),
});
export type QuestionInput = z.input<typeof QuestionInput>;
export type QuestionDef = z.output<typeof QuestionInput>;

export const Question = QuestionInput.extend({
  id: z.number().int(),
  position: z.number().int().describe('0-based place in the questionnaire'),
});
export type Question = z.infer<typeof Question>;

export const QuestionList = z.object({ questions: z.array(QuestionInput).max(50) });

export const NewSurvey = z.object({
  key: SurveyKey,
  title: z.string().trim().min(1, 'Der Titel fehlt.').max(200),
  description: z.string().max(4000).default(''),
  periodFrom: isoDate,
  periodTo: isoDate.describe('End of the field time: the Stichtag of the published indicators'),
  minAnswers: z.number().int().min(3).max(1000).default(10).describe('Mindestfallzahl per area'),
  level: z.string().min(1).nullable().default(null).describe('Level of the area question'),
});
export type NewSurvey = z.input<typeof NewSurvey>;

export const SurveyPatch = NewSurvey.omit({ key: true }).partial();
export type SurveyPatch = z.infer<typeof SurveyPatch>;

export const Survey = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  status: SurveyStatus,
  periodFrom: z.string(),
  periodTo: z.string(),
  minAnswers: z.number().int(),
  level: z.string().nullable(),
  token: z.string().describe('Secret of the public link'),
  publicPath: z.string().describe('/befragung/<token>'),
  responses: z.number().int(),
  questions: z.array(Question),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyParams = z.object({ key: z.string().min(1).max(40) });
export const TokenParams = z.object({ token: z.string().min(1).max(100) });
export const StatusChange = z.object({ status: SurveyStatus.exclude(['entwurf']) });

/** The questionnaire as the public sees it, with the areas the area question offers. */
export const PublicSurvey = z.object({
  title: z.string(),
  description: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  questions: z.array(
    Question.omit({ scaleMin: true, scaleMax: true }).extend({
      scaleMin: z.number().int().nullable(),
      scaleMax: z.number().int().nullable(),
      areas: z.array(z.object({ key: z.string(), name: z.string() })).describe('area: the choices'),
    }),
  ),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const AnswerValue = z
  .union([z.number(), z.array(z.number()), z.string().max(4000)])
  .describe('single: option index; multiple: option indexes; scale: the number; text; area: area key');

export const NewResponse = z.object({
  answers: z
    .array(z.object({ question: z.number().int(), value: AnswerValue }))
    .max(60)
    .describe('One entry per answered question'),
});
export type NewResponse = z.infer<typeof NewResponse>;

export const ResponseReceipt = z.object({ ok: z.literal(true), message: z.string() });

/** Counts of one question: per option (single, multiple) or per scale value. */
export const QuestionCounts = z.object({
  question: z.number().int(),
  answered: z.number().int(),
  counts: z.array(z.number().int()).describe('Aligned with `labels` of the question'),
});

/** A question's counts in one row of areas; withheld where too few answered it there. */
export const AreaQuestionCounts = z.object({
  question: z.number().int(),
  answered: z.number().int().nullable().describe('null when withheld'),
  counts: z.array(z.number().int()).nullable().describe('Aligned with `labels`; null when withheld'),
  withheld: z
    .boolean()
    .describe(
      'True where fewer than the minimum answered this question in these areas, or where showing it would let a difference reveal such a group',
    ),
});

export const ResultArea = z.object({
  key: z.string().describe('Area key, or the key of the parent the areas are merged into'),
  name: z.string(),
  merged: z.boolean().describe('zusammengefasst: several areas below the minimum, shown together'),
  members: z.array(z.object({ key: z.string(), name: z.string() })),
  n: z.number().int(),
  questions: z.array(AreaQuestionCounts),
});

export const SurveyResults = z.object({
  key: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: SurveyStatus,
  n: z.number().int().describe('All responses'),
  minAnswers: z.number().int(),
  level: z.string().nullable(),
  /** False when fewer than minAnswers answered at all: then no counts are shown. */
  shown: z.boolean(),
  questions: z.array(
    z.object({
      id: z.number().int(),
      position: z.number().int(),
      kind: QuestionKind,
      text: z.string(),
      labels: z.array(z.string()),
      total: QuestionCounts.nullable().describe(
        'null for questions without counts, and where fewer than the minimum (but more than none) answered',
      ),
      texts: z.array(z.string()).describe('Approved free texts only'),
    }),
  ),
  areas: z.array(ResultArea),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const TextStatus = z.enum(['pending', 'approved', 'rejected']);
export const SurveyText = z.object({
  id: z.number().int(),
  question: z.number().int(),
  questionText: z.string(),
  text: z.string(),
  status: TextStatus,
  submittedAt: z.string(),
});
export type SurveyText = z.infer<typeof SurveyText>;
export const TextQuery = z.object({ status: TextStatus.optional() });
export const TextParams = SurveyParams.extend({ id: z.coerce.number().int() });
export const Moderation = z.object({ status: TextStatus.exclude(['pending']) });

export const PublishRequest = z.object({
  items: z
    .array(
      z.object({
        question: z.number().int().describe('Question id (single choice or scale)'),
        option: z.number().int().describe('single: option index (0-based); scale: the value'),
      }),
    )
    .min(1, 'Mindestens eine Antwortmöglichkeit wählen.')
    .max(50),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

export const PublishResult = z.object({
  date: z.string().describe('Stichtag: the end of the field time'),
  n: z.number().int(),
  variables: z.array(z.string()),
  indicators: z.array(z.string()),
  areas: z.object({
    published: z.number().int().describe('areas of the survey level with their own value'),
    withheld: z.number().int().describe('areas only contained in their parent'),
  }),
  indicatorAreas: z
    .array(
      z.object({
        indicator: z.string(),
        published: z.number().int().describe('areas of the survey level with their own value'),
        withheld: z
          .number()
          .int()
          .describe('areas where too few answered the question (or kept secret so no difference shows them)'),
      }),
    )
    .describe('Per indicator: the minimum applies to the answers of its question'),
  population: z
    .object({
      date: z
        .string()
        .nullable()
        .describe(
          'Population Stichtag of the minimum-population rule: the end date, else the latest before, else the earliest after; null without any (then nothing is public)',
        ),
      note: z.string().describe('The same in German, for the planner'),
    })
    .describe('Which population decides the minimum-population rule of the public values'),
});
export type PublishResult = z.infer<typeof PublishResult>;
