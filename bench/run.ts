/**
 * `npm run bench`: measures the performance targets of the issues and prints one table.
 * Timings are medians on this machine; nothing here runs inside `npm test`.
 */
import { benchFoundation } from './foundation.bench.ts';
import { printTable, record } from './harness.ts';
import { benchMicrodata } from './microdata.bench.ts';
import { benchTableImport } from './import.bench.ts';
import { benchTableRead } from '../src/imports/table/bench.ts';

process.stderr.write('Lagebild benchmarks\n');
await benchFoundation();
await benchMicrodata(record);
await benchTableRead({ record });
await benchTableImport(record);
const allOk = printTable();
process.exitCode = allOk ? 0 : 1;
