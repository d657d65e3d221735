/**
 * Schemas of measures, their goals and their history over HTTP: one definition gives validation,
 * the types of server and web, and the OpenAPI document.
 */
import { z } from 'zod';
import { ValueStatus } from '../core/value-status.ts';
import { STATUSES } from './progress.ts';

const Day = z.iso.date();
const Text = (max: number) => z.string().trim().max(max);

export const MeasureKind = z
  .enum(['programm', 'handlungsfeld', 'massnahme'])
  .describe('Tree level: Programm → Handlungsfeld → Maßnahme');
export const MeasureStatus = z
  .enum(STATUSES)
  .describe('Workflow: idee → vorschlag → beschlossen → in_umsetzung → abgeschlossen → bewertet');

export const AreaRef = z.object({
  level: z.string().min(1).max(60).describe('Level key'),
  key: z.string().min(1).max(60).describe('Area key'),
});

export const Decision = z
  .object({
    body: Text(200).min(1).describe('The body that decided, e.g. „Ausschuss für Soziales“'),
    meeting: Text(200).default('').describe('The meeting, e.g. „Sitzung vom 12.03.2025, TOP 5“'),
    date: Day,
    text: Text(4000).default('').describe('The decision as recorded'),
  })
  .describe('Who decided the measure, when, and what');

export const Milestone = z.object({
  title: Text(200).min(1),
  due: Day.nullable().default(null),
  done: z.boolean().default(false),
});

const fields = {
  parentId: z.number().int().positive().nullable().describe('The programme or field of action above it'),
  kind: MeasureKind,
  title: Text(300).min(1),
  description: Text(10_000),
  weight: z.number().positive().max(1000).describe('Weight in the parent’s progress'),
  organisation: Text(300).describe('Responsible organisation'),
  funding: Text(300).describe('Funding programme, e.g. „Sozialer Zusammenhalt“'),
  budgetPlanned: z.number().nonnegative().nullable().describe('Euro'),
  budgetSpent: z.number().nonnegative().nullable().describe('Euro'),
  startDate: Day.nullable().describe('When it started to work in its areas'),
  endDate: Day.nullable(),
  output: Text(4000).describe('Impact ladder: what it delivers (Output)'),
  outcome: Text(4000).describe('… what changes for the people it reaches (Outcome)'),
  impact: Text(4000).describe('… what changes in the area (Impact)'),
  milestones: z.array(Milestone).max(100),
  areas: z.array(AreaRef).max(2000).describe('The areas it works in'),
};

/** Body of `POST /api/measures`. */
export const NewMeasure = z.object({
  ...fields,
  parentId: fields.parentId.default(null),
  kind: fields.kind.default('massnahme'),
  description: fields.description.default(''),
  weight: fields.weight.default(1),
  organisation: fields.organisation.default(''),
  funding: fields.funding.default(''),
  budgetPlanned: fields.budgetPlanned.default(null),
  budgetSpent: fields.budgetSpent.default(null),
  startDate: fields.startDate.default(null),
  endDate: fields.endDate.default(null),
  output: fields.output.default(''),
  outcome: fields.outcome.default(''),
  impact: fields.impact.default(''),
  milestones: fields.milestones.default([]),
  areas: fields.areas.default([]),
});
export type NewMeasure = z.infer<typeof NewMeasure>;

/** Body of `PATCH /api/measures/{id}`: the fields to change. */
export const MeasurePatch = z
  .object(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nichts zu ändern.' });
export type MeasurePatch = z.infer<typeof MeasurePatch>;

/** Body of `POST /api/measures/{id}/status`. */
export const StatusChange = z.object({
  status: MeasureStatus,
  decision: Decision.optional().describe('Required for `beschlossen`'),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** Body of `POST /api/measures/{id}/goals`. */
export const NewGoal = z.object({
  indicator: z.string().min(1).max(100).describe('Indicator key'),
  level: z.string().min(1).max(60),
  area: z.string().min(1).max(60).nullable().describe('Area key; null: the city'),
  baselineDate: Day.describe('Stichtag of the baseline'),
  baselineValue: z
    .number()
    .nullable()
    .default(null)
    .describe('null: the indicator’s value at the baseline Stichtag'),
  targetValue: z.number(),
  targetDate: Day,
});
export type NewGoal = z.infer<typeof NewGoal>;

/** Query of `GET /api/measures`: optionally only those working in one area. */
export const MeasureListQuery = z
  .object({
    level: z.string().min(1).max(60).optional().describe('With `area`: the area’s level'),
    area: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .describe('Only measures working in this area or with a goal there'),
  })
  .refine((q) => (q.level === undefined) === (q.area === undefined), {
    message: 'Ebene (level) und Gebiet (area) nur zusammen angeben.',
  });

export const MeasureParams = z.object({ id: z.coerce.number().int().positive() });
export const GoalParams = z.object({
  id: z.coerce.number().int().positive(),
  goal: z.coerce.number().int().positive(),
});

export const Goal = z.object({
  id: z.number().int(),
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  decimals: z.number().int(),
  level: z.string(),
  area: z.string().nullable(),
  areaName: z.string().describe('The area’s name, or the city’s'),
  baselineDate: Day,
  baselineValue: z.number(),
  targetValue: z.number(),
  targetDate: Day,
  current: z
    .object({ date: Day, value: z.number().nullable(), status: ValueStatus })
    .describe('The indicator at the latest Stichtag, as the reader may see it'),
  progress: z
    .number()
    .nullable()
    .describe('Share of the way from baseline to target (1 = reached; negative = the wrong way)'),
});
export type Goal = z.infer<typeof Goal>;

export const Measure = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    kind: MeasureKind,
    title: z.string(),
    description: z.string(),
    status: MeasureStatus,
    nextStatuses: z.array(MeasureStatus).describe('Where the workflow may go from here'),
    weight: z.number(),
    organisation: z.string(),
    funding: z.string(),
    budgetPlanned: z.number().nullable(),
    budgetSpent: z.number().nullable(),
    startDate: Day.nullable(),
    endDate: Day.nullable(),
    decision: Decision.nullable(),
    output: z.string(),
    outcome: z.string(),
    impact: z.string(),
    milestones: z.array(Milestone),
    areas: z.array(AreaRef.extend({ name: z.string() })),
    goals: z.array(Goal),
    progress: z
      .number()
      .nullable()
      .describe('Own goals’ mean (each capped to 0–1), else the weighted mean of the children'),
    updatedAt: z.string(),
  })
  .describe('Maßnahme, Handlungsfeld oder Programm');
export type Measure = z.infer<typeof Measure>;

export const HistoryEntry = z.object({
  at: z.string(),
  by: z.string().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
