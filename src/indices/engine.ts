/**
 * The composite index engine: pure, no I/O. One definition (index.schema.ts) applied to one
 * table of areas × indicators.
 *
 * Steps (OECD/JRC handbook, COINr; Berlin MSS in docs/methods.md §3):
 * 1. validity: manual exclusion list, minimum population;
 * 2. missing values: `exclude_area` drops an area with any missing or secret input;
 *    `available_mean` keeps it when every part has at least one input;
 * 3. direction: x · direction, so that a high standardised value always means "worse";
 * 4. standardisation over the valid areas (z with population or sample SD, min-max, rank);
 * 5. aggregation per part: weighted sum or weighted mean, arithmetic or geometric (inputs
 *    rescaled to 1–100 first, see {@link geometricInputs}); with missing inputs the available
 *    ones count, scaled to the full weight (a sum stays comparable to complete areas);
 * 6. re-standardisation of the aggregate to z (MSS: Status-Summe → Status-Index), with the sample
 *    SD only when the definition standardises with the sample SD;
 * 7. classes by the definition's intervals on the unrounded index; the area code joins the part
 *    codes (`'2' + '' + '-'` → `'2-'`).
 */
import { badRequest } from '../core/errors.ts';
import { classIndex } from './classes.ts';
import type { IndexClass, IndexDefinition } from './index.schema.ts';
import { reasons } from './index.messages.ts';
import { geometricInputs, standardise, zScores } from './standardise.ts';

export interface IndexInput {
  /** Area keys, one per row. */
  ids: readonly string[];
  /** Inhabitants per area for the minimum population; null or NaN = unknown. */
  population?: ArrayLike<number | null> | null;
  /** Values by indicator key, one per area; NaN = missing. */
  values: ReadonlyMap<string, Float64Array>;
  /** Areas whose value of an indicator is secret (Geheimhaltung), for the German reason. */
  secret?: ReadonlyMap<string, Uint8Array>;
  /** German display name per indicator key, for reasons; default: the indicator's code. */
  names?: ReadonlyMap<string, string>;
}

export interface PartComputation {
  key: string;
  label: string;
  classes: IndexClass[];
  /** Aggregate of the standardised indicators (MSS: Status-Summe); NaN for invalid areas. */
  sum: Float64Array;
  /** The value the classes apply to (MSS: Status-Index). */
  index: Float64Array;
  /** Class position per area, -1 for none. */
  classIdx: Int16Array;
}

export interface IndexComputation {
  ids: readonly string[];
  valid: Uint8Array;
  validCount: number;
  invalidReason: (string | null)[];
  /** Standardised value (after direction) per indicator key; NaN where not used. */
  standardised: Map<string, Float64Array>;
  parts: PartComputation[];
  code: (string | null)[];
}

/**
 * Weighted aggregation of the columns of one part, skipping NaN inputs; an area without any input
 * gets NaN. `cols` are standardised values, or their logarithms when `geometric`.
 * @param kind 'sum': Σ wᵢxᵢ (scaled by W / available weight when inputs are missing); 'mean': Σ wᵢxᵢ / Σ wᵢ
 * @param geometric the columns hold ln(x) and the result is the weighted geometric mean exp(Σ wᵢ ln xᵢ / Σ wᵢ)
 * @param complete the caller guarantees that no column has NaN (faster loop)
 */
export function aggregatePart(
  cols: readonly Float64Array[],
  weights: ArrayLike<number>,
  kind: 'sum' | 'mean',
  geometric: boolean,
  out: Float64Array,
  avail: Float64Array = new Float64Array(out.length),
  complete = false,
): Float64Array {
  const n = out.length;
  let total = 0;
  for (let k = 0; k < cols.length; k++) total += weights[k]!;
  out.fill(0);
  if (complete) {
    // no NaN anywhere (the caller checked): the Monte Carlo's hot path
    for (let k = 0; k < cols.length; k++) {
      const w = weights[k]!;
      const col = cols[k]!;
      for (let i = 0; i < n; i++) out[i]! += w * col[i]!;
    }
    if (geometric) for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]! / total);
    else if (kind === 'mean') for (let i = 0; i < n; i++) out[i] = out[i]! / total;
    return out;
  }
  avail.fill(0);
  for (let k = 0; k < cols.length; k++) {
    const w = weights[k]!;
    const col = cols[k]!;
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (v === v) {
        out[i]! += w * v;
        avail[i]! += w;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const a = avail[i]!;
    const s = out[i]!;
    if (a === 0) out[i] = NaN;
    else if (geometric) out[i] = Math.exp(s / a);
    else if (kind === 'mean') out[i] = s / a;
    else out[i] = a === total ? s : (s / a) * total;
  }
  return out;
}

