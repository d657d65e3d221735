import { importError } from '../../core/errors.ts';
import type { ReadAreaOptions, SourceRecord } from './area-file.ts';
import { readerMessages } from './messages.ts';

/** The attribute fields used for key, name and parent. */
export type FieldChoice = { idField: string; nameField: string | null; parentField: string | null };

/**
 * Text of an attribute value as an area key: strings trimmed (leading zeros kept, `"01100103"`
 * stays), integral numbers without decimals (`103.000` and `1.03e+002` → `"103"`), null when empty.
 * dBASE numeric fields are passed as their raw text, so `"007"` in an N field stays `"007"`.
 */
export function keyText(value: unknown, rawNumeric = false): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '') return null;
  if (rawNumeric) {
    const m = /^([+-]?\d+)\.0*$/.exec(t);
    if (m) return m[1]!;
    if (/e/i.test(t) && Number.isFinite(Number(t))) return String(Number(t));
  }
  return t;
}

const ID_NAME = /id|nr|key|schl|code|kenn/i;
const NAME_NAME = /name/i;
const LABEL_NAME = /bezeichnung|label|titel|title/i;
// Measurements are unique by accident; they are never keys.
const MEASURE_NAME = /area|flaeche|fläche|groesse|größe|len|umfang|shape_/i;

/**
 * Decides which fields hold key, name and parent.
 *
 * Given fields must exist (`import.field_not_found`). Without `idField`, the key is the first field
 * whose values are all present and distinct and whose name looks like a key (/id|nr|key|schl|code/),
 * else the first such field that is not a measurement (area, length) and holds no fractions, else a
 * key-like field with all values present (its duplicates are then reported by `buildAreas`).
 * Without `nameField`, the first field named like /name/, then /bezeichnung|label|titel/; if none,
 * the key doubles as name. The parent is only used when given.
 *
 * @throws `import.field_not_found`, `import.id_field_missing`
 */
export function chooseFields(
  fileName: string,
  fields: readonly string[],
  records: readonly SourceRecord<unknown>[],
  opts: Pick<ReadAreaOptions, 'idField' | 'nameField' | 'parentField'>,
): FieldChoice {
  const need = (option: string, field: string | undefined): string | null => {
    if (field === undefined || field === '') return null;
    if (fields.includes(field)) return field;
    // Users type PLR_ID as plr_id; dBASE names are case-insensitive anyway.
    const ci = fields.find((f) => f.toLowerCase() === field.toLowerCase());
    if (ci) return ci;
    throw importError('field_not_found', readerMessages.fieldNotFound(fileName, option, field, fields), {
      file: fileName,
      field,
      fields,
    });
  };
  const idField = need('Schlüsselfeld', opts.idField) ?? guessId(fileName, fields, records);
  const nameField =
    need('Namensfeld', opts.nameField) ??
    fields.find((f) => f !== idField && NAME_NAME.test(f)) ??
    fields.find((f) => f !== idField && LABEL_NAME.test(f)) ??
    null;
  const parentField = need('Feld des übergeordneten Gebiets', opts.parentField);
  return { idField, nameField, parentField };
}

function guessId(
  fileName: string,
  fields: readonly string[],
  records: readonly SourceRecord<unknown>[],
): string {
  const usable = fields.filter((f) => {
    const seen = new Set<string>();
    for (const r of records) {
      const t = r.texts[f];
      if (t === null || t === undefined || seen.has(t)) return false;
      seen.add(t);
    }
    return records.length > 0;
  });
  const integral = (f: string) =>
    records.every((r) => {
      const v = r.properties[f];
      return typeof v !== 'number' || Number.isInteger(v);
    });
  const keyLike = (f: string) => ID_NAME.test(f) && !MEASURE_NAME.test(f);
  const complete = (f: string) => records.length > 0 && records.every((r) => r.texts[f]);
  const choice =
    usable.find(keyLike) ??
    usable.find((f) => !MEASURE_NAME.test(f) && !NAME_NAME.test(f) && integral(f)) ??
    // A key-like field with a repeated value is still the key: the duplicate is then reported by
    // record, which helps more than "no key field".
    fields.find((f) => keyLike(f) && complete(f));
  if (choice) return choice;
  throw importError('id_field_missing', readerMessages.idFieldMissing(fileName, fields), {
    file: fileName,
    fields,
  });
}
