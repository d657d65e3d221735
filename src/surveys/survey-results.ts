/**
 * Results of a survey for planners: counts per question and option for all answers, and per area
 * of the survey level where at least `minAnswers` answered — areas below that are merged within
 * their parent („zusammengefasst“, see small-areas.ts). Free texts: approved ones only.
 *
 * The minimum holds per question too: an optional question skipped by most people has fewer
 * answers than the survey has respondents, so each countable question gets its own merging over
 * its own answers, and a figure of that question is shown only where it is a sum of whole cells of
 * that merging — else a row of 12 respondents would show the 2 who answered it.
 *
 * Responses without an area (none given, or an area since removed) count in the totals but in no
 * area, so the total minus all area rows would be exactly them. In the results they are one more
 * cell, „ohne Gebietsangabe“, under the top of the areas, merged like any small area; the totals
 * are then sums of whole cells again. The indicators count located answers only and need no cell.
 */
import { listAllAreas, type AreaRow } from '../areas/area.repository.ts';
import type { Db } from '../db/db.ts';
import { scaleValues } from './answer-check.ts';
import * as repo from './survey.repository.ts';
import type { Question, SurveyResults } from './survey.schema.ts';
import { requireSurvey } from './survey.service.ts';
import { protectSmallAreas, type Protection } from './small-areas.ts';

/** The answer labels counted for a question, in the order of its counts. */
export function labelsOf(q: Question): string[] {
  if (q.kind === 'single' || q.kind === 'multiple') return q.options;
  if (q.kind === 'scale') return scaleValues(q).map(String);
  return [];
}

/** Index into `labelsOf(q)` of each option an answer chose. */
function chosen(q: Question, value: unknown): number[] {
  if (q.kind === 'single') return [value as number];
  if (q.kind === 'multiple') return value as number[];
  if (q.kind === 'scale') return [(value as number) - (q.scaleMin ?? 1)];
  return [];
}

/** The leaf id standing for the responses without an area (area ids are positive, -1 is taken). */
export const UNLOCATED = -2;
export const UNLOCATED_NAME = 'Ohne Gebietsangabe';

export interface Counts {
  n: number;
  byQuestion: Map<number, { answered: number; counts: number[] }>;
}

export interface SurveyData {
  row: repo.SurveyRow;
  questions: Question[];
  /** Areas of the survey level and all their ancestors. */
  areas: Map<number, AreaRow>;
  leaves: AreaRow[];
  /** The merging of the responses located in the leaves (indicators). */
  protection: Protection;
  /** The merging of all responses, those without an area as the leaf UNLOCATED (results). */
  resultsProtection: Protection;
  /** Responses and, per question, answers and counts per label, of the responses in these leaves. */
  countsUnder: (leafIds: number[]) => Counts;
  /** The same for all responses, with an area or without. */
  totalCounts: () => Counts;
  /** Leaves under an area. */
  leavesUnder: (id: number) => number[];
  /**
   * The merging of one question over the answers it got in each leaf (computed once); with
   * `unlocated`, the answers without an area are the leaf UNLOCATED, as in `resultsProtection`.
   */
  questionProtection: (questionId: number, unlocated?: boolean) => Protection;
  n: number;
  /** Responses without an area of the survey level. */
  unlocated: number;
}

/**
 * Whether a figure over these leaves may show a question: every cell of the question's merging
 * that the leaves touch lies wholly inside them and reaches the minimum (or holds no answer).
 */
export function coversWholeCells(protection: Protection, leafIds: readonly number[]): boolean {
  const inside = new Set(leafIds);
  return protection.cells.every((c) => {
    const touched = c.leaves.filter((l) => inside.has(l)).length;
    return touched === 0 || (touched === c.leaves.length && !c.belowMin);
  });
}

/** Whether a total of `answered` answers may be shown: none at all, or at least the minimum. */
export const enoughAnswers = (answered: number, min: number) => answered === 0 || answered >= min;

