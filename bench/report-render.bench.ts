/**
 * Long reports: a synthetic Sozialbericht shaped like Berlin's (542 two-page Steckbriefe,
 * each with a 45-shape map, a chart, a 30-row table and the shaded matrix; ~1,100 pages) rendered
 * to PDF through the chunked Chromium + pdf-lib pipeline. Target ≤ 5 min and ≤ 2 GB for Node plus
 * Chromium together (RSS of Node and of the browser's whole process tree, sampled from /proc).
 * Also: the demo-sized report (62 areas) as PDF and as Word with all figures rasterised in one batch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { renderDocx } from '../src/reports/render-docx.ts';
import { renderReportPdfWithLayout } from '../src/reports/render-pdf.ts';
import { syntheticReport } from '../src/reports/synthetic-report.ts';
import type { Measurement } from './harness.ts';

/**
 * Memory of every process descending from `root` (not `root` itself), from /proc: the sum of RSS
 * (counts pages shared between Chromium's processes once per process, so it overstates) and the
 * sum of PSS (shared pages split between their users: what the tree really occupies).
 */
export function descendantsMemory(root = process.pid): { rss: number; pss: number } {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …"; comm may contain spaces, so split after the last ')'
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  const total = { rss: 0, pss: 0 };
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total.rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      total.pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/** Runs `fn` while sampling peak memory of Node and of its child processes (Chromium) every 200 ms. */
async function withPeaks<T>(fn: () => Promise<T>) {
  const peak = { node: 0, browserRss: 0, browserPss: 0, sumRss: 0 };
  const sample = () => {
    const node = process.memoryUsage().rss;
    const browser = descendantsMemory();
    peak.node = Math.max(peak.node, node);
    peak.browserRss = Math.max(peak.browserRss, browser.rss);
    peak.browserPss = Math.max(peak.browserPss, browser.pss);
    peak.sumRss = Math.max(peak.sumRss, node + browser.rss);
  };
  const timer = setInterval(sample, 200);
  const t0 = performance.now();
  try {
    const result = await fn();
    sample();
    return { result, ms: performance.now() - t0, peak };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;

export async function benchReportRender(record: (m: Measurement) => void): Promise<void> {
  try {
    await renderReportPdfWithLayout(syntheticReport({ areas: 1 })); // browser start, not measured
    for (const concurrency of [1, 2]) {
      const model = syntheticReport({ areas: 542, internal: true });
      const run = await withPeaks(() => renderReportPdfWithLayout(model, { concurrency }));
      const r = run.result;
      const shape = `${r.pages} pages, ${r.chunks} chunks, TOC printed ${r.tocPasses}×, ${(r.pdf.length / MB).toFixed(0)} MB`;
      record({
        name: `Sozialbericht PDF, Berlin size (542 two-page Steckbriefe, 45-shape maps), ${concurrency} chunk(s) at once`,
        value: run.ms / 1000,
        unit: 's',
        // renderer only, synthetic model; the targets are measured on real data in report-berlin
        note: `${shape}; ${r.fitted.length} sheets shrunk to fit, ${r.pageErrors.length} page-count errors`,
      });
      record({
        name: `  peak RSS Node + Chromium tree (${concurrency} at once)`,
        value: run.peak.sumRss / MB,
        unit: 'MB',
        note:
          `in the bench process after earlier groups; Node ${(run.peak.node / MB).toFixed(0)} MB, Chromium RSS sum ${(run.peak.browserRss / MB).toFixed(0)} MB ` +
          `(PSS ${(run.peak.browserPss / MB).toFixed(0)} MB: shared pages counted once)`,
      });
    }

    const demo = syntheticReport({ areas: 62, internal: true });
    const small = await withPeaks(() => renderReportPdfWithLayout(demo));
    record({
      name: `Sozialbericht PDF, demo size (62 two-page Steckbriefe, ${small.result.pages} pages, synthetic model)`,
      value: small.ms,
      unit: 'ms',
      note: `${small.result.chunks} chunks; model → PDF only (no database)`,
    });
    const figures = demo.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'map' || b.kind === 'chart');
    const word = await withPeaks(() => renderDocx(demo));
    record({
      name: `Sozialbericht Word (.docx), demo size: ${figures.length} figures SVG + PNG, one batch in the shared Chromium`,
      value: word.ms,
      unit: 'ms',
      note: `${(word.result.length / MB).toFixed(1)} MB`,
    });
  } finally {
    await closePdfBrowser();
  }
}
