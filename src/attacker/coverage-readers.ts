/**
 * Readers of published coverage (`/api/coverage`, its CSV export): every row's demand is
 * factor × Σ of the norm's count variables at the population Stichtag, of the area itself or, for
 * a `district` catchment, of its ancestor on that level. Rate and balance tie the demand to the
 * published supply as well: demand = 100 · supply / rate and demand = supply − balance, each an
 * interval from the printed roundings.
 */
import type { FactSink, Printed } from './facts.ts';
import { nodeKey } from './frame.ts';
import { countKey, parseCsvNumber, publishedInterval, type Form, type PublicNorm } from './model.ts';
import type { ReadContext, Reader } from './readers.ts';
import { arr, num, obj, str } from './visitor.ts';

interface Row {
  node: string;
  date: string;
  supply: Printed | null;
  demand: Printed | null;
  rate: Printed | null;
  balance: Printed | null;
}

/** The node whose counts make a row's demand: the area, or its ancestor on the district level. */
function demandNode(sink: FactSink, node: string, norm: PublicNorm): string | null {
  if (!norm.districtLevel) return node;
  for (let n: string | null = node; n; n = sink.frame.nodes.get(n)?.parent ?? null)
    if (sink.frame.nodes.get(n)?.level === norm.districtLevel) return n;
  return null;
}

/** The latest Stichtag with data on or before `date`, as coverage takes its population. */
function populationDate(sink: FactSink, date: string): string | null {
  let found: string | null = null;
  for (const d of sink.frame.dates) if (d <= date) found = d;
  return found;
}

/** Adds the facts of one published row. */
function rowFacts(sink: FactSink, row: Row, norm: PublicNorm, popDate: string, where: string) {
  const node = demandNode(sink, row.node, norm);
  if (!node) return;
  const form: Form = new Map();
  norm.demand.forEach((v, i) => {
    const k = countKey(v, node, popDate);
    form.set(k, (form.get(k) ?? 0) + norm.factor * (norm.weights?.[i] ?? 1));
  });
  if (row.demand) {
    sink.read++;
    sink.add(form, row.demand, where);
  }
  if (!row.supply) return;
  const [sLo, sHi] = publishedInterval(row.supply.value, row.supply.text);
  if (row.rate) {
    sink.read++;
    const [rLo, rHi] = publishedInterval(row.rate.value, row.rate.text);
    if (rHi > 0)
      sink.addInterval(form, (100 * Math.max(0, sLo)) / rHi, rLo > 0 ? (100 * sHi) / rLo : Infinity, where);
  }
  if (row.balance) {
    sink.read++;
    const [bLo, bHi] = publishedInterval(row.balance.value, row.balance.text);
    sink.addInterval(form, sLo - bHi, sHi - bLo, where);
  }
}

const printedJson = (x: unknown): Printed | null => {
  const v = num(x);
  return v === null ? null : { value: v };
};

/** `/api/coverage`: rows of the level, the parent level and the city, each with its Stichtag. */
export const readCoverage: Reader = (ctx: ReadContext) => {
  const { sink } = ctx;
  const body = obj(JSON.parse(ctx.body));
  const versions = sink.frame.norms?.get(str(obj(body.norm).key));
  if (!versions) return;
  const byDate = new Map<string, { popDate: string; norm: PublicNorm }>();
  for (const s of arr(body.stichtage).map(obj)) {
    const v = obj(s.version);
    const popDate = str(s.populationDate);
    const id = num(v.id);
    if (id === null || !popDate) continue;
    const c = obj(v.catchment);
    byDate.set(str(s.date), {
      popDate,
      norm: {
        key: '',
        demand: arr(v.demand).map(str),
        weights: arr(v.weights).map((w) => num(w) ?? 1),
        factor: num(v.factor) ?? 0,
        districtLevel: c.kind === 'district' ? str(c.level) : null,
        validFrom: null,
        validTo: null,
      },
    });
  }
  const level = str(body.level);
  const parentLevel = str(body.parentLevel);
  const read = (rows: unknown, nodeOf: (area: string) => string | null) => {
    for (const r of arr(rows).map(obj)) {
      const node = nodeOf(str(r.area));
      const at = byDate.get(str(r.date));
      if (!node || !at || !sink.frame.nodes.has(node)) continue;
      rowFacts(
        sink,
        {
          node,
          date: str(r.date),
          supply: printedJson(r.supply),
          demand: printedJson(r.demand),
          rate: printedJson(r.rate),
          balance: printedJson(r.balance),
        },
        at.norm,
        at.popDate,
        ctx.url,
      );
    }
  };
  read(body.rows, (a) => nodeKey(level, a));
  // a parent row carries its own level where the hierarchy is ragged (a Sozialraum in one Gemeinde)
  for (const r of arr(body.parents).map(obj)) {
    const own = typeof r.level === 'string' ? r.level : parentLevel;
    read([r], (a) => (own ? nodeKey(own, a) : null));
  }
  read(body.city, () => sink.frame.root);
};

