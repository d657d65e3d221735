/**
 * Surveys (Befragungen): planners build the questionnaire in a draft, open it for the public link
 * and close it; anyone with the link answers anonymously, one transaction per response, with no
 * address, cookie or user kept; free texts wait for moderation before anyone reads them.
 */
import { randomBytes } from 'node:crypto';
import { listAreas } from '../areas/area.repository.ts';
import { requireLevel } from '../areas/area.service.ts';
import { dataVersion } from '../db/data-version.ts';
import type { Db } from '../db/db.ts';
import { checkAnswers } from './answer-check.ts';
import { surveyErrors } from './survey.errors.ts';
import * as repo from './survey.repository.ts';
import type {
  NewResponse,
  NewSurvey,
  PublicSurvey,
  Question,
  QuestionDef,
  QuestionInput,
  Survey,
  SurveyPatch,
  SurveyStatus,
  SurveyText,
} from './survey.schema.ts';
import { NewSurvey as NewSurveySchema, QuestionInput as QuestionSchema } from './survey.schema.ts';

/** 144 random bits, URL-safe: the link cannot be guessed or counted through. */
const newToken = () => randomBytes(18).toString('base64url');

const NEXT: Record<SurveyStatus, SurveyStatus[]> = {
  entwurf: ['offen'],
  offen: ['geschlossen'],
  geschlossen: ['offen'],
};

export async function requireSurvey(db: Db, key: string): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(db, key);
  if (!row) throw surveyErrors.notFound(key);
  return row;
}

async function present(db: Db, row: repo.SurveyRow): Promise<Survey> {
  return {
    key: row.key,
    title: row.title,
    description: row.description,
    status: row.status,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    minAnswers: row.min_answers,
    level: row.level_key,
    token: row.public_token,
    publicPath: `/befragung/${row.public_token}`,
    responses: row.responses,
    questions: await repo.listQuestions(db, row.id),
  };
}

export async function listSurveys(db: Db): Promise<Survey[]> {
  return Promise.all((await repo.listSurveys(db)).map((r) => present(db, r)));
}

export async function getSurvey(db: Db, key: string): Promise<Survey> {
  return present(db, await requireSurvey(db, key));
}

/** @throws surveys.duplicate (409), surveys.bad_period, areas.unknown_level (404) */
export async function createSurvey(db: Db, input: NewSurvey): Promise<Survey> {
  const s = NewSurveySchema.parse(input);
  if (s.periodTo < s.periodFrom) throw surveyErrors.badPeriod();
  if (s.level) await requireLevel(db, s.level);
  if (await repo.findSurvey(db, s.key)) throw surveyErrors.duplicate(s.key);
  await repo.insertSurvey(db, { ...s, token: newToken() });
  return getSurvey(db, s.key);
}

/** Settings change in the draft only: answers must stay comparable to the questions asked. */
export async function patchSurvey(db: Db, key: string, patch: SurveyPatch): Promise<Survey> {
  const row = await requireSurvey(db, key);
  if (row.status !== 'entwurf') throw surveyErrors.notDraft();
  const from = patch.periodFrom ?? row.period_from;
  const to = patch.periodTo ?? row.period_to;
  if (to < from) throw surveyErrors.badPeriod();
  if (patch.level) await requireLevel(db, patch.level);
  await repo.updateSurvey(db, row.id, patch);
  return getSurvey(db, key);
}

/** Checks a questionnaire: options for choices, a sensible scale, one area question on a level. */
function checkQuestions(questions: QuestionDef[], level: string | null) {
  let areas = 0;
  for (const [i, q] of questions.entries()) {
    const bad = (text: string) => surveyErrors.badQuestion(i + 1, text);
    if ((q.kind === 'single' || q.kind === 'multiple') && q.options.length < 2)
      throw bad('Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten.');
    if (new Set(q.options).size !== q.options.length) throw bad('Zwei Antwortmöglichkeiten sind gleich.');
    if (q.kind === 'scale' && (q.scaleMin ?? 1) >= (q.scaleMax ?? 5))
      throw bad('Der höchste Wert der Skala muss über dem niedrigsten liegen.');
    if (q.kind === 'area') {
      if (!level) throw bad('Für eine Gebietsfrage zuerst die Gebietsebene der Befragung wählen.');
      if (++areas > 1) throw bad('Eine Befragung hat höchstens eine Gebietsfrage.');
    }
  }
}

/** Replaces the questionnaire (the builder sends it whole: added, removed and moved questions). */
export async function replaceQuestions(db: Db, key: string, questions: QuestionInput[]): Promise<Survey> {
  const row = await requireSurvey(db, key);
  if (row.status !== 'entwurf') throw surveyErrors.notDraft();
  const defs = questions.map((q) => {
    const d = QuestionSchema.parse(q);
    // a scale without bounds is the usual 1–5; choices keep no scale, scales no options
    return d.kind === 'scale'
      ? { ...d, options: [], scaleMin: d.scaleMin ?? 1, scaleMax: d.scaleMax ?? 5 }
      : {
          ...d,
          scaleMin: null,
          scaleMax: null,
          ...(d.kind === 'single' || d.kind === 'multiple' ? {} : { options: [] }),
        };
  });
  checkQuestions(defs, row.level_key);
  await db.transaction((tx) => repo.replaceQuestions(tx, row.id, defs));
  return getSurvey(db, key);
}

