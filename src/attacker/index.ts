/**
 * An independent attacker on the public outputs (docs/methods.md §6): it knows only what an anonymous
 * visitor can fetch, models every published number as linear constraints on the true counts, and
 * tries to recompute the cells the public sees as secret — by plain arithmetic first, then by LP.
 */
import { attack, type AttackOptions } from './attack.ts';
import { grade, type Findings } from './grade.ts';
import type { CityFrame } from './model.ts';
import type { Truth } from './truth.ts';
import type { Transport } from './visitor.ts';

export { attack, type AttackOptions, type AttackResult } from './attack.ts';
export { formatFindings, grade, type Finding, type Findings } from './grade.ts';
export { injectTransport, type Transport } from './visitor.ts';

/**
 * Attacks a city over `transport` and grades the result against the truth.
 * @param truth the true counts and secret cells, for grading only (see `truth.ts`)
 * @example const f = await findLeaks(injectTransport(app), (frame) => readTruth(db, frame), 'Musterstadt');
 */
export async function findLeaks(
  transport: Transport,
  truth: (frame: CityFrame) => Promise<Truth>,
  city: string,
  opts: AttackOptions = {},
): Promise<Findings> {
  const result = await attack(transport, opts);
  return grade(result, await truth(result.harvest.frame), city);
}
