/**
 * Typed calls of `/api/measures` (src/measures/measure.routes.ts): the tree with goals and progress
 * for everyone, changes, the workflow, goals and the history for planners. Types come from the
 * server's zod schemas (type imports only).
 */
import type {
  Goal,
  HistoryEntry,
  Measure,
  MeasurePatch,
  NewGoal,
  NewMeasure,
} from '../../measures/measure.schema.ts';
import type { MeasureEffect } from '../../measures/effect.schema.ts';
import type { Status } from '../../measures/progress.ts';
import { request } from '../api.ts';

export type { Goal, HistoryEntry, Measure, MeasureEffect, MeasurePatch, NewGoal, NewMeasure, Status };
/** Who decided the measure, when, and what (Gremium, Sitzung, Datum, Text). */
export type Decision = NonNullable<Measure['decision']>;
export type MeasureKind = Measure['kind'];
export type Milestone = Measure['milestones'][number];
export interface AreaRef {
  level: string;
  key: string;
}

const BASE = '/api/measures';

export const measuresApi = {
  /** Every measure the user may see (the public: decided ones), in the order they were created. */
  list: () => request<Measure[]>('GET', BASE),
  /** The measures working in one area or with a goal there (an area profile's section). */
  inArea: (level: string, area: string) =>
    request<Measure[]>('GET', `${BASE}?${new URLSearchParams({ level, area }).toString()}`),
  create: (body: NewMeasure) => request<Measure>('POST', BASE, body),
  patch: (id: number, patch: MeasurePatch) => request<Measure>('PATCH', `${BASE}/${id}`, patch),
  /** One step of the workflow; `beschlossen` needs the decision. */
  setStatus: (id: number, status: Status, decision?: Decision) =>
    request<Measure>('POST', `${BASE}/${id}/status`, decision ? { status, decision } : { status }),
  /** Ideas and proposals without entries below them only. */
  remove: (id: number) => request<undefined>('DELETE', `${BASE}/${id}`),
  addGoal: (id: number, goal: NewGoal) => request<Measure>('POST', `${BASE}/${id}/goals`, goal),
  removeGoal: (id: number, goal: number) => request<Measure>('DELETE', `${BASE}/${id}/goals/${goal}`),
  /** Who changed what when (planners). */
  history: (id: number) => request<HistoryEntry[]>('GET', `${BASE}/${id}/history`),
  /** The effect on one goal against similar areas (values as the reader may see them). */
  effect: (id: number, goal: number) => request<MeasureEffect>('GET', `${BASE}/${id}/goals/${goal}/effect`),
};

/** The Beschlussvorlage of a measure, a file the browser downloads itself (planners). */
export const measureDocumentHref = (id: number, format: 'pdf' | 'docx') =>
  `${BASE}/${id}/document?${new URLSearchParams({ format }).toString()}`;
