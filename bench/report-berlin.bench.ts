/**
 * Target: the full Sozialbericht of Berlin — city chapters plus a two-page Steckbrief for
 * each of the 542 Planungsräume — as PDF in ≤ 5 minutes with memory ≤ 2 GB.
 *
 * Berlin is loaded by `berlin-city.ts` (real areas and counts, MSS shares as counts). The report
 * is the public one (disclosure-protected values, as published). "Total" is the report itself,
 * from the database to the PDF bytes (assemble + render); loading Berlin is setup, shown apart.
 * It runs in a fresh Node process, as `lagebild report` would: `npm run bench` runs every group in
 * one process, and what earlier groups leave behind (PGlite instances, heap) must not count.
 * Memory: peak resident set of that process and of its child processes (Chromium), sampled from
 * /proc every 200 ms by a worker thread, so a busy event loop does not skip samples.
 */
import { PDFDocument } from 'pdf-lib';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { assembleReport } from '../src/reports/assemble-report.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { renderReport } from '../src/reports/render.ts';
import { BUILTIN_TEMPLATES } from '../src/reports/templates.ts';
import { checkBerlinMss, loadBerlinCity } from './berlin-city.ts';
import type { Measurement } from './harness.ts';

/** Peaks in MB; `sum` is the largest Node + children total of one sample, not the sum of peaks. */
export interface MemoryPeaks {
  node: number;
  children: number;
  sum: number;
  /** Same, proportional set size (shared pages split between the processes sharing them). */
  sumPss: number;
  samples: number;
}

// Plain CommonJS for an eval worker: reads /proc synchronously on its own thread.
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const root = workerData.pid;
const kb = (text, field) => {
  const m = new RegExp('^' + field + ':\\\\s+(\\\\d+) kB', 'm').exec(text);
  return m ? Number(m[1]) : 0;
};
const read = (path) => { try { return fs.readFileSync(path, 'utf8'); } catch { return ''; } };
const peaks = { node: 0, children: 0, sum: 0, sumPss: 0, samples: 0 };
function sample() {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\\d+$/.test(name)) continue;
    const stat = read('/proc/' + name + '/stat');
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const own = read('/proc/' + root + '/smaps_rollup');
  const node = kb(own, 'Rss');
  let rss = 0, pss = kb(own, 'Pss');
  const todo = [...(children.get(root) || [])];
  while (todo.length) {
    const pid = todo.pop();
    const r = read('/proc/' + pid + '/smaps_rollup');
    rss += kb(r, 'Rss');
    pss += kb(r, 'Pss');
    todo.push(...(children.get(pid) || []));
  }
  peaks.node = Math.max(peaks.node, node);
  peaks.children = Math.max(peaks.children, rss);
  peaks.sum = Math.max(peaks.sum, node + rss);
  peaks.sumPss = Math.max(peaks.sumPss, pss);
  peaks.samples++;
}
sample();
const timer = setInterval(sample, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  sample();
  parentPort.postMessage(peaks);
});
`;

/**
 * Starts sampling the memory of this process and its descendants (Linux /proc).
 * @returns `stop()`, which takes a last sample and resolves to the peaks in MB
 */
export function sampleMemory(intervalMs = 200): { stop: () => Promise<MemoryPeaks> } {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { pid: process.pid, intervalMs } });
  return {
    stop: async () => {
      const peaks = await new Promise<MemoryPeaks>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage('stop');
      });
      await worker.terminate();
      const mb = (k: number) => k / 1024;
      return {
        node: mb(peaks.node),
        children: mb(peaks.children),
        sum: mb(peaks.sum),
        sumPss: mb(peaks.sumPss),
        samples: peaks.samples,
      };
    },
  };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** Prefix of the measurement lines the child process writes to stdout. */
const MEASUREMENT = 'measurement ';

/** Runs `measure` in a fresh Node process and records what it measured. */
export async function benchReportBerlin(record: (m: Measurement) => void): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith(MEASUREMENT)) record(JSON.parse(line.slice(MEASUREMENT.length)) as Measurement);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`report-berlin bench: child process exited with ${code}`);
}

async function measure(record: (m: Measurement) => void): Promise<void> {
  const memory = sampleMemory();
  let stopped: MemoryPeaks | null = null;
  const db = await openDb('memory://');
  try {
    await migrate(db);
    let t0 = performance.now();
    const berlin = await loadBerlinCity(db);
    const loaded = seconds(t0);
    // the benchmark means something only if the city is Berlin's: the MSS as published
    const mss = await checkBerlinMss(db);
    if (mss.valid !== 536 || mss.differences.length)
      throw new Error(`Berlin MSS not reproduced: ${mss.valid} valid, ${mss.differences.join('; ')}`);
    record({
      name: `Berlin: load ${berlin.bezirke} Bezirke, ${berlin.planungsraeume} Planungsräume, ${berlin.observations} values (setup)`,
      value: loaded,
      unit: 's',
      note: 'shapefile + Bezirke + table import; MSS check: 536 valid, codes as published',
    });
    t0 = performance.now();
    const model = await assembleReport(db, null, BUILTIN_TEMPLATES.sozialbericht!, {});
    const assemble = seconds(t0);
    record({
      name: `Sozialbericht Berlin: assemble model (${model.sections.length} sections)`,
      value: assemble,
      unit: 's',
      note: 'public (protected values)',
    });
    t0 = performance.now();
    const pdf = await renderReport(model, 'pdf');
    const render = seconds(t0);
    stopped = await memory.stop();
    record({ name: 'Sozialbericht Berlin: render PDF (Chromium)', value: render, unit: 's' });
    record({
      name: 'Sozialbericht Berlin, 542 PLR with Steckbriefe: PDF total (assemble + render)',
      value: assemble + render,
      unit: 's',
      target: 300,
    });
    t0 = performance.now();
    const html = await renderReport(model, 'html');
    record({
      name: 'Sozialbericht Berlin: render HTML (one self-contained file)',
      value: performance.now() - t0,
      unit: 'ms',
      note: `${(html.length / 1024 / 1024).toFixed(1)} MB`,
    });
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    record({
      name: 'Sozialbericht Berlin: PDF size',
      value: pdf.length / 1024 / 1024,
      unit: 'MB',
      note: `${pages} pages`,
    });
    record({ name: 'Sozialbericht Berlin: peak memory Node (RSS)', value: stopped.node, unit: 'MB' });
    record({
      name: 'Sozialbericht Berlin: peak memory Chromium (RSS, all processes)',
      value: stopped.children,
      unit: 'MB',
      note: 'shared pages counted in every process',
    });
    record({
      name: 'Sozialbericht Berlin: peak memory Node + Chromium (RSS)',
      value: stopped.sum,
      unit: 'MB',
      target: 2048,
      note: `largest sum of one sample; PSS ${stopped.sumPss.toFixed(0)} MB; ${stopped.samples} samples`,
    });
    // after the memory rows: Word is not part of the PDF target, and its figures need screenshots
    t0 = performance.now();
    const docx = await renderReport(model, 'docx');
    record({
      name: 'Sozialbericht Berlin: render Word (.docx, figures SVG + PNG fallback)',
      value: seconds(t0),
      unit: 's',
      note: `${(docx.length / 1024 / 1024).toFixed(1)} MB`,
    });
  } finally {
    if (!stopped) await memory.stop();
    await closePdfBrowser();
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await measure((m) => process.stdout.write(`${MEASUREMENT}${JSON.stringify(m)}\n`));
