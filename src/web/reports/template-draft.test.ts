import { describe, expect, it } from 'vitest';
import { ReportTemplate } from '../../reports/report.schema.ts';
import { BUILTIN_TEMPLATES, STECKBRIEF } from '../../reports/templates.ts';
import {
  BLOCK_TYPES,
  changeBlockType,
  cleanTemplate,
  copyTemplate,
  defaultBlock,
  emptyTemplate,
  focusAfterMove,
  hasAreaProfiles,
  listItems,
  moveItem,
  removeItem,
  replaceItem,
} from './template-draft.ts';

describe('defaultBlock', () => {
  it('offers every block type of the schema', () => {
    const schemaTypes = ReportTemplate.shape.chapters.element.shape.blocks.element.options.map(
      (o) => o.shape.type.value,
    );
    expect([...BLOCK_TYPES].sort()).toEqual([...schemaTypes].sort());
  });

  it('gives blocks that pass the schema once their text is filled in', () => {
    for (const type of BLOCK_TYPES) {
      const block = defaultBlock(type, { indicator: 'sgb2_quote' });
      const filled =
        block.type === 'text' || block.type === 'heading'
          ? { ...block, text: 'Ein Text' }
          : block.type === 'list'
            ? { ...block, items: ['Punkt'] }
            : block;
      const template = {
        ...emptyTemplate('city'),
        key: 'x',
        name: 'X',
        chapters: [{ title: 'K', blocks: [filled] }],
      };
      const parsed = ReportTemplate.safeParse(template);
      expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      // the form starts with the schema's defaults, so saving changes nothing unasked
      if (parsed.success) expect(parsed.data.chapters[0]?.blocks[0]).toEqual(filled);
    }
  });

  it('leaves a new chapter title and text empty so the schema asks for them', () => {
    const template = { ...emptyTemplate(), key: 'x', name: 'X' };
    const parsed = ReportTemplate.safeParse(cleanTemplate(template));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'chapters.0.title',
      'chapters.0.blocks.0.text',
    ]);
  });

  it('starts figures with the first indicator, or with nothing when the catalogue is empty', () => {
    expect(defaultBlock('map', { indicator: 'kinderarmut' })).toEqual({
      type: 'map',
      indicator: 'kinderarmut',
      count: 1,
    });
    expect(defaultBlock('chart')).toEqual({ type: 'chart', count: 1 });
    expect(defaultBlock('ranking', { indicator: 'a' })).toEqual({
      type: 'ranking',
      indicator: 'a',
      count: 1,
      around: 3,
      limit: 5,
    });
  });
});

describe('changeBlockType', () => {
  it('keeps the text between heading, text, source and list (one item per line)', () => {
    const text = { type: 'text', text: 'Erstens\nZweitens' } as const;
    expect(changeBlockType(text, 'list')).toEqual({ type: 'list', items: ['Erstens', 'Zweitens'] });
    expect(changeBlockType({ type: 'list', items: ['a', 'b'] }, 'text')).toEqual({
      type: 'text',
      text: 'a\nb',
    });
    expect(changeBlockType(text, 'heading')).toEqual({ type: 'heading', text: 'Erstens\nZweitens' });
    expect(changeBlockType({ type: 'heading', text: '' }, 'source')).toEqual({ type: 'source' });
  });

  it('keeps indicator, theme, count and title among map, chart and ranking', () => {
    const map = { type: 'map', theme: 'Soziale Lage', count: 2, title: 'Karte' } as const;
    expect(changeBlockType(map, 'chart')).toEqual({
      type: 'chart',
      indicator: undefined,
      theme: 'Soziale Lage',
      count: 2,
      title: 'Karte',
    });
    expect(changeBlockType(map, 'ranking')).toEqual({
      type: 'ranking',
      indicator: undefined,
      theme: 'Soziale Lage',
      count: 2,
      around: 3,
      limit: 5,
    });
  });

  it('starts afresh where nothing fits, and returns the same block for the same type', () => {
    const block = { type: 'warnings', limit: 10 } as const;
    expect(changeBlockType(block, 'warnings')).toBe(block);
    expect(changeBlockType(block, 'findings')).toEqual({ type: 'findings', limit: 5 });
    expect(changeBlockType({ type: 'text', text: 'x' }, 'map', { indicator: 'sgb2_quote' })).toEqual({
      type: 'map',
      indicator: 'sgb2_quote',
      count: 1,
    });
  });
});

