/**
 * The answer options of a questionnaire as the public form shows them and as planners choose them
 * for publishing as indicators (`POST /api/surveys/:key/publish-indicators`, which takes the option
 * index of a single-choice question and the value of a scale).
 */
import type { Question } from './participation-api.ts';

export interface Choice {
  /** single, multiple: the option's index (0-based); scale: the value itself. */
  value: number;
  label: string;
}

type ChoiceQuestion = Pick<Question, 'kind' | 'options' | 'scaleMin' | 'scaleMax' | 'minLabel' | 'maxLabel'>;

/**
 * The options of a choice or scale question, a scale's ends with their labels.
 * @example choicesOf({ kind: 'scale', options: [], scaleMin: 1, scaleMax: 3, minLabel: 'nie', maxLabel: '' })
 * // [{ value: 1, label: '1 – nie' }, { value: 2, label: '2' }, { value: 3, label: '3' }]
 */
export function choicesOf(q: ChoiceQuestion): Choice[] {
  if (q.kind === 'single' || q.kind === 'multiple')
    return q.options.map((label, value) => ({ value, label }));
  if (q.kind !== 'scale') return [];
  const min = q.scaleMin ?? 1;
  const max = q.scaleMax ?? 5;
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => {
    const value = min + i;
    const end = value === min ? q.minLabel : value === max ? q.maxLabel : '';
    return { value, label: end ? `${value} – ${end}` : String(value) };
  });
}

/** A question whose options can become indicators: one answer, or a scale. */
export interface PublishableQuestion {
  id: number;
  position: number;
  text: string;
  choices: Choice[];
}

/** The questions whose options the planner may publish, in the questionnaire's order. */
export function publishableQuestions(questions: readonly Question[]): PublishableQuestion[] {
  return questions
    .filter((q) => q.kind === 'single' || q.kind === 'scale')
    .sort((a, b) => a.position - b.position)
    .map((q) => ({ id: q.id, position: q.position, text: q.text, choices: choicesOf(q) }));
}

/** Key of a chosen option in a form's state. */
export const choiceKey = (question: number, value: number) => `${question}:${value}`;

/** The request body for the chosen options, in the questionnaire's order. */
export function publishItems(
  questions: readonly PublishableQuestion[],
  chosen: ReadonlySet<string>,
): { question: number; option: number }[] {
  return questions.flatMap((q) =>
    q.choices
      .filter((c) => chosen.has(choiceKey(q.id, c.value)))
      .map((c) => ({ question: q.id, option: c.value })),
  );
}
