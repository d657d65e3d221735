import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AreaLevel } from '../../areas/area.schema.ts';
import type { TemplateSummary } from './api.ts';
import type { PublicChoice } from './own-areas.ts';
import { ReportChooser } from './ReportChooser.tsx';

const steckbrief: TemplateSummary = {
  key: 'steckbrief',
  name: 'Steckbrief',
  description: 'Ein Gebiet',
  scope: 'area',
  builtin: true,
  updatedAt: '2025-01-01T00:00:00Z',
};
const level: AreaLevel = {
  key: 'wohnplatz',
  name: 'Wohnplatz',
  rank: 3,
  parent: 'gemeinde',
  areaCount: 2,
  partial: false,
};

/** The „öffentlich“ checkbox and its hint as rendered for a planner who unchecked it. */
function publicBox(scope?: { label: string; choice: PublicChoice }) {
  const html = renderToStaticMarkup(
    createElement(ReportChooser, {
      templates: [steckbrief],
      template: steckbrief,
      choice: {
        template: 'steckbrief',
        level: 'wohnplatz',
        area: 'W1',
        date: null,
        format: 'pdf',
        internal: true,
      },
      level: 'wohnplatz',
      date: '2024-12-31',
      levels: [level],
      dates: ['2024-12-31'],
      areas: [
        {
          id: 'W1',
          name: 'Heiderath-Dorf',
          level: 'wohnplatz',
          parent: 'G',
          parentLevel: 'gemeinde',
          areaM2: 1,
        },
      ],
      mayChooseInternal: true,
      canEdit: true,
      onChange: () => undefined,
      ...(scope && { scope }),
    }),
  );
  const input = /<input[^>]*data-testid="report-public"[^>]*>/.exec(html)?.[0] ?? '';
  return { checked: / checked=""/.test(input), disabled: / disabled=""/.test(input), html };
}

describe('ReportChooser', () => {
  it('shows a scoped planner’s report that cannot be internal as published, checked and fixed', () => {
    const box = publicBox({ label: 'Gemeinde Musterhausen', choice: 'published' });
    expect(box).toMatchObject({ checked: true, disabled: true });
    expect(box.html).toContain(
      'Nur Steckbriefe von Gebieten Ihrer Zuständigkeit (Gemeinde Musterhausen) können intern sein',
    );
  });

  it('leaves the choice to a scoped planner for an own area, and to a planner without scope', () => {
    const own = publicBox({ label: 'Gemeinde Musterhausen', choice: 'free' });
    expect(own).toMatchObject({ checked: false, disabled: false });
    expect(own.html).toContain('Der Steckbrief eines Gebiets Ihrer Zuständigkeit');
    const unscoped = publicBox();
    expect(unscoped).toMatchObject({ checked: false, disabled: false });
    expect(unscoped.html).toContain('interner Entwurf');
    expect(unscoped.html).not.toContain('Zuständigkeit');
  });

  it('holds the box while the lists that decide are loading', () => {
    expect(publicBox({ label: 'Gemeinde Musterhausen', choice: 'unknown' })).toMatchObject({
      disabled: true,
    });
  });
});