/** Everything results and indicators are computed from, with the small areas protected. */
export async function surveyData(db: Db, key: string): Promise<SurveyData> {
  const row = await requireSurvey(db, key);
  const [questions, answers, byArea, all] = await Promise.all([
    repo.listQuestions(db, row.id),
    repo.listAnswers(db, row.id),
    repo.responsesByArea(db, row.id),
    listAllAreas(db),
  ]);
  const byId = new Map(all.map((a) => [a.id, a]));
  const leaves = row.level_key ? all.filter((a) => a.level === row.level_key) : [];
  const areas = new Map<number, AreaRow>();
  const parentOf = new Map<number, number | null>();
  for (const leaf of leaves) {
    areas.set(leaf.id, leaf);
    for (let p = leaf.parent_id; p !== null && !parentOf.has(p); p = byId.get(p)?.parent_id ?? null) {
      parentOf.set(p, byId.get(p)?.parent_id ?? null);
      areas.set(p, byId.get(p)!);
    }
  }
  const n = [...byArea.values()].reduce((s, v) => s + v, 0);
  const leafSet = new Set(leaves.map((l) => l.id));
  // responses whose area is no leaf: none given, or an area removed or of another level since
  const elsewhere = [...new Set([...byArea.keys(), ...answers.map((a) => a.area_id)])].filter(
    (id) => id === null || !leafSet.has(id),
  );
  const unlocated = elsewhere.reduce<number>((s, id) => s + (byArea.get(id) ?? 0), 0);
  // they hang below the one top of the areas (the city), else beside the tops
  const tops = new Set([...parentOf].filter(([, p]) => p === null).map(([id]) => id));
  const leafTop = leaves.some((l) => l.parent_id === null);
  const unlocatedParent = tops.size === 1 && !leafTop ? [...tops][0]! : null;
  const withUnlocated = leaves.length > 0 && unlocated > 0;
  const protectLeaves = (nOf: (id: number) => number, all: boolean) =>
    protectSmallAreas(
      [
        ...leaves.map((l) => ({ id: l.id, parentId: l.parent_id, n: nOf(l.id) })),
        ...(all && withUnlocated ? [{ id: UNLOCATED, parentId: unlocatedParent, n: nOf(UNLOCATED) }] : []),
      ],
      parentOf,
      row.min_answers,
    );
  const located = (id: number): (number | null)[] => (id === UNLOCATED ? elsewhere : [id]);
  const nIn = (id: number) => located(id).reduce<number>((s, x) => s + (byArea.get(x) ?? 0), 0);
  const protection = protectLeaves(nIn, false);
  const resultsProtection = withUnlocated ? protectLeaves(nIn, true) : protection;
  const children = new Map<number, number[]>();
  for (const a of areas.values())
    if (a.parent_id !== null) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  const leavesUnder = (id: number): number[] =>
    leafSet.has(id) ? [id] : (children.get(id) ?? []).flatMap(leavesUnder);

  const questionOf = new Map(questions.map((q) => [q.id, q]));
  const responsesOf = new Map<number | null, Map<number, unknown[]>>(); // area → question → values
  for (const a of answers) {
    let perArea = responsesOf.get(a.area_id);
    if (!perArea) responsesOf.set(a.area_id, (perArea = new Map<number, unknown[]>()));
    perArea.set(a.question_id, [...(perArea.get(a.question_id) ?? []), a.value]);
  }
  const countsUnder = (leafIds: number[] | null): Counts => {
    const byQuestion = new Map<number, { answered: number; counts: number[] }>();
    const ids: (number | null)[] = leafIds ? leafIds.flatMap(located) : [...responsesOf.keys()];
    for (const q of questions) {
      const counts = labelsOf(q).map(() => 0);
      let answered = 0;
      for (const id of ids)
        for (const value of responsesOf.get(id)?.get(q.id) ?? []) {
          answered++;
          for (const i of chosen(questionOf.get(q.id)!, value)) if (counts[i] !== undefined) counts[i]++;
        }
      byQuestion.set(q.id, { answered, counts });
    }
    const nOf = leafIds ? leafIds.reduce((s, id) => s + nIn(id), 0) : n;
    return { n: nOf, byQuestion };
  };
  const byQuestion = new Map<string, Protection>();
  const questionProtection = (questionId: number, all = false): Protection => {
    const key = `${questionId}:${all && withUnlocated}`;
    let p = byQuestion.get(key);
    if (!p) {
      const answered = (id: number) =>
        located(id).reduce<number>((s, x) => s + (responsesOf.get(x)?.get(questionId)?.length ?? 0), 0);
      p = protectLeaves(answered, all);
      byQuestion.set(key, p);
    }
    return p;
  };
  return {
    row,
    questions,
    areas,
    leaves,
    protection,
    resultsProtection,
    countsUnder: (ids) => countsUnder(ids),
    totalCounts: () => countsUnder(null),
    leavesUnder,
    questionProtection,
    n,
    unlocated,
  };
}

export async function surveyResults(db: Db, key: string): Promise<SurveyResults> {
  const data = await surveyData(db, key);
  const { row, questions } = data;
  const protection = data.resultsProtection;
  const shown = data.n >= row.min_answers;
  const total = data.totalCounts();
  const texts = await repo.listTexts(db, row.id, 'approved');
  const countable = (q: Question) => labelsOf(q).length > 0;
  const cells = shown ? protection.cells.filter((c) => !c.belowMin && c.n > 0) : [];
  const areaOf = (id: number) => (id === UNLOCATED ? { key: '', name: UNLOCATED_NAME } : data.areas.get(id)!);
  // by key; the answers without an area (empty key) last
  const byKey = (a: string, b: string) => (!a || !b ? (b ? 1 : 0) - (a ? 1 : 0) : a.localeCompare(b));
  return {
    key: row.key,
    title: row.title,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    status: row.status,
    n: data.n,
    minAnswers: row.min_answers,
    level: row.level_key,
    shown,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      kind: q.kind,
      text: q.text,
      labels: labelsOf(q),
      total:
        shown && countable(q) && enoughAnswers(total.byQuestion.get(q.id)!.answered, row.min_answers)
          ? { question: q.id, ...total.byQuestion.get(q.id)! }
          : null,
      texts: texts.filter((t) => t.question === q.id).map((t) => t.text),
    })),
    areas: cells
      .map((c) => {
        const merged = !(c.leaves.length === 1 && c.owner === c.leaves[0]);
        const counts = data.countsUnder(c.leaves);
        const owner = c.owner >= 0 || c.owner === UNLOCATED ? areaOf(c.owner) : null;
        return {
          key: owner?.key ?? '',
          name: merged ? `${owner?.name ?? 'Gesamt'} (zusammengefasst)` : owner!.name,
          merged,
          members: c.leaves
            .map(areaOf)
            .sort((a, b) => byKey(a.key, b.key))
            .map((a) => ({ key: a.key, name: a.name })),
          n: counts.n,
          questions: questions
            .filter(countable)
            .map((q) =>
              coversWholeCells(data.questionProtection(q.id, true), c.leaves)
                ? { question: q.id, ...counts.byQuestion.get(q.id)!, withheld: false }
                : { question: q.id, answered: null, counts: null, withheld: true },
            ),
        };
      })
      .sort((a, b) => byKey(a.members[0]!.key, b.members[0]!.key)),
  };
}
