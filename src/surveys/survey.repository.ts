/** SQL of surveys, their questions, responses, answers and free-text moderation (migration 019). */
import type { Db } from '../db/db.ts';
import type { Question, QuestionDef, SurveyStatus } from './survey.schema.ts';

export interface SurveyRow {
  id: number;
  key: string;
  title: string;
  description: string;
  status: SurveyStatus;
  period_from: string;
  period_to: string;
  min_answers: number;
  level_key: string | null;
  public_token: string;
  responses: number;
  [k: string]: unknown;
}

const BASE_COLUMNS = `s.id, s.key, s.title, s.description, s.status, s.period_from::text AS period_from,
  s.period_to::text AS period_to, s.min_answers, s.level_key, s.public_token`;
const SURVEY_COLUMNS = `${BASE_COLUMNS},
  (SELECT count(*)::int FROM survey_response r WHERE r.survey_id = s.id) AS responses`;

export async function listSurveys(db: Db): Promise<SurveyRow[]> {
  return db.query<SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM survey s ORDER BY s.period_from DESC, s.key`);
}

export async function findSurvey(db: Db, key: string): Promise<SurveyRow | null> {
  const [row] = await db.query<SurveyRow>(`SELECT ${SURVEY_COLUMNS} FROM survey s WHERE s.key = $1`, [key]);
  return row ?? null;
}

/** The survey behind a public link, without counting its responses (read on every answer). */
export async function findSurveyByToken(db: Db, token: string): Promise<SurveyRow | null> {
  const [row] = await db.query<SurveyRow>(
    `SELECT ${BASE_COLUMNS}, 0 AS responses FROM survey s WHERE s.public_token = $1`,
    [token],
  );
  return row ?? null;
}

export async function insertSurvey(
  db: Db,
  s: {
    key: string;
    title: string;
    description: string;
    periodFrom: string;
    periodTo: string;
    minAnswers: number;
    level: string | null;
    token: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO survey (key, title, description, period_from, period_to, min_answers, level_key, public_token)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.key, s.title, s.description, s.periodFrom, s.periodTo, s.minAnswers, s.level, s.token],
  );
}

/** API field → column of the editable fields. */
const COLUMN = {
  title: 'title',
  description: 'description',
  periodFrom: 'period_from',
  periodTo: 'period_to',
  minAnswers: 'min_answers',
  level: 'level_key',
} as const;

export async function updateSurvey(
  db: Db,
  id: number,
  values: Partial<Record<keyof typeof COLUMN, unknown>>,
): Promise<void> {
  const keys = Object.keys(values).filter((k): k is keyof typeof COLUMN => k in COLUMN);
  if (!keys.length) return;
  await db.query(
    `UPDATE survey SET ${keys.map((k, i) => `${COLUMN[k]} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...keys.map((k) => values[k])],
  );
}

export async function setStatus(db: Db, id: number, status: SurveyStatus): Promise<void> {
  await db.query('UPDATE survey SET status = $2 WHERE id = $1', [id, status]);
}

export async function deleteSurvey(db: Db, id: number): Promise<void> {
  await db.query('DELETE FROM survey WHERE id = $1', [id]);
}

interface QuestionRow {
  id: number;
  position: number;
  kind: Question['kind'];
  text: string;
  required: boolean;
  options: string[];
  scale_min: number | null;
  scale_max: number | null;
  min_label: string;
  max_label: string;
  [k: string]: unknown;
}

export async function listQuestions(db: Db, surveyId: number): Promise<Question[]> {
  const rows = await db.query<QuestionRow>(
    `SELECT id, position, kind, text, required, options, scale_min, scale_max, min_label, max_label
       FROM survey_question WHERE survey_id = $1 ORDER BY position`,
    [surveyId],
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    kind: r.kind,
    text: r.text,
    required: r.required,
    options: r.options,
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    minLabel: r.min_label,
    maxLabel: r.max_label,
  }));
}

export async function replaceQuestions(db: Db, surveyId: number, questions: QuestionDef[]): Promise<void> {
  await db.query('DELETE FROM survey_question WHERE survey_id = $1', [surveyId]);
  for (const [position, q] of questions.entries())
    await db.query(
      `INSERT INTO survey_question (survey_id, position, kind, text, required, options, scale_min, scale_max, min_label, max_label)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
      [
        surveyId,
        position,
        q.kind,
        q.text,
        q.required,
        JSON.stringify(q.options),
        q.scaleMin,
        q.scaleMax,
        q.minLabel,
        q.maxLabel,
      ],
    );
}

/**
 * One response with its answers; free texts enter moderation. One statement per table, so a
 * response costs three round trips whatever its length.
 */
export async function insertResponse(
  tx: Db,
  surveyId: number,
  areaId: number | null,
  answers: { questionId: number; value: unknown; text: boolean }[],
): Promise<void> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO survey_response (survey_id, area_id) VALUES ($1, $2) RETURNING id',
    [surveyId, areaId],
  );
  if (!answers.length) return;
  const ids = await tx.query<{ id: number; question_id: number }>(
    `INSERT INTO survey_answer (response_id, question_id, value)
     SELECT $1, q, v::jsonb FROM unnest($2::int[], $3::text[]) AS t(q, v) RETURNING id, question_id`,
    [row!.id, answers.map((a) => a.questionId), answers.map((a) => JSON.stringify(a.value))],
  );
  const texts = new Set(answers.filter((a) => a.text).map((a) => a.questionId));
  const textIds = ids.filter((r) => texts.has(r.question_id)).map((r) => r.id);
  if (textIds.length)
    await tx.query('INSERT INTO survey_text (answer_id) SELECT unnest($1::int[])', [textIds]);
}

