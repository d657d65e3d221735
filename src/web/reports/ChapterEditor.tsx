import type { BlockType, Chapter } from './api.ts';
import { BlockFields, type BlockChoices } from './BlockFields.tsx';
import { Field, FieldError, type FieldWiring } from '../ui/form-field.tsx';
import {
  BLOCK_TYPES,
  changeBlockType,
  CITY_ONLY,
  defaultBlock,
  STATEMENT_ONLY,
  focusAfterMove,
  moveItem,
  removeItem,
  replaceItem,
} from './template-draft.ts';
import { rt } from './texts.ts';

const e = rt.editor;

interface MoveButtonsProps {
  /** Id prefix: `<prefix>-up` and `<prefix>-down` (focus follows a moved item). */
  id: string;
  label: (direction: string) => string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
}

/** Up and down buttons of a chapter or block (disabled at the ends). */
export function MoveButtons({ id, label, index, count, onMove }: MoveButtonsProps) {
  return (
    <>
      <button
        id={`${id}-up`}
        type="button"
        className="icon-button template-move"
        disabled={index === 0}
        aria-label={label(e.up)}
        title={label(e.up)}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        id={`${id}-down`}
        type="button"
        className="icon-button template-move"
        disabled={index === count - 1}
        aria-label={label(e.down)}
        title={label(e.down)}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
    </>
  );
}

interface ChapterEditorProps {
  chapter: Chapter;
  index: number;
  count: number;
  cityScope: boolean;
  /** A statement template: offers the parts of a Stellungnahme. */
  statementScope?: boolean;
  wiring: FieldWiring;
  choices: BlockChoices;
  readOnly: boolean;
  onChange: (chapter: Chapter) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  /** Moves the focus to an element after the next render (a moved block's button). */
  focusLater: (id: string) => void;
}

/** One chapter: its title and its blocks, each with a form by type; add, remove and move blocks. */
export function ChapterEditor(props: ChapterEditorProps) {
  const {
    chapter,
    index,
    count,
    cityScope,
    statementScope = false,
    wiring,
    choices,
    readOnly,
    onChange,
    onMove,
    onRemove,
    focusLater,
  } = props;
  const n = index + 1;
  const base = `chapters.${index}`;
  const ctx = { indicator: choices.indicators[0]?.key };
  const types = BLOCK_TYPES.filter(
    (t) => (cityScope || !CITY_ONLY.has(t)) && (statementScope || !STATEMENT_ONLY.has(t)),
  );
  const setBlocks = (blocks: Chapter['blocks']) => onChange({ ...chapter, blocks });
  const moveBlock = (i: number, delta: number) => {
    const target = i + delta;
    setBlocks(moveItem(chapter.blocks, i, delta));
    focusLater(
      `${wiring.id(`${base}.blocks.${target}`)}-${focusAfterMove(target, chapter.blocks.length, delta)}`,
    );
  };

  return (
    <fieldset className="template-chapter" data-testid={`template-chapter-${index}`}>
      <legend>
        {e.chapter(n)}
        {chapter.title ? `: ${chapter.title}` : ''}
      </legend>
      <div className="template-chapter__head">
        <Field wiring={wiring} path={`${base}.title`} label={e.chapterTitle}>
          {(p) => (
            <input
              {...p}
              value={chapter.title}
              onChange={(ev) => onChange({ ...chapter, title: ev.target.value })}
            />
          )}
        </Field>
        {!readOnly && (
          <div className="template-tools">
            <MoveButtons
              id={wiring.id(base)}
              label={(dir) => e.moveChapter(n, dir)}
              index={index}
              count={count}
              onMove={onMove}
            />
            <button
              type="button"
              className="button button--danger-outline"
              disabled={count <= 1}
              onClick={onRemove}
            >
              {e.removeChapter(n)}
            </button>
          </div>
        )}
      </div>

      <h3 className="template-chapter__blocks">{e.blocks}</h3>
      <FieldError wiring={wiring} path={`${base}.blocks`} />
      {chapter.blocks.length === 0 && <p className="muted">{e.noBlocks}</p>}
      <ol className="template-blocks">
        {chapter.blocks.map((block, i) => {
          const path = `${base}.blocks.${i}`;
          const label = e.blockOf(n, i + 1);
          return (
            <li key={i} className="template-block" data-testid="template-block" data-type={block.type}>
              <div className="template-block__head">
                <div className="field">
                  <label htmlFor={wiring.id(`${path}.type`)}>
                    <span className="visually-hidden">{label}: </span>
                    {e.type}
                  </label>
                  <select
                    {...wiring.control(`${path}.type`)}
                    value={block.type}
                    onChange={(ev) =>
                      setBlocks(
                        replaceItem(
                          chapter.blocks,
                          i,
                          changeBlockType(block, ev.target.value as BlockType, ctx),
                        ),
                      )
                    }
                  >
                    {types.includes(block.type) ? null : (
                      <option value={block.type}>{rt.blocks.types[block.type]}</option>
                    )}
                    {types.map((t) => (
                      <option key={t} value={t}>
                        {rt.blocks.types[t]}
                      </option>
                    ))}
                  </select>
                </div>
                {!readOnly && (
                  <div className="template-tools">
                    <MoveButtons
                      id={wiring.id(path)}
                      label={(dir) => e.moveBlock(label, dir)}
                      index={i}
                      count={chapter.blocks.length}
                      onMove={(delta) => moveBlock(i, delta)}
                    />
                    <button
                      type="button"
                      className="button button--danger-outline"
                      aria-label={e.removeBlock(label)}
                      onClick={() => setBlocks(removeItem(chapter.blocks, i))}
                    >
                      {e.removeBlockShort}
                    </button>
                  </div>
                )}
              </div>
              <FieldError wiring={wiring} path={path} />
              <div className="form-grid template-block__fields">
                <BlockFields
                  block={block}
                  path={path}
                  wiring={wiring}
                  choices={choices}
                  onChange={(next) => setBlocks(replaceItem(chapter.blocks, i, next))}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => setBlocks([...chapter.blocks, defaultBlock('text', ctx)])}
          >
            {e.addBlock}
          </button>
        </p>
      )}
    </fieldset>
  );
}