describe('moving, replacing, removing', () => {
  it('moves an item up and down and stays put at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a'], 5, -1)).toEqual(['a']);
  });

  it('does not change the list it is given', () => {
    const list = ['a', 'b'];
    moveItem(list, 0, 1);
    replaceItem(list, 0, 'x');
    removeItem(list, 0);
    expect(list).toEqual(['a', 'b']);
    expect(replaceItem(list, 1, 'x')).toEqual(['a', 'x']);
    expect(removeItem(list, 0)).toEqual(['b']);
  });

  it('keeps the focus on a move button that is still enabled', () => {
    expect(focusAfterMove(0, 3, -1)).toBe('down');
    expect(focusAfterMove(1, 3, -1)).toBe('up');
    expect(focusAfterMove(2, 3, 1)).toBe('up');
    expect(focusAfterMove(1, 3, 1)).toBe('down');
  });
});

describe('copies and cleaning', () => {
  it('copies a template under a free key and a new name, without touching the original', () => {
    const copy = copyTemplate(STECKBRIEF, Object.keys(BUILTIN_TEMPLATES));
    expect(copy.key).toBe('steckbrief_kopie');
    expect(copy.name).toBe('Steckbrief (Kopie)');
    const second = copyTemplate(STECKBRIEF, [...Object.keys(BUILTIN_TEMPLATES), 'steckbrief_kopie']);
    expect(second.key).toBe('steckbrief_kopie2');
    copy.chapters[0]!.title = 'Geändert';
    expect(STECKBRIEF.chapters[0]!.title).toBe('Auf einen Blick');
    expect(ReportTemplate.safeParse(copy).success).toBe(true);
  });

  it('keeps every built-in template unchanged through cleaning (the shipped JSON round-trips)', () => {
    for (const template of Object.values(BUILTIN_TEMPLATES)) {
      const cleaned = cleanTemplate(template);
      expect(ReportTemplate.parse(cleaned)).toEqual(template);
    }
  });

  it('drops empty optional fields and blank list lines', () => {
    const cleaned = cleanTemplate({
      ...emptyTemplate('city'),
      key: 'k',
      name: 'K',
      chapters: [
        {
          title: 'Kapitel',
          blocks: [
            { type: 'map', indicator: '', theme: 'Arbeit', count: 1, title: '' },
            { type: 'indicator_table', indicators: [], themes: ['Arbeit'] },
            { type: 'list', items: [' a ', '', 'b'] },
            { type: 'source', text: '' },
            { type: 'area_profiles', template: 'steckbrief_kurz', level: '' },
          ],
        },
      ],
    });
    expect(cleaned.chapters[0]?.blocks).toEqual([
      { type: 'map', theme: 'Arbeit', count: 1 },
      { type: 'indicator_table', themes: ['Arbeit'] },
      { type: 'list', items: ['a', 'b'] },
      { type: 'source' },
      { type: 'area_profiles', template: 'steckbrief_kurz' },
    ]);
    expect('pages' in cleaned).toBe(false);
    expect(cleanTemplate({ ...emptyTemplate(), pages: 2 }).pages).toBe(2);
  });

  it('reads list items from lines and knows long templates', () => {
    expect(listItems('Erstens\n\n  Zweitens \r\n')).toEqual(['Erstens', 'Zweitens']);
    expect(hasAreaProfiles(BUILTIN_TEMPLATES.sozialbericht!)).toBe(true);
    expect(hasAreaProfiles(STECKBRIEF)).toBe(false);
  });
});
