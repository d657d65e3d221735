/**
 * `npm run bench`: measures the performance targets of the issues and prints one table.
 * Timings are medians on this machine; nothing here runs inside `npm test`.
 * `npm run bench -- <name> …` runs only the named groups (e.g. `indices monitoring`).
 */
import { benchAccessibility } from './accessibility.bench.ts';
import { benchAdoption } from './adoption.bench.ts';
import { benchAnalysis } from './analysis.bench.ts';
import { benchAttacker } from './attacker.bench.ts';
import { benchClassification } from './classification.bench.ts';
import { benchCliStartup } from './cli-startup.bench.ts';
import { benchConvert } from './convert.bench.ts';
import { benchCoverage } from './coverage.bench.ts';
import { benchDisclosure } from './disclosure.bench.ts';
import { benchFacilities } from './facilities.bench.ts';
import { benchFoundation } from './foundation.bench.ts';
import { printTable, record } from './harness.ts';
import { benchImpact } from './impact.bench.ts';
import { benchIndices } from './indices.bench.ts';
import { benchMicrodata } from './microdata.bench.ts';
import { benchMonitoringPage } from './monitoring-page.bench.ts';
import { benchProfile } from './profile.bench.ts';
import { benchProjection } from './projection.bench.ts';
import { benchProjectionStore } from './projection-store.bench.ts';
import { benchPublicReads } from './public-reads.bench.ts';
import { benchReport } from './report.bench.ts';
import { benchReportBerlin } from './report-berlin.bench.ts';
import { benchReportRender } from './report-render.bench.ts';
import { benchReportStore } from './report-store.bench.ts';
import { benchStateScale } from './state-scale.bench.ts';
import { benchSurvey } from './survey.bench.ts';
import { benchTableImport } from './import.bench.ts';
import { benchTableRead } from '../src/imports/table/bench.ts';
import { benchTypology } from './typology.bench.ts';
import { benchWarnings } from './warnings.bench.ts';

const groups: [string, () => Promise<void>][] = [
  ['foundation', () => benchFoundation()],
  ['cli', () => benchCliStartup(record)],
  ['microdata', () => benchMicrodata(record)],
  ['table', async () => void (await benchTableRead({ record }))],
  ['import', () => benchTableImport(record)],
  ['indices', () => benchIndices(record)],
  ['monitoring', () => benchMonitoringPage(record)],
  ['classification', () => benchClassification(record)],
  ['analysis', () => benchAnalysis(record)],
  ['warnings', () => benchWarnings(record)],
  ['profile', () => benchProfile(record)],
  ['public-reads', () => benchPublicReads(record)],
  ['typology', () => benchTypology(record)],
  ['report', () => benchReport(record)],
  ['report-berlin', () => benchReportBerlin(record)],
  ['report-store', () => benchReportStore(record)],
  ['report-render', () => benchReportRender(record)],
  ['disclosure', () => benchDisclosure(record)],
  ['attacker', () => benchAttacker(record)],
  ['adoption', () => benchAdoption(record)],
  ['accessibility', () => benchAccessibility(record)],
  ['facilities', () => benchFacilities(record)],
  ['coverage', () => benchCoverage(record)],
  ['impact', () => benchImpact(record)],
  ['projection', () => benchProjection(record)],
  ['projection-store', () => benchProjectionStore(record)],
  ['survey', () => benchSurvey(record)],
  ['convert', () => benchConvert(record)],
  ['state-scale', () => benchStateScale(record)],
];

const wanted = new Set(process.argv.slice(2));
process.stderr.write('Lagebild benchmarks\n');
for (const [name, run] of groups) if (wanted.size === 0 || wanted.has(name)) await run();
const allOk = printTable();
process.exitCode = allOk ? 0 : 1;
