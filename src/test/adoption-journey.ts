/**
 * A city adopting Lagebild from the terminal, as child processes (`node bin/lagebild.js …`):
 * Einrichtung, areas from the office's shapefile, parent levels derived from keys, the population
 * tables as delivered, the catalogue's variables as sums of the delivered age bands, then the atlas
 * data of a served instance. Shared by the CLI journey test and the `adoption` bench group, so
 * both run exactly the steps an adopter types. Data from ../shared/data (cwd = repository root).
 */
import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const bin = resolve('bin/lagebild.js');
const data = (path: string) => resolve('../shared/data', path);

export const ADMIN_PASSWORD = 'sehr-geheim-123';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `lagebild --db <spec> …args` in a child process; `stdin` is piped in (e.g. a password). */
export function lagebild(spec: string, args: readonly string[], stdin = ''): Promise<CliResult> {
  return new Promise((done) => {
    const child = execFile(
      'node',
      [bin, '--db', spec, ...args],
      { maxBuffer: 64 << 20 },
      (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

/** The steps of one city, each the arguments of one command, in the order an adopter runs them. */
export interface Journey {
  city: string;
  setup: string[];
  areas: string[];
  derive: string[][];
  tables: string[][];
  /** Catalogue variable → sum of delivered variables (`variables define <key> --sum …`). */
  sums: [key: string, terms: string][];
  /** Finest level and latest Stichtag: what the atlas opens with. */
  level: string;
  date: string;
}

const koelnBand = (...zeilen: number[]) => zeilen.map((z) => `m_020_${z}`).join('+');

/**
 * Köln: 86 Stadtteile, Stadtbezirke from the first digit, the population 2005–2012 in the long
 * format of the open data portal (tables `tab_id`, rows `zei_id`: variables `m_020_120` …), with
 * rows of the city (000) and the Stadtbezirke (001–009) that the import recognises and checks.
 * Age bands 0–3, 3–6, 6–10, 10–15, 15–18, 18–25, 25–35, 35–45, 45–55, 55–60, 60–65, 65–75, 75+
 * (`zei_id` 10 … 130); 80+ cannot be formed from them.
 */
export const KOELN: Journey = {
  city: 'Köln',
  setup: [
    'setup',
    '--admin',
    'amt12',
    '--password-stdin',
    '--city',
    'Köln',
    '--key',
    '05315000',
    '--levels',
    'stadtbezirk:Stadtbezirk,stadtteil:Stadtteil',
  ],
  areas: [
    'import',
    'areas',
    data('koeln-stadtteile/Stadtteil.shp'),
    '--level',
    'stadtteil',
    '--id-field',
    'STT_NR',
    '--name-field',
    'STT_NAME',
  ],
  derive: [['areas', 'derive', '--level', 'stadtbezirk', '--from', 'stadtteil', '--key-prefix', '1']],
  tables: [['import', 'table', data('koeln-stadtteile/bevoelkerung_2005-2012.csv'), '--level', 'stadtteil']],
  sums: [
    ['ew', 'm_005_10'],
    ['ew_u3', koelnBand(10)],
    ['ew_3_5', koelnBand(20)],
    ['ew_u6', koelnBand(10, 20)],
    ['ew_u15', koelnBand(10, 20, 30, 40)],
    ['ew_u18', koelnBand(10, 20, 30, 40, 50)],
    ['ew_15_64', koelnBand(50, 60, 70, 80, 90, 100, 110)],
    ['ew_18_64', koelnBand(60, 70, 80, 90, 100, 110)],
    ['ew_u65', koelnBand(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110)],
    ['ew_65plus', koelnBand(120, 130)],
  ],
  level: 'stadtteil',
  date: '2012-12-31',
};

const lor = data('berlin-lor-2021-plr-shp/LOR_2021_keys_areas_jascha.csv');
const berlinPopulation = (file: string) => data(`berlin-lor-population-agegroups/${file}`);
const berlinBand = (...bands: string[]) => bands.map((b) => `inhabitants_age_${b}`).join('+');
/** Gebietsstand of the LOR 2021. */
const LOR_2021 = '2021-01-01';

/**
 * Berlin: the 542 Planungsräume of the LOR 2021; Bezirksregionen and Prognoseräume from the LOR key
 * table with their names, Bezirke from the first two digits (the key table names the Bezirk but
 * has no Bezirk number). Population of 31.12.2023 and 31.12.2024 (files without a date column),
 * age bands under 6, 6–15, 15–18, 18–27, 27–45, 45–55, 55–65, 65+.
 */
export const BERLIN: Journey = {
  city: 'Berlin',
  setup: [
    'setup',
    '--admin',
    'sozialplanung',
    '--password-stdin',
    '--city',
    'Berlin',
    '--key',
    '11000000',
    '--levels',
    'bezirk:Bezirk,prognoseraum:Prognoseraum,bezirksregion:Bezirksregion,planungsraum:Planungsraum',
  ],
  areas: [
    'import',
    'areas',
    data('berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp'),
    '--level',
    'planungsraum',
    '--id-field',
    'PLR_ID',
    '--name-field',
    'PLR_NAME',
    '--valid-from',
    LOR_2021,
  ],
  derive: [
    [
      'areas',
      'derive',
      '--level',
      'bezirksregion',
      '--from',
      'planungsraum',
      '--key-table',
      lor,
      '--child-field',
      'Planungsraum (Nummer)',
      '--parent-field',
      'Bezirksregion (Nummer)',
      '--parent-name-field',
      'Bezirksregion (Name)',
      '--valid-from',
      LOR_2021,
    ],
    [
      'areas',
      'derive',
      '--level',
      'prognoseraum',
      '--from',
      'bezirksregion',
      '--key-table',
      lor,
      '--child-field',
      'Bezirksregion (Nummer)',
      '--parent-field',
      'Prognoseraum (Nummer)',
      '--parent-name-field',
      'Prognoseraum (Name)',
      '--valid-from',
      LOR_2021,
    ],
    [
      'areas',
      'derive',
      '--level',
      'bezirk',
      '--from',
      'prognoseraum',
      '--key-prefix',
      '2',
      '--valid-from',
      LOR_2021,
    ],
  ],
  tables: [
    [
      'import',
      'table',
      berlinPopulation('berlin-lor-population-2023-02-t2.csv'),
      '--level',
      'planungsraum',
      '--date',
      '2023-12-31',
    ],
    [
      'import',
      'table',
      berlinPopulation('berlin-lor-population-2024-02-t2.csv'),
      '--level',
      'planungsraum',
      '--date',
      '2024-12-31',
    ],
  ],
  sums: [
    ['ew', 'inhabitants'],
    ['ew_u6', berlinBand('below_6')],
    ['ew_u15', berlinBand('below_6', '6_15')],
    ['ew_u18', berlinBand('below_6', '6_15', '15_18')],
    ['ew_15_64', berlinBand('15_18', '18_27', '27_45', '45_55', '55_65')],
    ['ew_18_64', berlinBand('18_27', '27_45', '45_55', '55_65')],
    ['ew_u65', berlinBand('below_6', '6_15', '15_18', '18_27', '27_45', '45_55', '55_65')],
    ['ew_65plus', berlinBand('above_65')],
  ],
  level: 'planungsraum',
  date: '2024-12-31',
};

export interface StepResult extends CliResult {
  args: string[];
  /** Wall time of the command, process start to exit. */
  ms: number;
}

/**
 * Runs every step of `journey` on the empty database `spec`; throws with the step's stderr.
 * @param sums `each`: one `variables define <key> --sum …` per variable; `together`: one
 *   `variables define <key>=<terms> …` for all
 */
export async function runJourney(
  spec: string,
  journey: Journey,
  sums: 'each' | 'together' = 'each',
): Promise<StepResult[]> {
  const steps: [string[], string][] = [
    [journey.setup, `${ADMIN_PASSWORD}\n`],
    [journey.areas, ''],
    ...journey.derive.map((d): [string[], string] => [d, '']),
    ...journey.tables.map((t): [string[], string] => [t, '']),
    ...(sums === 'each'
      ? journey.sums.map(([key, terms]): [string[], string] => [
          ['variables', 'define', key, '--sum', terms],
          '',
        ])
      : [
          [['variables', 'define', ...journey.sums.map(([key, terms]) => `${key}=${terms}`)], ''] as [
            string[],
            string,
          ],
        ]),
  ];
  const results: StepResult[] = [];
  for (const [args, stdin] of steps) {
    const t0 = performance.now();
    const r = await lagebild(spec, args, stdin);
    if (r.code !== 0) throw new Error(`lagebild ${args.join(' ')} → ${r.code}: ${r.stderr}`);
    results.push({ ...r, args, ms: performance.now() - t0 });
  }
  return results;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export interface ServedCity {
  url: string;
  stop: () => Promise<void>;
}

/** `lagebild serve --no-demo` on `spec` as a child process, once it answers /api/config. */
export async function serve(spec: string, timeoutMs = 300_000): Promise<ServedCity> {
  const port = await freePort();
  const child = spawn(
    'node',
    [bin, '--db', spec, 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => (running = false));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (!running) throw new Error(`lagebild serve ended: ${stderr}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGTERM');
      throw new Error(`lagebild serve did not answer within ${timeoutMs} ms: ${stderr}`);
    }
    const ok = await fetch(`${url}/api/config`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (running) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** GET `path` as a visitor of the public atlas; throws on a status other than 200. */
export async function getJson<T>(url: string, path: string): Promise<T> {
  const res = await fetch(url + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface AreaValue {
  id: string;
  value: number | null;
  status: string;
}
export interface AtlasValues {
  city: { value: number | null; status: string };
  values: AreaValue[];
}

/** What the atlas fetches for its first map: configuration, catalogue, geometries, values. */
export async function firstMap(url: string, indicator: string, level: string) {
  const config = await getJson<{ currentDate: string | null }>(url, '/api/config');
  await getJson<unknown[]>(url, '/api/indicators');
  await getJson<unknown>(url, `/api/areas/geojson?level=${level}`);
  const date = config.currentDate ?? '';
  return getJson<AtlasValues>(url, `/api/indicators/${indicator}/values?level=${level}&date=${date}`);
}

/**
 * The catalogue as the public atlas sees it: the indicators whose inputs have values at all
 * (`available`), and those with a value for at least one area of `level` at `date`.
 */
export async function indicatorsWithValues(url: string, level: string, date: string) {
  const catalogue = await getJson<{ key: string; available: boolean }[]>(url, '/api/indicators');
  const withValues: string[] = [];
  for (const { key } of catalogue) {
    const v = await getJson<AtlasValues>(url, `/api/indicators/${key}/values?level=${level}&date=${date}`);
    if (v.values.some((a) => a.value !== null)) withValues.push(key);
  }
  return {
    catalogue: catalogue.length,
    available: catalogue.filter((i) => i.available).map((i) => i.key),
    withValues,
  };
}
