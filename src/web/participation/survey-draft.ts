/**
 * The questionnaire as the builder edits it (form strings) and as the server takes it, and the
 * answers of the public form: pure helpers, tested without a browser.
 */
import type { Answer, Question, QuestionInput, QuestionKind } from './participation-api.ts';

export interface DraftQuestion {
  /** Stable React key while questions move. */
  uid: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  /** One option per line. */
  options: string;
  scaleMin: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
}

let counter = 0;
const uid = () => `q${++counter}`;

export function newQuestion(kind: QuestionKind): DraftQuestion {
  return {
    uid: uid(),
    kind,
    text: '',
    required: kind === 'area',
    options: '',
    scaleMin: '1',
    scaleMax: '5',
    minLabel: '',
    maxLabel: '',
  };
}

export function fromQuestion(q: Question): DraftQuestion {
  return {
    uid: uid(),
    kind: q.kind,
    text: q.text,
    required: q.required,
    options: q.options.join('\n'),
    scaleMin: String(q.scaleMin ?? 1),
    scaleMax: String(q.scaleMax ?? 5),
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
  };
}

/**
 * The question as the server takes it: options from the lines (empty ones dropped), a scale's
 * bounds as numbers.
 * @example toInput({ ...newQuestion('single'), text: 'Wohl?', options: 'Ja\n\nNein ' }).options // ['Ja', 'Nein']
 */
export function toInput(d: DraftQuestion): QuestionInput {
  const choice = d.kind === 'single' || d.kind === 'multiple';
  return {
    kind: d.kind,
    text: d.text.trim(),
    required: d.required || d.kind === 'area',
    options: choice
      ? d.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean)
      : [],
    scaleMin: d.kind === 'scale' ? Number(d.scaleMin) : null,
    scaleMax: d.kind === 'scale' ? Number(d.scaleMax) : null,
    minLabel: d.kind === 'scale' ? d.minLabel.trim() : '',
    maxLabel: d.kind === 'scale' ? d.maxLabel.trim() : '',
  };
}

/** The list with question `i` moved by `delta` places (unchanged at the ends). */
export function moveQuestion<T>(list: readonly T[], i: number, delta: -1 | 1): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);

/** What the public form holds per question id: a choice, choices, a scale value, a text or an area. */
export type FormValues = Record<number, string | string[]>;

/**
 * The answers to send: empty ones left out, numbers where the server expects them.
 * @example answersOf([{ id: 3, kind: 'multiple' }], { 3: ['0', '2'] }) // [{ question: 3, value: [0, 2] }]
 */
export function answersOf(questions: Pick<Question, 'id' | 'kind'>[], values: FormValues): Answer[] {
  const out: Answer[] = [];
  for (const q of questions) {
    const v = values[q.id];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (q.kind === 'multiple') out.push({ question: q.id, value: (v as string[]).map(Number) });
    else if (q.kind === 'single' || q.kind === 'scale') out.push({ question: q.id, value: Number(v) });
    else out.push({ question: q.id, value: String(v) });
  }
  return out;
}

/** The server's problems (`details.problems` of surveys.invalid_answers) per question id. */
export function problemsByQuestion(details: Record<string, unknown>): Record<number, string> {
  const list = Array.isArray(details.problems)
    ? (details.problems as { question: number; message: string }[])
    : [];
  return Object.fromEntries(list.map((p) => [p.question, p.message]));
}