export interface AnswerRow {
  response_id: number;
  area_id: number | null;
  question_id: number;
  value: unknown;
  [k: string]: unknown;
}

/** Every answer of the survey with the response's area (free texts left out). */
export async function listAnswers(db: Db, surveyId: number): Promise<AnswerRow[]> {
  return db.query<AnswerRow>(
    `SELECT r.id AS response_id, r.area_id, a.question_id, a.value
       FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
       JOIN survey_question q ON q.id = a.question_id
      WHERE r.survey_id = $1 AND q.kind <> 'text'`,
    [surveyId],
  );
}

/** Responses per area id (null: the survey has no area question). */
export async function responsesByArea(db: Db, surveyId: number): Promise<Map<number | null, number>> {
  const rows = await db.query<{ area_id: number | null; n: number }>(
    'SELECT area_id, count(*)::int AS n FROM survey_response WHERE survey_id = $1 GROUP BY area_id',
    [surveyId],
  );
  return new Map(rows.map((r) => [r.area_id, r.n]));
}

export interface TextRow {
  id: number;
  question: number;
  question_text: string;
  text: string;
  status: 'pending' | 'approved' | 'rejected';
  submitted_at: string;
  [k: string]: unknown;
}

export async function listTexts(db: Db, surveyId: number, status?: TextRow['status']): Promise<TextRow[]> {
  return db.query<TextRow>(
    `SELECT a.id, q.id AS question, q.text AS question_text, a.value #>> '{}' AS text, t.status,
            r.submitted_at::text AS submitted_at
       FROM survey_text t JOIN survey_answer a ON a.id = t.answer_id
       JOIN survey_question q ON q.id = a.question_id JOIN survey_response r ON r.id = a.response_id
      WHERE r.survey_id = $1 AND ($2::text IS NULL OR t.status = $2)
      ORDER BY q.position, a.id`,
    [surveyId, status ?? null],
  );
}

/** Sets the moderation state of a free text of the survey; false when there is none. */
export async function moderateText(
  db: Db,
  surveyId: number,
  answerId: number,
  status: 'approved' | 'rejected',
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE survey_text t SET status = $3, moderated_at = now()
       FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
      WHERE t.answer_id = a.id AND a.id = $2 AND r.survey_id = $1 RETURNING t.answer_id`,
    [surveyId, answerId, status],
  );
  return rows.length > 0;
}

/**
 * The Stichtage with population counts (`ew`) of current areas, as the public protection reads
 * them (loadTotals): the survey's publication names the one its minimum-population rule uses.
 */
export async function populationDates(db: Db): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    `SELECT DISTINCT to_char(o.ref_date, 'YYYY-MM-DD') AS d
       FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
      WHERE v.key = 'ew' AND o.breakdown = '' AND a.valid_to IS NULL
      ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}
