/**
 * The „umgerechnet“ footnote marks of a table (values converted from an earlier Gebietsstand) and
 * the notes under it, as every table that shows such values lays them out. Each table keeps its own
 * class and test id, so its style and its tests find it as before.
 */

interface ConvertedMarkProps {
  /** The footnote marker (e.g. „¹“); nothing is drawn without one. */
  marker: string | undefined;
  className: string;
  testId: string;
}

/** A value's footnote marker after the value. */
export function ConvertedMark({ marker, className, testId }: ConvertedMarkProps) {
  return marker ? (
    <span className={className} data-testid={testId}>
      {marker}
    </span>
  ) : null;
}

interface ConvertedNotesProps {
  /** One note per conversion (method and Gebietsstand), in marker order; nothing drawn when empty. */
  notes: readonly string[];
  className: string;
  testId: string;
  /** Accessible name of the list. */
  label?: string;
}

/** The notes to the markers, under the table. */
export function ConvertedNotes({ notes, className, testId, label }: ConvertedNotesProps) {
  return notes.length > 0 ? (
    <ul className={className} data-testid={testId} aria-label={label}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  ) : null;
}
