import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { DemoCity } from './types.ts';
import type { Rng } from './rng.ts';
import { createRng } from './rng.ts';
import { geoJsonToUtm } from './projection.ts';
import { MAX_AGE } from './demography.ts';
import type { AreaCounts } from './microdata-area.ts';
import { COUNTRIES, synthesiseArea } from './microdata-area.ts';

/** Options of {@link writeMicrodata}. */
export interface MicrodataOptions {
  /** Any safe integer; same city + seed + date give a byte-identical file. */
  seed: number;
  /** Output file (CSV, `;`-separated, UTF-8). */
  path: string;
  /** Stichtag as in `city.dates`; default the latest. */
  date?: string;
}

/** Header of the person file (Melderegister-style extract). */
export const MICRODATA_HEADER = 'pseudonym;geburtsdatum;geschlecht;staatsangehoerigkeit;haushalt;sgb2;x;y';

/** Write a chunk once it is this long; keeps memory flat while avoiding tiny writes. */
const CHUNK_CHARS = 1 << 16;

/** Bijective 32-bit mixer (lowbias32 by Chris Wellons): distinct inputs give distinct outputs. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Unique pseudonymous id for the i-th record: a keyed permutation of 32-bit numbers, as hex. */
function pseudonym(i: number, key: number): string {
  return mix32((i + key) >>> 0)
    .toString(16)
    .padStart(8, '0');
}

/** Published counts of every Sozialraum at the Stichtag, read from the observations. */
function countsAt(city: DemoCity, date: string): Map<string, AreaCounts> {
  const result = new Map<string, AreaCounts>();
  const get = (area: string) => {
    let c = result.get(area);
    if (!c) {
      c = { bev: new Int32Array(2 * (MAX_AGE + 1)), totals: {} };
      result.set(area, c);
    }
    return c;
  };
  for (const o of city.observations) {
    if (o.date !== date) continue;
    if (o.variable === 'bev') {
      const m = /^age=(\d+);sex=([mw])$/.exec(o.breakdown);
      if (!m) throw new Error(`Unexpected bev breakdown "${o.breakdown}"`);
      get(o.area).bev[(m[2] === 'w' ? MAX_AGE + 1 : 0) + Number(m[1])] = o.value;
    } else if (o.breakdown === '') get(o.area).totals[o.variable] = o.value;
  }
  return result;
}

/** Birth dates (ISO) for persons of a given age at the Stichtag, cached per day. */
function birthDates(stichtag: string, rng: Rng): (age: number) => string {
  const [y, m, d] = stichtag.split('-').map(Number) as [number, number, number];
  const day = 86_400_000;
  const cache = new Map<number, string>();
  return (age: number) => {
    // Age is completed years at the Stichtag: born after the date (age+1) years earlier, at the
    // latest exactly `age` years earlier. The open class 100 is spread over 100–105.
    const a = age >= MAX_AGE ? MAX_AGE + Math.min(5, Math.floor(-Math.log(1 - rng.float()) * 1.5)) : age;
    const hi = Date.UTC(y - a, m - 1, d);
    const lo = Date.UTC(y - a - 1, m - 1, d) + day;
    const t = lo + rng.int(0, Math.round((hi - lo) / day)) * day;
    let s = cache.get(t);
    if (s === undefined) {
      s = new Date(t).toISOString().slice(0, 10);
      cache.set(t, s);
    }
    return s;
  };
}

/**
 * Stream synthetic person-level register microdata of the demo city to a CSV file: one row per
 * inhabitant at the Stichtag, consistent with the published counts of every Sozialraum
 * (age/sex cells, households, foreigners, SGB II). Columns: pseudonym; geburtsdatum (YYYY-MM-DD);
 * geschlecht (m/w); staatsangehoerigkeit ('deutsch' or ISO code); haushalt (id); sgb2 (0/1);
 * x; y (EPSG:25832, 0.1 m, a building inside the person's Sozialraum). Works area by area and
 * respects the stream's backpressure, so memory stays bounded for a million rows.
 * @returns number of person rows written (without header)
 */
export async function writeMicrodata(city: DemoCity, opts: MicrodataOptions): Promise<{ rows: number }> {
  const date = opts.date ?? city.dates[city.dates.length - 1];
  if (!date || !city.dates.includes(date)) throw new RangeError(`Unknown Stichtag ${String(opts.date)}`);
  const rng = createRng(opts.seed).fork(`microdata/${date}`);
  const counts = countsAt(city, date);
  const personKey = rng.uint32();
  const householdKey = rng.uint32();
  const born = birthDates(date, rng.fork('birth'));

  const out = createWriteStream(opts.path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // observed through the awaits below
  let chunk = `${MICRODATA_HEADER}\n`;
  const flush = async () => {
    if (out.write(chunk)) {
      chunk = '';
      return;
    }
    chunk = '';
    await Promise.race([once(out, 'drain'), failed]);
  };

  let rows = 0;
  let householdSerial = 0;
  const areas = city.areas.filter((a) => a.level === 'sozialraum').sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const area of areas) {
    const c = counts.get(area.key);
    if (!c) continue;
    const persons = synthesiseArea(c, geoJsonToUtm(area.geometry), rng.fork(area.key));
    const { members } = persons.households;
    const order = rng.fork(`${area.key}/order`).shuffle([...members.keys()]);
    for (const h of order) {
      const hhId = `H${pseudonym(householdSerial + h, householdKey)}`;
      const xy = `${(persons.hx[h] ?? 0).toFixed(1)};${(persons.hy[h] ?? 0).toFixed(1)}`;
      for (const p of members[h] ?? []) {
        const nat = persons.nationality[p] ?? 0;
        chunk +=
          `${pseudonym(rows, personKey)};${born(persons.age[p] ?? 0)};${persons.sex[p] ? 'w' : 'm'};` +
          `${nat === 0 ? 'deutsch' : (COUNTRIES[nat - 1]?.[0] ?? 'XX')};${hhId};${persons.sgb2[p] ?? 0};${xy}\n`;
        rows++;
        if (chunk.length >= CHUNK_CHARS) await flush();
      }
    }
    householdSerial += members.length;
  }
  if (chunk.length > 0) await flush();
  out.end();
  await Promise.race([finished(out), failed]);
  return { rows };
}