/**
 * Adds the facts of one CSV row of `node` at `date` (German numbers, `·` and `–` unknown) with the
 * norm version valid then.
 */
function csvRowFacts(
  ctx: ReadContext,
  node: string | null,
  date: string,
  cells: { supply: string; demand: string; rate: string; balance: string },
) {
  const { sink } = ctx;
  const versions = sink.frame.norms?.get(ctx.params.norm ?? '');
  const norm = versions?.find(
    (v) => (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || v.validTo > date),
  );
  const popDate = populationDate(sink, date);
  if (!node || !norm || !popDate || !sink.frame.nodes.has(node)) return;
  rowFacts(
    sink,
    {
      node,
      date,
      supply: parseCsvNumber(cells.supply),
      demand: parseCsvNumber(cells.demand),
      rate: parseCsvNumber(cells.rate),
      balance: parseCsvNumber(cells.balance),
    },
    norm,
    popDate,
    ctx.url,
  );
}

/** The lines of a CSV body after its header. */
const dataLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim());

/** The CSV export: `Gebietsschlüssel;Gebiet;Ebene;Stichtag;Versorgung;Bedarf;Quote;Saldo;Status;…`. */
export const readCoverageCsv: Reader = (ctx: ReadContext) => {
  const levelByName = new Map(ctx.sink.frame.levels.map((l) => [l.name, l.key]));
  for (const line of dataLines(ctx.body)) {
    const [key = '', , levelName = '', date = '', supply = '', demand = '', rate = '', balance = ''] =
      line.split(';');
    const level = levelByName.get(levelName);
    const node = levelName === 'Gesamtstadt' ? ctx.sink.frame.root : level ? nodeKey(level, key) : null;
    csvRowFacts(ctx, node, date, { supply, demand, rate, balance });
  }
};

/**
 * `/api/planning/ranking`: the norm's coverage row of every area of the level beside its rank,
 * points and reason — the same facts as `/api/coverage` (the ranks, points and reasons are
 * computed from those rows, the index and public facility positions).
 */
export const readRanking: Reader = (ctx: ReadContext) => {
  const { sink } = ctx;
  const body = obj(JSON.parse(ctx.body));
  const versions = sink.frame.norms?.get(str(obj(body.norm).key));
  const date = str(body.date);
  const popDate = str(body.populationDate);
  const norm = versions?.find(
    (v) => (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || v.validTo > date),
  );
  if (!norm || !popDate) return;
  const level = str(body.level);
  for (const r of arr(body.rows).map(obj)) {
    const node = nodeKey(level, str(r.area));
    if (!sink.frame.nodes.has(node)) continue;
    const c = obj(r.coverage);
    rowFacts(
      sink,
      {
        node,
        date,
        supply: printedJson(c.supply),
        demand: printedJson(c.demand),
        rate: printedJson(c.rate),
        balance: printedJson(c.balance),
      },
      norm,
      popDate,
      ctx.url,
    );
  }
};

/**
 * The ranking's CSV export: `Rang;Gebietsschlüssel;Gebiet;Übergeordnetes Gebiet;Stichtag;Punkte;
 * Bedarfsmerkmale;Versorgung;Bedarf;Quote;Saldo;Fehlend;…` for the areas of the level asked for.
 * Fehlend is −Saldo where negative, a fact the balance already gives.
 */
export const readRankingCsv: Reader = (ctx: ReadContext) => {
  const level = ctx.params.level ?? '';
  for (const line of dataLines(ctx.body)) {
    const [, key = '', , , date = '', , , supply = '', demand = '', rate = '', balance = ''] =
      line.split(';');
    csvRowFacts(ctx, nodeKey(level, key), date, { supply, demand, rate, balance });
  }
};
