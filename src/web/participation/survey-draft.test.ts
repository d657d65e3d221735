import { describe, expect, it } from 'vitest';
import {
  answersOf,
  moveQuestion,
  newQuestion,
  problemsByQuestion,
  removeAt,
  toInput,
} from './survey-draft.ts';

describe('survey drafts', () => {
  it('turns the form strings into what the server takes', () => {
    const single = { ...newQuestion('single'), text: ' Wohl? ', options: 'Ja\n\n Nein \n' };
    expect(toInput(single)).toMatchObject({ text: 'Wohl?', options: ['Ja', 'Nein'], scaleMin: null });
    const scale = {
      ...newQuestion('scale'),
      text: 'Zufrieden?',
      scaleMin: '0',
      scaleMax: '10',
      options: 'x',
    };
    expect(toInput(scale)).toMatchObject({ options: [], scaleMin: 0, scaleMax: 10 });
    expect(toInput(newQuestion('area')).required).toBe(true);
  });

  it('moves and removes questions', () => {
    expect(moveQuestion(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveQuestion(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveQuestion(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(removeAt(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('sends the answers given, as numbers where the server expects them', () => {
    const questions = [
      { id: 1, kind: 'area' as const },
      { id: 2, kind: 'single' as const },
      { id: 3, kind: 'multiple' as const },
      { id: 4, kind: 'scale' as const },
      { id: 5, kind: 'text' as const },
    ];
    expect(answersOf(questions, { 1: '01', 2: '1', 3: ['0', '2'], 4: '', 5: 'Mehr Bänke' })).toEqual([
      { question: 1, value: '01' },
      { question: 2, value: 1 },
      { question: 3, value: [0, 2] },
      { question: 5, value: 'Mehr Bänke' },
    ]);
  });

  it('reads the problems per question from the server', () => {
    expect(problemsByQuestion({ problems: [{ question: 2, number: 2, message: 'Frage 2: x' }] })).toEqual({
      2: 'Frage 2: x',
    });
    expect(problemsByQuestion({})).toEqual({});
  });
});
