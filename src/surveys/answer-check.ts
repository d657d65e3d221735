/**
 * Checks one submitted questionnaire against its questions, naming each problem per question in
 * German (Frage 2: …), so the form can show it beside the question. Pure: the area keys of the
 * survey level come from the caller.
 */
import type { Question } from './survey.schema.ts';

export interface AnswerProblem {
  question: number;
  /** 1-based number as the form shows it. */
  number: number;
  message: string;
}

export interface CheckedAnswer {
  question: Question;
  value: number | number[] | string;
}

/** The values of a scale question, lowest first. */
export const scaleValues = (q: Pick<Question, 'scaleMin' | 'scaleMax'>) => {
  const lo = q.scaleMin ?? 1;
  const hi = q.scaleMax ?? 5;
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
};

/** Longest free text taken, in characters. */
export const MAX_TEXT = 2000;

/**
 * The answers that belong to the questions, and the problems.
 * @example checkAnswers([{id:1,position:0,kind:'single',options:['Ja','Nein'],required:true,…}], [{question:1,value:2}], new Set())
 * // problems: [{question:1, number:1, message:'Frage 1: Bitte eine der angebotenen Antworten wählen.'}]
 */
export function checkAnswers(
  questions: Question[],
  answers: { question: number; value: unknown }[],
  areaKeys: Set<string>,
): { answers: CheckedAnswer[]; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const out: CheckedAnswer[] = [];
  const given = new Map<number, unknown>();
  for (const a of answers) {
    if (!questions.some((q) => q.id === a.question))
      problems.push({
        question: a.question,
        number: 0,
        message: `Die Frage Nr. ${a.question} gibt es nicht.`,
      });
    else if (given.has(a.question))
      problems.push({ question: a.question, number: 0, message: 'Eine Frage wurde zweimal beantwortet.' });
    given.set(a.question, a.value);
  }
  for (const q of questions) {
    const number = q.position + 1;
    const fail = (text: string) =>
      problems.push({ question: q.id, number, message: `Frage ${number}: ${text}` });
    const value = given.get(q.id);
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required || q.kind === 'area') fail('Bitte beantworten Sie diese Frage.');
      continue;
    }
    const isIndex = (v: unknown) =>
      Number.isInteger(v) && (v as number) >= 0 && (v as number) < q.options.length;
    switch (q.kind) {
      case 'single':
        if (!isIndex(value)) fail('Bitte eine der angebotenen Antworten wählen.');
        else out.push({ question: q, value: value as number });
        break;
      case 'multiple':
        if (!Array.isArray(value) || !value.every(isIndex) || new Set(value).size !== value.length)
          fail('Bitte nur angebotene Antworten ankreuzen, jede höchstens einmal.');
        else out.push({ question: q, value: [...(value as number[])].sort((a, b) => a - b) });
        break;
      case 'scale':
        if (!scaleValues(q).includes(value as number))
          fail(`Bitte einen Wert von ${q.scaleMin ?? 1} bis ${q.scaleMax ?? 5} wählen.`);
        else out.push({ question: q, value: value as number });
        break;
      case 'text':
        if (typeof value !== 'string') fail('Bitte einen Text eingeben.');
        else if (value.length > MAX_TEXT) fail(`Der Text darf höchstens ${MAX_TEXT} Zeichen lang sein.`);
        else out.push({ question: q, value: value.trim() });
        break;
      case 'area':
        if (typeof value !== 'string' || !areaKeys.has(value))
          fail('Bitte eines der angebotenen Gebiete wählen.');
        else out.push({ question: q, value });
        break;
    }
  }
  return { answers: out, problems };
}
