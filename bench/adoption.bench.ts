/**
 * Adoption: wall time from an empty database to the first Köln map, every step through the CLI as
 * an adopter types it (src/test/adoption-journey.ts: setup, import areas, areas derive, import
 * table, variables define …, then `lagebild serve` and the atlas's first requests up to the values
 * of „Anteil 65 Jahre und älter“ per Stadtteil). Target ≤ 30 s. Measured twice: each command in
 * a process of its own on the database, and as an adopter works beside the web app — `lagebild
 * serve` started on the empty database first, the same commands then sent through it (the
 * setup too), the variables defined in one command. Also, for information, how many
 * catalogue indicators have values on the Köln and on the Berlin files once `ew` and the age
 * variables are mapped. PGlite in a directory: what `lagebild` uses without `--db`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BERLIN,
  firstMap,
  indicatorsWithValues,
  KOELN,
  runJourney,
  serve,
  type Journey,
  type StepResult,
} from '../src/test/adoption-journey.ts';
import type { Measurement } from './harness.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** „setup 9.1 s, import areas 7.0 s, …, 10× variables define 71.2 s“ */
function stepNote(steps: StepResult[]): string {
  const groups = new Map<string, { n: number; ms: number }>();
  for (const s of steps) {
    const name = s.args.slice(0, s.args[0] === 'setup' ? 1 : 2).join(' ');
    const g = groups.get(name) ?? { n: 0, ms: 0 };
    groups.set(name, { n: g.n + 1, ms: g.ms + s.ms });
  }
  return [...groups].map(([name, g]) => `${g.n > 1 ? `${g.n}× ` : ''}${name} ${seconds(g.ms)}`).join(', ');
}

/** Serve first, then the journey's commands through the running server (see cli/forward.ts). */
async function journeyBesideServer(dir: string, j: Journey) {
  const spec = join(dir, `${j.city.toLowerCase()}-served`);
  const t0 = performance.now();
  const server = await serve(spec);
  try {
    const steps = await runJourney(spec, j, 'together');
    const map = await firstMap(server.url, 'anteil_65plus', j.level);
    return { ms: performance.now() - t0, steps, map };
  } finally {
    await server.stop();
  }
}

async function journey(dir: string, j: Journey) {
  const spec = join(dir, j.city.toLowerCase());
  const t0 = performance.now();
  const steps = await runJourney(spec, j);
  const tServe = performance.now();
  const server = await serve(spec);
  try {
    const map = await firstMap(server.url, 'anteil_65plus', j.level);
    const ms = performance.now() - t0;
    const serveMs = performance.now() - tServe;
    const catalogue = await indicatorsWithValues(server.url, j.level, j.date);
    return { ms, serveMs, steps, map, catalogue };
  } finally {
    await server.stop();
  }
}

export async function benchAdoption(record: (m: Measurement) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-adoption-'));
  try {
    const koeln = await journey(dir, KOELN);
    const mapped = koeln.map.values.filter((v) => v.value !== null).length;
    record({
      name: 'Köln: empty database to the first map (CLI, PGlite)',
      value: koeln.ms / 1000,
      unit: 's',
      target: 30,
      note: `${koeln.steps.length} commands: ${stepNote(koeln.steps)}; serve + first map ${seconds(koeln.serveMs)}; ${mapped} of ${koeln.map.values.length} Stadtteile with values`,
    });
    const served = await journeyBesideServer(dir, KOELN);
    record({
      name: 'Köln: empty database to the first map (CLI beside the running server)',
      value: served.ms / 1000,
      unit: 's',
      target: 30,
      note: `serve, then ${served.steps.length} commands through it: ${stepNote(served.steps)}; ${served.map.values.filter((v) => v.value !== null).length} of ${served.map.values.length} Stadtteile with values`,
    });
    for (const [j, r] of [
      [KOELN, koeln],
      [BERLIN, await journey(dir, BERLIN)],
    ] as const) {
      const c = r.catalogue;
      record({
        name: `${j.city}: catalogue indicators with values (${j.level}, ${j.date})`,
        value: c.withValues.length,
        unit: 'count',
        // what `ew` and the age bands can feed (see src/cli/adoption-journey.cli.test.ts)
        target: j === KOELN ? 12 : 8,
        atLeast: true,
        note:
          `${c.available.length} of ${c.catalogue} have inputs with values` +
          (j === BERLIN ? `; journey ${seconds(r.ms)}` : ''),
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