/** entwurf → offen → geschlossen (and reopened). @throws surveys.bad_status, surveys.no_questions */
export async function changeStatus(db: Db, key: string, status: SurveyStatus): Promise<Survey> {
  const row = await requireSurvey(db, key);
  if (!NEXT[row.status].includes(status)) throw surveyErrors.badStatus(row.status, status);
  if (status === 'offen' && !(await repo.listQuestions(db, row.id)).length) throw surveyErrors.noQuestions();
  await repo.setStatus(db, row.id, status);
  return getSurvey(db, key);
}

/** Drafts only: a survey that took answers keeps them. */
export async function deleteSurvey(db: Db, key: string): Promise<void> {
  const row = await requireSurvey(db, key);
  if (row.status !== 'entwurf') throw surveyErrors.notDraft();
  await repo.deleteSurvey(db, row.id);
}

interface Questionnaire {
  row: repo.SurveyRow;
  questions: Question[];
  areas: { key: string; name: string; id: number }[];
}

// The questionnaire behind each link, per database and data version: surveys, questions and areas
// all raise the version when they change (migration 019), answers do not, so a busy survey reads
// one number per answer instead of its questionnaire.
const questionnaires = new WeakMap<
  Db,
  { version: string; byToken: Map<string, Promise<Questionnaire | null>> }
>();

async function questionnaire(db: Db, token: string): Promise<Questionnaire | null> {
  const version = await dataVersion(db);
  let perDb = questionnaires.get(db);
  if (perDb?.version !== version) questionnaires.set(db, (perDb = { version, byToken: new Map() }));
  let found = perDb.byToken.get(token);
  if (!found) {
    found = (async () => {
      const row = await repo.findSurveyByToken(db, token);
      if (!row) return null;
      const questions = await repo.listQuestions(db, row.id);
      const areas =
        questions.some((q) => q.kind === 'area') && row.level_key
          ? (await listAreas(db, row.level_key)).map((a) => ({ key: a.key, name: a.name, id: a.id }))
          : [];
      return { row, questions, areas };
    })();
    const byToken = perDb.byToken;
    byToken.set(token, found);
    found.catch(() => byToken.delete(token));
    // unknown tokens are not kept: guessing links must not fill the memory
    void found.then((q) => q ?? byToken.delete(token));
  }
  return found;
}

/** The open survey behind a link. @throws surveys.link_not_found (404), surveys.closed (409) */
async function openSurvey(db: Db, token: string): Promise<Questionnaire> {
  const q = await questionnaire(db, token);
  if (!q || q.row.status === 'entwurf') throw surveyErrors.linkNotFound();
  if (q.row.status === 'geschlossen') throw surveyErrors.closed();
  return q;
}

export async function publicSurvey(db: Db, token: string): Promise<PublicSurvey> {
  const { row, questions, areas } = await openSurvey(db, token);
  const choices = areas.map(({ key, name }) => ({ key, name }));
  return {
    title: row.title,
    description: row.description,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    questions: questions.map((q) => ({ ...q, areas: q.kind === 'area' ? choices : [] })),
  };
}

/**
 * Takes one anonymous response: checked against the questions, stored in one transaction.
 * @throws surveys.invalid_answers (400) naming each question's problem, surveys.closed (409)
 */
export async function submitResponse(db: Db, token: string, body: NewResponse): Promise<void> {
  const { row, questions, areas } = await openSurvey(db, token);
  const areaId = new Map(areas.map((a) => [a.key, a.id]));
  const checked = checkAnswers(questions, body.answers, new Set(areaId.keys()));
  if (checked.problems.length) throw surveyErrors.invalidAnswers(checked.problems);
  const area = checked.answers.find((a) => a.question.kind === 'area');
  await db.transaction((tx) =>
    repo.insertResponse(
      tx,
      row.id,
      area ? (areaId.get(area.value as string) ?? null) : null,
      checked.answers.map((a) => ({
        questionId: a.question.id,
        value: a.value,
        text: a.question.kind === 'text',
      })),
    ),
  );
}

export async function listTexts(db: Db, key: string, status?: SurveyText['status']): Promise<SurveyText[]> {
  const row = await requireSurvey(db, key);
  return (await repo.listTexts(db, row.id, status)).map((t) => ({
    id: t.id,
    question: t.question,
    questionText: t.question_text,
    text: t.text,
    status: t.status,
    submittedAt: t.submitted_at,
  }));
}

/** @throws surveys.text_not_found (404) */
export async function moderateText(
  db: Db,
  key: string,
  id: number,
  status: 'approved' | 'rejected',
): Promise<SurveyText> {
  const row = await requireSurvey(db, key);
  if (!(await repo.moderateText(db, row.id, id, status))) throw surveyErrors.textNotFound(id);
  return (await listTexts(db, key)).find((t) => t.id === id)!;
}
