/**
 * `npm run bench`: measures the performance targets of the issues and prints one table.
 * Timings are medians on this machine; nothing here runs inside `npm test`.
 */
import { benchFoundation } from './foundation.bench.ts';
import { printTable } from './harness.ts';

process.stderr.write('Lagebild benchmarks\n');
await benchFoundation();
const allOk = printTable();
process.exitCode = allOk ? 0 : 1;
