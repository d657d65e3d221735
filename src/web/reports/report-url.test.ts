import { describe, expect, it } from 'vitest';
import { renderHref } from './api.ts';
import { readReportChoice, reportChoiceQuery } from './report-url.ts';

describe('report choice in the address', () => {
  it('reads and writes template, level, area, date, format and audience', () => {
    const search = '?vorlage=steckbrief&ebene=sozialraum&gebiet=101&stichtag=2024-12-31&format=docx&intern=1';
    const choice = readReportChoice(search);
    expect(choice).toEqual({
      template: 'steckbrief',
      level: 'sozialraum',
      area: '101',
      date: '2024-12-31',
      format: 'docx',
      internal: true,
    });
    expect(`?${reportChoiceQuery(choice)}`).toBe(search);
  });

  it('defaults to a public PDF and ignores unknown formats', () => {
    const choice = readReportChoice('?format=exe&intern=0');
    expect(choice).toEqual({
      template: null,
      level: null,
      area: null,
      date: null,
      format: 'pdf',
      internal: false,
    });
    expect(reportChoiceQuery(choice)).toBe('');
  });
});

describe('renderHref', () => {
  it('names template, target, date, format and the public flag', () => {
    expect(
      renderHref({
        template: 'steckbrief',
        level: 'sozialraum',
        area: '101',
        date: '2024-12-31',
        format: 'pdf',
        public: true,
      }),
    ).toBe(
      '/api/reports/render?template=steckbrief&level=sozialraum&area=101&date=2024-12-31&format=pdf&public=1',
    );
    expect(renderHref({ template: 'sozialbericht', level: 'stadtbezirk', format: 'html' })).toBe(
      '/api/reports/render?template=sozialbericht&level=stadtbezirk&format=html',
    );
  });
});
