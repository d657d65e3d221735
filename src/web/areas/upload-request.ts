/**
 * What the upload form sends: the target level (an existing one or a new one with key and name),
 * the field choice of a re-run preview, and the import fields that store exactly what the preview
 * showed.
 */
import { LEVEL_KEY, LEVEL_KEY_MESSAGE } from '../../areas/level-key.ts';
import { ApiError, messageOf } from '../api.ts';
import type { FormProblems } from '../ui/ErrorSummary.tsx';
import type { AreaLevel, AreaPreview, ImportAreasFields, ReadAreaOptions } from './api.ts';
import { at } from './texts.ts';

/** Value of the level select that asks for a new level (no level key starts with `+`). */
export const NEW_LEVEL = '+neu';

/** The target level as the form holds it. */
export interface LevelTarget {
  /** Key of an existing level or `NEW_LEVEL`. */
  choice: string;
  newKey: string;
  newName: string;
}

/** Levels areas can be imported into: all but the whole territory (rank 0, kept by the server). */
export const targetLevels = (levels: readonly AreaLevel[]) => levels.filter((l) => l.rank >= 1);

/** The first level still without areas (as the Einrichtung defines them), else a new one. */
export function defaultTarget(levels: readonly AreaLevel[]): string {
  return targetLevels(levels).find((l) => l.areaCount === 0)?.key ?? NEW_LEVEL;
}

/**
 * Messages by form field (`files`, `newKey`, `newName`) for what must be given before the files
 * are sent; empty when nothing is missing.
 */
export function uploadProblems(
  fileCount: number,
  target: LevelTarget,
  levels: readonly AreaLevel[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fileCount === 0) problems.files = at.noFiles;
  if (target.choice !== NEW_LEVEL) return problems;
  const key = target.newKey.trim();
  if (!key) problems.newKey = at.required;
  else if (!LEVEL_KEY.test(key)) problems.newKey = LEVEL_KEY_MESSAGE;
  else if (levels.some((l) => l.key === key)) problems.newKey = at.newKeyTaken;
  if (!target.newName.trim()) problems.newName = at.required;
  return problems;
}

/**
 * Options of a preview after one field choice changed: the other fields stay as shown, so the
 * server guesses nothing anew. An empty value leaves the field to the server (no parent field).
 */
export function previewOptions(
  chosen: AreaPreview['chosen'],
  crs: string,
  change: Partial<Record<'idField' | 'nameField' | 'parentField', string>> = {},
): ReadAreaOptions {
  const fields = {
    idField: chosen.idField ?? '',
    nameField: chosen.nameField ?? '',
    parentField: chosen.parentField ?? '',
    ...change,
  };
  const options: ReadAreaOptions = {};
  if (fields.idField) options.idField = fields.idField;
  if (fields.nameField) options.nameField = fields.nameField;
  if (fields.parentField) options.parentField = fields.parentField;
  if (crs.trim()) options.crs = crs.trim();
  return options;
}

/**
 * The level whose keys a parent field names on import (see importAreas in areas/area.service.ts):
 * the parent of an existing target level, else the finest level other than the target.
 */
export function parentLevelOf(target: LevelTarget, levels: readonly AreaLevel[]): AreaLevel | null {
  const existing = target.choice === NEW_LEVEL ? null : levels.find((l) => l.key === target.choice);
  if (existing?.parent) return levels.find((l) => l.key === existing.parent) ?? null;
  const others = levels.filter((l) => l.key !== existing?.key);
  return others.reduce<AreaLevel | null>((finest, l) => (!finest || l.rank > finest.rank ? l : finest), null);
}

/**
 * The preview with a guessed parent field left out while the parent level has no areas: the import
 * would find none of its keys (`import.unknown_parent`) – the parent level is derived afterwards
 * instead. A parent field the user chose stays, and so does the guess once the parents exist.
 * @example withUsableParent(berlinPlr, false, { choice: 'planungsraum', … }, freshLevels).chosen.parentField // null
 */
export function withUsableParent(
  preview: AreaPreview,
  parentChosen: boolean,
  target: LevelTarget,
  levels: readonly AreaLevel[],
): AreaPreview {
  if (parentChosen || !preview.chosen.parentField) return preview;
  if ((parentLevelOf(target, levels)?.areaCount ?? 0) > 0) return preview;
  return { ...preview, chosen: { ...preview.chosen, parentField: null } };
}

/** The import of what the preview showed into the target level. */
export function importFields(target: LevelTarget, preview: AreaPreview, crs: string): ImportAreasFields {
  const level =
    target.choice === NEW_LEVEL
      ? { level: target.newKey.trim(), name: target.newName.trim() }
      : { level: target.choice };
  return { ...level, ...previewOptions(preview.chosen, crs) };
}

/** A failed preview or import: the server's German message with its stable code. */
export function serverProblems(error: unknown): FormProblems {
  const summary = error instanceof ApiError ? at.errorCode(error.message, error.code) : messageOf(error);
  return { summary, fields: {} };
}

/** The atlas showing a level (its address parameter `ebene`, see ../url-state.ts). */
export const atlasLevelHref = (level: string) => `/?ebene=${encodeURIComponent(level)}`;
