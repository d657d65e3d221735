/**
 * Editing one facility on the Einrichtungen page: a new one placed on the map, or a change of an
 * open version (moved, changed or both), checked and saved. The state and its steps are pure
 * (`editorReducer`, `saveStep`, `draftPoint`); the hook adds the server and the announcements.
 */
import { useCallback, useReducer } from 'react';
import { formatDate } from '../../core/format.ts';
import { messageOf } from '../api.ts';
import {
  facilityApi,
  type CreateFacilityBody,
  type Facility,
  type FacilityType,
  type UpdateFacilityBody,
} from './facility-api.ts';
import {
  changeBody,
  coordinateText,
  createBody,
  draftOf,
  draftPosition,
  draftProblems,
  emptyDraft,
  type CapacityParts,
  type DraftField,
  type DraftProblems,
  type FacilityDraft,
} from './facility-form.ts';
import { ft } from './texts.ts';

/** The form beside the map: a new facility, or a change of the open version `open`. */
export interface Editor {
  mode: 'create' | 'edit';
  open: Facility | null;
  draft: FacilityDraft;
  /** The next click on the map sets the position. */
  picking: boolean;
  problems: DraftProblems;
  busy: boolean;
  /** The server's refusal, or why nothing was sent, in German. */
  error: string | null;
}

/** What happens to the editor; `null` state: no form open. */
export type EditorAction =
  | { type: 'create'; today: string; parts: CapacityParts }
  | { type: 'edit'; open: Facility; today: string; parts: CapacityParts }
  | { type: 'change'; field: DraftField; value: string }
  | { type: 'part'; key: string; value: string }
  | { type: 'picking'; picking: boolean }
  | { type: 'pick'; lon: number; lat: number }
  /** Another facility was chosen: a change of the previous one is dropped, a new one stays. */
  | { type: 'select' }
  | { type: 'invalid'; problems: DraftProblems }
  | { type: 'unchanged' }
  | { type: 'saving' }
  | { type: 'failed'; message: string }
  | { type: 'close' };

const fresh = { problems: {}, busy: false, error: null };

/** The editor after an action. */
export function editorReducer(editor: Editor | null, action: EditorAction): Editor | null {
  switch (action.type) {
    case 'create':
      return {
        mode: 'create',
        open: null,
        draft: emptyDraft(action.today, action.parts),
        picking: true,
        ...fresh,
      };
    case 'edit':
      return {
        mode: 'edit',
        open: action.open,
        draft: draftOf(action.open, action.today, action.parts),
        picking: false,
        ...fresh,
      };
    case 'select':
      return editor?.mode === 'edit' ? null : editor;
    case 'close':
      return null;
  }
  if (!editor) return null;
  switch (action.type) {
    case 'change':
      return { ...editor, draft: { ...editor.draft, [action.field]: action.value }, error: null };
    case 'part':
      return {
        ...editor,
        draft: { ...editor.draft, parts: { ...editor.draft.parts, [action.key]: action.value } },
        error: null,
      };
    case 'picking':
      return { ...editor, picking: action.picking };
    case 'pick':
      return {
        ...editor,
        picking: false,
        draft: { ...editor.draft, lon: coordinateText(action.lon), lat: coordinateText(action.lat) },
      };
    case 'invalid':
      return { ...editor, problems: action.problems };
    case 'unchanged':
      return { ...editor, problems: {}, error: ft.form.unchanged };
    case 'saving':
      return { ...editor, problems: {}, busy: true, error: null };
    case 'failed':
      return { ...editor, busy: false, error: action.message };
  }
}

/** The request that saves a draft. */
export type SaveRequest =
  { kind: 'create'; body: CreateFacilityBody } | { kind: 'change'; id: number; body: UpdateFacilityBody };

/**
 * What saving the editor's draft does: nothing sent while the draft has problems or, for a change,
 * while it differs in nothing from the open version; otherwise one request.
 */
export function saveStep(
  editor: Editor,
  type: string,
): { action: Extract<EditorAction, { type: 'invalid' | 'unchanged' }> } | { request: SaveRequest } {
  const problems = draftProblems(editor.draft);
  if (Object.keys(problems).length) return { action: { type: 'invalid', problems } };
  const open = editor.mode === 'edit' ? editor.open : null;
  if (!open) return { request: { kind: 'create', body: createBody(type, editor.draft) } };
  const body = changeBody(open, editor.draft);
  return body ? { request: { kind: 'change', id: open.id, body } } : { action: { type: 'unchanged' } };
}

/**
 * The red draft point on the map: a new facility's position, or a move (while setting it, or once
 * moved); null otherwise, so that an unmoved facility is not drawn twice.
 */
export function draftPoint(editor: Editor | null): { lon: number; lat: number } | null {
  if (!editor) return null;
  const position = draftPosition(editor.draft);
  const moved =
    !!editor.open &&
    !!position &&
    (coordinateText(position.lon) !== coordinateText(editor.open.lon) ||
      coordinateText(position.lat) !== coordinateText(editor.open.lat));
  return editor.mode === 'create' || editor.picking || moved ? position : null;
}

interface FacilityEditorOptions {
  /** The type shown: a new facility gets it, and the form its capacity parts. */
  type: FacilityType | undefined;
  today: string;
  announce: (message: string) => void;
  /** After the server took the facility (the page reloads the list and selects it). */
  onSaved: (saved: Facility) => void;
}

/** The editor of the facilities page with its steps: start, change, place on the map, save, close. */
export function useFacilityEditor({ type, today, announce, onSaved }: FacilityEditorOptions) {
  const [editor, dispatch] = useReducer(editorReducer, null);
  const parts = type?.capacityParts ?? [];
  // stable: the page's own selection handler, which the map keeps, depends on it
  const leaveEdit = useCallback(() => dispatch({ type: 'select' }), []);

  const save = async () => {
    if (!editor || !type) return;
    const step = saveStep(editor, type.key);
    if ('action' in step) return dispatch(step.action);
    dispatch({ type: 'saving' });
    try {
      const { request } = step;
      const saved =
        request.kind === 'change'
          ? await facilityApi.change(request.id, request.body)
          : await facilityApi.create(request.body);
      dispatch({ type: 'close' });
      onSaved(saved);
      announce(
        editor.mode === 'create'
          ? ft.form.created(saved.name)
          : ft.form.changed(saved.name, formatDate(editor.draft.validFrom)),
      );
    } catch (error) {
      dispatch({ type: 'failed', message: messageOf(error) });
    }
  };

  return {
    editor,
    draftPoint: draftPoint(editor),
    startCreate: () => {
      dispatch({ type: 'create', today, parts });
      announce(ft.map.pickHint);
    },
    startEdit: (open: Facility) => dispatch({ type: 'edit', open, today, parts }),
    change: (field: DraftField, value: string) => dispatch({ type: 'change', field, value }),
    changePart: (key: string, value: string) => dispatch({ type: 'part', key, value }),
    setPicking: (picking: boolean) => dispatch({ type: 'picking', picking }),
    pick: (lon: number, lat: number) => {
      dispatch({ type: 'pick', lon, lat });
      announce(`${ft.panel.position}: ${coordinateText(lat)}, ${coordinateText(lon)}`);
    },
    /** Another facility (or none) was chosen on the map or in the table. */
    leaveEdit,
    close: () => dispatch({ type: 'close' }),
    save,
  };
}
