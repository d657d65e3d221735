import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SurveyResults } from './participation-api.ts';
import { SurveyResultsView } from './SurveyResultsView.tsx';

const results: SurveyResults = {
  key: 'k',
  title: 'T',
  periodFrom: '2024-10-01',
  periodTo: '2024-12-31',
  status: 'geschlossen',
  n: 12,
  minAnswers: 5,
  level: 'sozialraum',
  shown: true,
  questions: [
    {
      id: 1,
      position: 0,
      kind: 'single',
      text: 'Frage',
      labels: ['Ja', 'Nein'],
      total: { question: 1, answered: 12, counts: [7, 5] },
      texts: [],
    },
  ],
  areas: [
    {
      key: '01',
      name: 'Nord',
      merged: false,
      members: [{ key: '01', name: 'Nord' }],
      n: 12,
      questions: [{ question: 1, answered: null, counts: null, withheld: true }],
    },
  ],
};

describe('SurveyResultsView', () => {
  it('shows a withheld row as „zurückgehalten“ with the reason, never as a number', () => {
    const html = renderToStaticMarkup(createElement(SurveyResultsView, { results }));
    const row = /<tr[^>]*><th scope="row">Nord<\/th>(.*?)<\/tr>/.exec(html)![1]!;
    expect(row).toContain('zurückgehalten');
    expect(row).toContain('title="Weniger als 5 Antworten');
    expect(row).toContain('colSpan="3"');
    expect(row.replace(/<[^>]*>/g, '')).not.toMatch(/\d(?! Antworten)/);
  });
});
