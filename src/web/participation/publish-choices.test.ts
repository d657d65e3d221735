import { describe, expect, it } from 'vitest';
import type { Question } from './participation-api.ts';
import { choiceKey, choicesOf, publishableQuestions, publishItems } from './publish-choices.ts';

const question = (over: Partial<Question>): Question => ({
  id: 1,
  position: 0,
  kind: 'single',
  text: 'Frage',
  required: false,
  options: [],
  scaleMin: null,
  scaleMax: null,
  minLabel: '',
  maxLabel: '',
  ...over,
});

describe('publish choices', () => {
  it('names a scale by its values, its ends by their labels', () => {
    expect(
      choicesOf(question({ kind: 'scale', scaleMin: 0, scaleMax: 2, minLabel: 'nie', maxLabel: 'oft' })),
    ).toEqual([
      { value: 0, label: '0 – nie' },
      { value: 1, label: '1' },
      { value: 2, label: '2 – oft' },
    ]);
    // the builder's default scale 1–5
    expect(choicesOf(question({ kind: 'scale' })).map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('offers single-choice and scale questions only, and sends index or value as the route expects', () => {
    const questions = publishableQuestions([
      question({ id: 7, position: 2, kind: 'scale', scaleMin: 1, scaleMax: 3 }),
      question({ id: 5, position: 0, kind: 'area' }),
      question({ id: 6, position: 1, kind: 'single', options: ['Ja', 'Nein'] }),
      question({ id: 8, position: 3, kind: 'multiple', options: ['A'] }),
    ]);
    expect(questions.map((q) => q.id)).toEqual([6, 7]);
    const chosen = new Set([choiceKey(7, 3), choiceKey(6, 1), choiceKey(5, 0)]);
    expect(publishItems(questions, chosen)).toEqual([
      { question: 6, option: 1 },
      { question: 7, option: 3 },
    ]);
  });
});
