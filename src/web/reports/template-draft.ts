/**
 * Pure helpers of the template editor: new blocks with sensible defaults, changing a block's type
 * without losing what was typed, moving chapters and blocks, copies, and the cleaning before a
 * template is saved or exported (empty optional fields left out, as in the shipped JSON).
 */
import type { Block, BlockType, Chapter, ReportTemplate, TemplateScope } from './api.ts';

/** Block types in the order the type select offers them. */
export const BLOCK_TYPES: readonly BlockType[] = [
  'heading',
  'text',
  'list',
  'summary',
  'indicator_table',
  'map',
  'chart',
  'ranking',
  'matrix',
  'warnings',
  'findings',
  'area_profiles',
  'statement',
  'needs_ranking',
  'care_plan',
  'measures',
  'participation',
  'kreis_comparison',
  'pagebreak',
  'source',
];

/** Block types that only make sense in a city template (the Sozialbericht appendix). */
export const CITY_ONLY: ReadonlySet<BlockType> = new Set([
  'area_profiles',
  'needs_ranking',
  'care_plan',
  'participation',
  'kreis_comparison',
]);

/** Block types that only make sense in a statement template (a part of the Stellungnahme). */
export const STATEMENT_ONLY: ReadonlySet<BlockType> = new Set(['statement']);

/** What a new block may be pre-filled with. */
export interface BlockContext {
  /** The first indicator of the catalogue: figures need an indicator or a theme. */
  indicator?: string;
}

/**
 * A new block of a type with the schema's defaults (report.schema.ts); text fields start empty
 * for the person to fill, figures start with the first indicator.
 * @example defaultBlock('ranking', { indicator: 'sgb2_quote' })
 * // { type: 'ranking', indicator: 'sgb2_quote', count: 1, around: 3, limit: 5 }
 */
export function defaultBlock(type: BlockType, ctx: BlockContext = {}): Block {
  const indicator = ctx.indicator ? { indicator: ctx.indicator } : {};
  switch (type) {
    case 'heading':
    case 'text':
      return { type, text: '' };
    case 'list':
      return { type, items: [''] };
    case 'summary':
    case 'pagebreak':
      return { type };
    case 'source':
      return { type: 'source' };
    case 'indicator_table':
      return { type };
    case 'map':
    case 'chart':
      return { type, ...indicator, count: 1 };
    case 'ranking':
      return { type, ...indicator, count: 1, around: 3, limit: 5 };
    case 'matrix':
      return { type };
    case 'warnings':
      return { type, limit: 30 };
    case 'findings':
      return { type, limit: 5 };
    case 'area_profiles':
      return { type, template: 'steckbrief_kurz' };
    case 'statement':
      return { type, part: 'plan' };
    case 'needs_ranking':
      return { type, part: 'ranking', norm: 'kita_gesamt', top: 10 };
    case 'care_plan':
      return { type, view: 'summary', horizon: 2040, years: [2030, 2035, 2040], trend: 1.01, top: 20 };
    case 'measures':
      return { type, view: 'overview' };
    case 'participation':
      return { type };
    case 'kreis_comparison':
      return { type, count: 1 };
  }
}

/** The free text a block carries (heading, text, source, list items joined), if any. */
function textOf(block: Block): string | undefined {
  if (block.type === 'heading' || block.type === 'text' || block.type === 'source') return block.text;
  if (block.type === 'list') return block.items.join('\n');
  return undefined;
}

type Figure = Extract<Block, { type: 'map' | 'chart' | 'ranking' }>;
const isFigure = (block: Block): block is Figure =>
  block.type === 'map' || block.type === 'chart' || block.type === 'ranking';

/**
 * The block as another type, keeping what fits: the text (heading ↔ text ↔ source ↔ list, one
 * item per line), and indicator, theme, count and title among map, chart and ranking.
 * @example changeBlockType({ type: 'text', text: 'A\nB' }, 'list') // { type: 'list', items: ['A', 'B'] }
 */
