/**
 * A full garbage collection on request, for the one place where the heap's own pacing costs
 * hundreds of megabytes: merging a long PDF parses each ~50-page chunk into some 30,000 short-lived
 * objects, and V8 lets that garbage pile up to about three times the live heap before it collects
 * (a 1,100-page report: 831 MB resident instead of 399 MB). The flag is set once at run time, as
 * `node --expose-gc` would; where that is not possible, nothing happens and V8 collects as usual.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