/** Steps 1–2: which areas take part, and why the others do not. */
export function validity(
  def: IndexDefinition,
  input: IndexInput,
): { valid: Uint8Array; reasons: (string | null)[] } {
  const n = input.ids.length;
  const valid = new Uint8Array(n).fill(1);
  const why: (string | null)[] = new Array<string | null>(n).fill(null);
  const excluded = new Set(def.validity.excluded);
  const min = def.validity.minPopulation;
  const name = (key: string, code: string) => input.names?.get(key) ?? code;
  for (let i = 0; i < n; i++) {
    if (excluded.has(input.ids[i]!)) {
      valid[i] = 0;
      why[i] = reasons.excluded;
      continue;
    }
    if (min !== null) {
      const p = input.population?.[i] ?? null;
      if (p === null || p !== p) {
        valid[i] = 0;
        why[i] = reasons.populationUnknown(min);
        continue;
      }
      if (p < min) {
        valid[i] = 0;
        why[i] = reasons.populationSmall(min);
        continue;
      }
    }
    const missing: string[] = [];
    let emptyPart: string | null = null;
    for (const part of def.parts) {
      let available = 0;
      for (const ind of part.indicators) {
        const v = input.values.get(ind.indicator)![i]!;
        if (v === v) available++;
        else {
          const label = name(ind.indicator, ind.code);
          missing.push(input.secret?.get(ind.indicator)?.[i] ? reasons.secretItem(label) : label);
        }
      }
      if (!available && emptyPart === null) emptyPart = part.label;
    }
    if (def.missing === 'exclude_area' && missing.length) {
      valid[i] = 0;
      why[i] = reasons.missing(missing);
    } else if (emptyPart !== null) {
      valid[i] = 0;
      why[i] = reasons.partEmpty(emptyPart);
    }
  }
  return { valid, reasons: why };
}

/** Checks that every indicator of the definition has one value per area. */
function checkInput(def: IndexDefinition, input: IndexInput) {
  for (const part of def.parts)
    for (const ind of part.indicators) {
      const col = input.values.get(ind.indicator);
      if (!col)
        throw badRequest(
          'indices.missing_input',
          `Für den Indikator „${ind.indicator}“ (${ind.code}) fehlen die Werte.`,
          {
            indicator: ind.indicator,
          },
        );
      if (col.length !== input.ids.length)
        throw badRequest(
          'indices.input_length',
          `Der Indikator „${ind.indicator}“ hat nicht für jedes Gebiet einen Wert.`,
        );
    }
}

/** Runs the whole definition on one table of areas; see the module comment for the steps. */
export function computeIndex(def: IndexDefinition, input: IndexInput): IndexComputation {
  checkInput(def, input);
  const n = input.ids.length;
  const { valid, reasons: why } = validity(def, input);
  let validCount = 0;
  for (let i = 0; i < n; i++) validCount += valid[i]!;
  if (validCount < 2) {
    // mean and SD need at least two areas; a single one is reported rather than given z = 0
    for (let i = 0; i < n; i++) {
      if (!valid[i]) continue;
      valid[i] = 0;
      why[i] = reasons.tooFew;
    }
    validCount = 0;
  }
  const sampleSd = def.standardisation === 'z_sample';
  const geometric = def.mean === 'geometric';
  const standardised = new Map<string, Float64Array>();
  const parts: PartComputation[] = [];
  const scratch = new Float64Array(n);
  for (const part of def.parts) {
    const cols: Float64Array[] = [];
    for (const ind of part.indicators) {
      const raw = input.values.get(ind.indicator)!;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = valid[i] ? raw[i]! * ind.direction : NaN;
      const std = standardise(x, def.standardisation);
      standardised.set(ind.indicator, std);
      cols.push(geometric ? geometricInputs(std) : std);
    }
    const sum = aggregatePart(
      cols,
      part.indicators.map((i) => i.weight),
      def.aggregation,
      geometric,
      new Float64Array(n),
      scratch,
    );
    const index = def.restandardise ? zScores(sum, sampleSd) : sum;
    const classIdx = new Int16Array(n);
    for (let i = 0; i < n; i++) classIdx[i] = classIndex(index[i]!, part.classes);
    parts.push({ key: part.key, label: part.label, classes: part.classes, sum, index, classIdx });
  }
  const code = Array.from(input.ids, (_, i) => {
    if (!valid[i]) return null;
    const codes: string[] = [];
    for (const p of parts) {
      const k = p.classIdx[i]!;
      if (k < 0) return null;
      codes.push(p.classes[k]!.code);
    }
    return codes.join(def.codeJoin);
  });
  return { ids: input.ids, valid, validCount, invalidReason: why, standardised, parts, code };
}