export function changeBlockType(block: Block, type: BlockType, ctx: BlockContext = {}): Block {
  if (block.type === type) return block;
  const next = defaultBlock(type, ctx);
  const text = textOf(block);
  if (text !== undefined) {
    if (next.type === 'heading' || next.type === 'text') return { ...next, text };
    if (next.type === 'source') return text ? { ...next, text } : next;
    if (next.type === 'list') return { ...next, items: listItems(text).length ? listItems(text) : [''] };
  }
  if (isFigure(block) && isFigure(next)) {
    const { indicator, theme, count } = block;
    if (next.type === 'ranking') return { ...next, indicator, theme, count };
    const title = block.type === 'ranking' ? undefined : block.title;
    return { ...next, indicator, theme, count, ...(title ? { title } : {}) };
  }
  return next;
}

/**
 * The non-empty lines of a text area as list items.
 * @example listItems('Erstens\n\n  Zweitens ') // ['Erstens', 'Zweitens']
 */
export const listItems = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The list with the item at `index` moved by `delta` places (−1 up, +1 down); unchanged when the
 * move would leave the list.
 * @example moveItem(['a', 'b', 'c'], 2, -1) // ['a', 'c', 'b']
 */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1) as [T];
  out.splice(target, 0, item);
  return out;
}

/**
 * Which move button of an item moved to `target` keeps the focus: the one of the same direction,
 * unless the item reached that end of the list (the button is disabled there).
 * @example focusAfterMove(0, 3, -1) // 'down'
 */
export function focusAfterMove(target: number, count: number, delta: number): 'up' | 'down' {
  if (delta < 0) return target <= 0 ? 'down' : 'up';
  return target >= count - 1 ? 'up' : 'down';
}

/** The list with the item at `index` replaced. */
export const replaceItem = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

/** The list without the item at `index`. */
export const removeItem = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** A new chapter with one empty text block. */
export const emptyChapter = (): Chapter => ({ title: '', blocks: [{ type: 'text', text: '' }] });

/** A blank template of a scope, ready to be filled in. */
export function emptyTemplate(scope: TemplateScope = 'area'): ReportTemplate {
  return {
    key: '',
    name: '',
    description: '',
    scope,
    title: scope === 'area' ? 'Steckbrief {area.name}' : 'Bericht {city.name}',
    toc: false,
    chapterBreaks: false,
    chapters: [emptyChapter()],
  };
}

const KEY_MAX = 63;

/**
 * A copy of a template under a free key (`<key>_kopie`, `<key>_kopie2`, …) and the name „… (Kopie)“.
 * @example copyTemplate(steckbrief, ['steckbrief']).key // 'steckbrief_kopie'
 */
export function copyTemplate(template: ReportTemplate, takenKeys: readonly string[]): ReportTemplate {
  const taken = new Set(takenKeys);
  const base = `${template.key.slice(0, KEY_MAX - 8)}_kopie`;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${n}`;
  return { ...structuredClone(template), key, name: `${template.name} (Kopie)` };
}

/** Does the template contain the Steckbriefe of all areas (a long preview)? */
export const hasAreaProfiles = (template: Pick<ReportTemplate, 'chapters'>): boolean =>
  template.chapters.some((c) => c.blocks.some((b) => b.type === 'area_profiles'));

/** Optional fields whose empty value means “not set”. */
const OPTIONAL_TEXT = ['title', 'indicator', 'theme', 'index', 'level'] as const;
const OPTIONAL_LIST = ['indicators', 'themes'] as const;

/**
 * The block without empty optional fields (so the schema's “indicator or theme” check and the
 * defaults apply); the source text is optional too.
 */
export function cleanBlock(block: Block): Block {
  const out: Record<string, unknown> = { ...block };
  for (const field of OPTIONAL_TEXT) if (out[field] === '' || out[field] === undefined) delete out[field];
  for (const field of OPTIONAL_LIST) {
    const list = out[field];
    if (list === undefined || (Array.isArray(list) && list.length === 0)) delete out[field];
  }
  if (block.type === 'source' && !block.text) delete out.text;
  return out as Block;
}

/**
 * The template as it is saved and exported: empty optional fields left out, `pages` only when set,
 * list items without blank lines.
 */
export function cleanTemplate(template: ReportTemplate): ReportTemplate {
  const { pages, ...rest } = template;
  const out: ReportTemplate = {
    ...rest,
    chapters: template.chapters.map((c) => ({
      title: c.title,
      blocks: c.blocks.map((b) =>
        cleanBlock(b.type === 'list' ? { ...b, items: b.items.map((i) => i.trim()).filter(Boolean) } : b),
      ),
    })),
  };
  if (pages !== undefined && Number.isInteger(pages)) out.pages = pages;
  return out;
}
