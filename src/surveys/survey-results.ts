/**
 * Results of a survey for planners: counts per question and option for all answers, and per area
 * of the survey level where at least `minAnswers` answered — areas below that are merged within
 * their parent („zusammengefasst“, see small-areas.ts). Free texts: approved ones only.
 *
 * The minimum holds per question too: an optional question skipped by most people has fewer
 * answers than the survey has respondents, so each countable question gets its own merging over
 * its own answers, and a figure of that question is shown only where it is a sum of whole cells of
 * that merging — else a row of 12 respondents would show the 2 who answered it.
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
  protection: Protection;
  /** Responses and, per question, answers and counts per label, of the responses in these leaves. */
  countsUnder: (leafIds: number[]) => Counts;
  /** The same for all responses, with an area or without. */
  totalCounts: () => Counts;
  /** Leaves under an area. */
  leavesUnder: (id: number) => number[];
  /** The merging of one question over the answers it got in each leaf (computed once). */
  questionProtection: (questionId: number) => Protection;
  n: number;
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
  const protection = protectSmallAreas(
    leaves.map((l) => ({ id: l.id, parentId: l.parent_id, n: byArea.get(l.id) ?? 0 })),
    parentOf,
    row.min_answers,
  );
  const children = new Map<number, number[]>();
  for (const a of areas.values())
    if (a.parent_id !== null) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  const leafSet = new Set(leaves.map((l) => l.id));
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
    const ids: (number | null)[] = leafIds ?? [...responsesOf.keys()];
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
    const nOf = leafIds ? leafIds.reduce((s, id) => s + (byArea.get(id) ?? 0), 0) : n;
    return { n: nOf, byQuestion };
  };
  const byQuestion = new Map<number, Protection>();
  const parentOfLeaf = new Map(leaves.map((l) => [l.id, l.parent_id]));
  const questionProtection = (questionId: number): Protection => {
    let p = byQuestion.get(questionId);
    if (!p) {
      const answered = (id: number) => responsesOf.get(id)?.get(questionId)?.length ?? 0;
      p = protectSmallAreas(
        [...parentOfLeaf].map(([id, parentId]) => ({ id, parentId, n: answered(id) })),
        parentOf,
        row.min_answers,
      );
      byQuestion.set(questionId, p);
    }
    return p;
  };
  return {
    row,
    questions,
    areas,
    leaves,
    protection,
    countsUnder: (ids) => countsUnder(ids),
    totalCounts: () => countsUnder(null),
    leavesUnder,
    questionProtection,
    n,
  };
}

export async function surveyResults(db: Db, key: string): Promise<SurveyResults> {
  const data = await surveyData(db, key);
  const { row, questions, protection } = data;
  const shown = data.n >= row.min_answers;
  const total = data.totalCounts();
  const texts = await repo.listTexts(db, row.id, 'approved');
  const countable = (q: Question) => labelsOf(q).length > 0;
  const cells = shown ? protection.cells.filter((c) => !c.belowMin && c.n > 0) : [];
  const areaOf = (id: number) => data.areas.get(id)!;
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
        const owner = c.owner >= 0 ? areaOf(c.owner) : null;
        return {
          key: owner?.key ?? '',
          name: merged ? `${owner?.name ?? 'Gesamt'} (zusammengefasst)` : owner!.name,
          merged,
          members: c.leaves
            .map(areaOf)
            .sort((a, b) => a.key.localeCompare(b.key))
            .map((a) => ({ key: a.key, name: a.name })),
          n: counts.n,
          questions: questions
            .filter(countable)
            .map((q) =>
              coversWholeCells(data.questionProtection(q.id), c.leaves)
                ? { question: q.id, ...counts.byQuestion.get(q.id)!, withheld: false }
                : { question: q.id, answered: null, counts: null, withheld: true },
            ),
        };
      })
      .sort((a, b) => a.members[0]!.key.localeCompare(b.members[0]!.key)),
  };
}
