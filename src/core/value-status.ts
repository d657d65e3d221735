/**
 * The status of a value: of a stored count (column `observation.status`) and of every value
 * computed from counts (indicators, indices, exports). One definition for the server, the
 * import readers and the web app.
 */
import { z } from 'zod';

export const ValueStatus = z
  .enum(['value', 'secret', 'missing', 'estimated'])
  .describe('value = measured; secret = suppressed for disclosure control (shown as ·); missing = no data');
export type ValueStatus = z.infer<typeof ValueStatus>;

/** A value with its status: a count of one area, or a value computed from counts. */
export interface Cell {
  value: number | null;
  status: ValueStatus;
}
