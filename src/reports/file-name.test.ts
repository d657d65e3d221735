import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, reportFileName } from './file-name.ts';

describe('report file names', () => {
  it('joins template, place and Stichtag with hyphens and keeps umlauts', () => {
    expect(reportFileName(['Steckbrief', 'Nordstadt'], '2024-12-31', 'pdf')).toBe(
      'Steckbrief-Nordstadt-2024-12-31.pdf',
    );
    expect(reportFileName(['Steckbrief (zwei Seiten)', 'Alt-Süd'], '2024-12-31', 'docx')).toBe(
      'Steckbrief-zwei-Seiten-Alt-Süd-2024-12-31.docx',
    );
    expect(reportFileName(['Bericht: "A/B"\\C', 'Ort'], '2024-12-31', 'html')).toBe(
      'Bericht-A-B-C-Ort-2024-12-31.html',
    );
  });

  it('has an ASCII fallback without quotes or slashes', () => {
    expect(asciiFileName('Süd-Übersicht-Straße.pdf')).toBe('Sued-Uebersicht-Strasse.pdf');
    expect(asciiFileName('Café "x"/y.pdf')).toBe('Cafe__x__y.pdf');
  });

  it('puts the UTF-8 name in filename* (RFC 8187)', () => {
    expect(contentDisposition('inline', 'Süd (1).pdf')).toBe(
      `inline; filename="Sued__1_.pdf"; filename*=UTF-8''S%C3%BCd%20%281%29.pdf`,
    );
    const header = contentDisposition('attachment', 'Steckbrief-Nordstadt-2024-12-31.docx');
    expect(header).toBe(
      `attachment; filename="Steckbrief-Nordstadt-2024-12-31.docx"; filename*=UTF-8''Steckbrief-Nordstadt-2024-12-31.docx`,
    );
  });
});
