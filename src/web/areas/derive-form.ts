/**
 * The form „Übergeordnete Ebene bilden“ as a request body, and error answers of
 * POST /api/areas/derive as messages by form field (paths as in the body, e.g.
 * `keyTable.childField`), so that the error summary links to the field to fix.
 */
import { LEVEL_KEY, LEVEL_KEY_MESSAGE } from '../../areas/level-key.ts';
import { ApiError, messageOf } from '../api.ts';
import type { FormProblems } from '../ui/ErrorSummary.tsx';
import { germanIssue, schemaProblems } from '../ui/form-issues.ts';
import type { DeriveLevelBody } from './api.ts';
import { at } from './texts.ts';

/** A key table read in the browser: its text goes to the server as it is. */
export interface KeyTableFile {
  fileName: string;
  text: string;
  columns: string[];
}

export interface DeriveDraft {
  level: string;
  name: string;
  from: string;
  rule: 'prefix' | 'table';
  /** Length of the key prefix as typed. */
  prefix: string;
  table: KeyTableFile | null;
  childField: string;
  parentField: string;
  /** Empty: the parents are named „<Ebene> <Schlüssel>“. */
  parentNameField: string;
}

/**
 * The request body, or the fields still missing (before anything is sent).
 * @example deriveRequest({ ...draft, rule: 'prefix', prefix: '1' }) // { body: { …, keyPrefix: 1 } }
 */
export function deriveRequest(
  draft: DeriveDraft,
): { body: DeriveLevelBody; problems?: never } | { body?: never; problems: FormProblems } {
  const fields: Record<string, string> = {};
  const level = draft.level.trim();
  if (!level) fields.level = at.required;
  else if (!LEVEL_KEY.test(level)) fields.level = LEVEL_KEY_MESSAGE;
  if (!draft.from) fields.from = at.required;
  const prefix = Number(draft.prefix.trim());
  if (draft.rule === 'prefix' && !(draft.prefix.trim() && Number.isInteger(prefix) && prefix >= 1))
    fields.keyPrefix = at.wholeNumber;
  if (draft.rule === 'table') {
    if (!draft.table) fields.keyTable = at.chooseFile;
    else {
      if (!draft.childField) fields['keyTable.childField'] = at.chooseColumn;
      if (!draft.parentField) fields['keyTable.parentField'] = at.chooseColumn;
    }
  }
  if (Object.keys(fields).length > 0) return { problems: { summary: at.deriveInvalid, fields } };
  const name = draft.name.trim();
  const body: DeriveLevelBody = { level, from: draft.from, ...(name ? { name } : {}) };
  if (draft.rule === 'prefix') body.keyPrefix = prefix;
  else if (draft.table)
    body.keyTable = {
      fileName: draft.table.fileName,
      text: draft.table.text,
      childField: draft.childField,
      parentField: draft.parentField,
      ...(draft.parentNameField ? { parentNameField: draft.parentNameField } : {}),
    };
  return { body };
}

// Named errors of the derive service and the field each one is about.
const FIELD_OF_CODE: Record<string, string> = {
  'areas.derive_same_level': 'level',
  'areas.derive_not_above': 'level',
  'areas.unknown_level': 'from',
  'areas.derive_no_children': 'from',
  'areas.derive_invalid_prefix': 'keyPrefix',
  'areas.derive_prefix_too_long': 'keyPrefix',
  'areas.derive_csv': 'keyTable',
  'areas.derive_table_empty': 'keyTable',
  'areas.derive_empty_cell': 'keyTable',
  'areas.derive_table_conflict': 'keyTable',
  'areas.derive_child_not_in_table': 'keyTable',
};

/**
 * Messages for an error of POST /api/areas/derive: schema issues by field, a named error at its
 * field, any other as the summary – always with the server's code beside the German message.
 */
export function deriveProblems(error: unknown, body: DeriveLevelBody): FormProblems {
  if (!(error instanceof ApiError)) return { summary: messageOf(error), fields: {} };
  const schema = schemaProblems(error, germanIssue, at.deriveInvalid);
  if (schema && Object.keys(schema.fields).length > 0)
    return { ...schema, summary: at.errorCode(schema.summary, error.code) };
  let field = FIELD_OF_CODE[error.code];
  // every child would get the same parent: the rule is to change
  if (error.code === 'areas.derive_single_parent')
    field = body.keyTable ? 'keyTable.parentField' : 'keyPrefix';
  if (error.code === 'areas.derive_unknown_column') {
    const column = error.details.field;
    const table = body.keyTable;
    field =
      column === table?.childField
        ? 'keyTable.childField'
        : column === table?.parentNameField
          ? 'keyTable.parentNameField'
          : 'keyTable.parentField';
  }
  // with a field, the message goes beside it and into the list; the summary names the code
  return field
    ? { summary: at.errorCode(at.deriveInvalid, error.code), fields: { [field]: error.message } }
    : { summary: at.errorCode(schema?.summary ?? error.message, error.code), fields: {} };
}
