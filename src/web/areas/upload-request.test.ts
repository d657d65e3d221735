import { describe, expect, it } from 'vitest';
import type { AreaLevel, AreaPreview } from './api.ts';
import {
  defaultTarget,
  importFields,
  NEW_LEVEL,
  previewOptions,
  uploadProblems,
  withUsableParent,
} from './upload-request.ts';

const level = (key: string, rank: number, areaCount: number): AreaLevel => ({
  key,
  name: key,
  rank,
  parent: null,
  partial: false,
  areaCount,
});
const demo = [level('stadt', 0, 1), level('stadtbezirk', 1, 4), level('sozialraum', 2, 64)];
const chosen = { idField: 'STT_NR', nameField: 'STT_NAME', parentField: null };
const preview = { chosen } as AreaPreview;

describe('target level', () => {
  it('proposes the first empty level of an Einrichtung, else a new level', () => {
    expect(defaultTarget([level('stadt', 0, 0), level('stadtbezirk', 1, 0), level('stadtteil', 2, 0)])).toBe(
      'stadtbezirk',
    );
    expect(defaultTarget(demo)).toBe(NEW_LEVEL);
  });

  it('asks for files and a usable key and name of a new level', () => {
    const target = { choice: NEW_LEVEL, newKey: '', newName: '' };
    expect(uploadProblems(0, target, demo)).toEqual({
      files: 'Bitte mindestens eine Datei wählen.',
      newKey: 'Bitte ausfüllen.',
      newName: 'Bitte ausfüllen.',
    });
    expect(uploadProblems(4, { ...target, newKey: 'Stadtteil Köln', newName: 'x' }, demo)).toEqual({
      newKey: 'Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.',
    });
    expect(uploadProblems(4, { ...target, newKey: 'sozialraum', newName: 'x' }, demo).newKey).toMatch(
      /gibt es schon/,
    );
    expect(
      uploadProblems(4, { ...target, newKey: 'stadtteil_koeln', newName: 'Stadtteile (Köln)' }, demo),
    ).toEqual({});
    expect(uploadProblems(1, { choice: 'sozialraum', newKey: '', newName: '' }, demo)).toEqual({});
  });
});

describe('fields sent', () => {
  it('keeps the shown choice when one field changes; empty leaves a field out', () => {
    expect(previewOptions(chosen, '', { nameField: 'STT_NR' })).toEqual({
      idField: 'STT_NR',
      nameField: 'STT_NR',
    });
    expect(previewOptions({ ...chosen, parentField: 'STB' }, ' 25832 ', { parentField: '' })).toEqual({
      idField: 'STT_NR',
      nameField: 'STT_NAME',
      crs: '25832',
    });
  });

  it('imports what the preview showed into an existing or a new level', () => {
    expect(importFields({ choice: 'sozialraum', newKey: 'x', newName: 'y' }, preview, '')).toEqual({
      level: 'sozialraum',
      idField: 'STT_NR',
      nameField: 'STT_NAME',
    });
    expect(
      importFields(
        { choice: NEW_LEVEL, newKey: ' stadtteil_koeln ', newName: 'Stadtteile (Köln) ' },
        preview,
        'EPSG:25832',
      ),
    ).toEqual({
      level: 'stadtteil_koeln',
      name: 'Stadtteile (Köln)',
      idField: 'STT_NR',
      nameField: 'STT_NAME',
      crs: 'EPSG:25832',
    });
  });
});

describe('guessed parent field', () => {
  // Berlin after the Einrichtung: the Planungsräume come first, their parents are derived later
  const berlin = (parentAreas: number): AreaLevel[] => [
    level('stadt', 0, 1),
    { ...level('bezirksregion', 1, parentAreas), parent: 'stadt' },
    { ...level('planungsraum', 2, 0), parent: 'bezirksregion' },
  ];
  const plr = { chosen: { idField: 'PLR_ID', nameField: 'PLR_NAME', parentField: 'BEZ' } } as AreaPreview;
  const into = (choice: string) => ({ choice, newKey: 'plr', newName: 'PLR' });

  it('is left out while the parent level has no areas, so the import does not refuse every key', () => {
    const shown = withUsableParent(plr, false, into('planungsraum'), berlin(0));
    expect(shown.chosen).toEqual({ idField: 'PLR_ID', nameField: 'PLR_NAME', parentField: null });
    expect(importFields(into('planungsraum'), shown, '')).toEqual({
      level: 'planungsraum',
      idField: 'PLR_ID',
      nameField: 'PLR_NAME',
    });
    // a new level hangs below the finest one, here still empty too
    expect(withUsableParent(plr, false, into(NEW_LEVEL), berlin(0)).chosen.parentField).toBeNull();
  });

  it('stays once the parents exist, and when the user chose it', () => {
    expect(withUsableParent(plr, false, into('planungsraum'), berlin(143))).toBe(plr);
    expect(withUsableParent(plr, true, into('planungsraum'), berlin(0))).toBe(plr);
    expect(withUsableParent(plr, false, into(NEW_LEVEL), demo)).toBe(plr);
  });
});
