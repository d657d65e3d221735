/**
 * The atlas's default classification per indicator: as the catalogue delivered it, or as a planner
 * saved it during this visit (PATCH /api/indicators/:key), so that the atlas keeps using the saved
 * one without reloading the whole catalogue.
 */
import type { ClassificationSpec } from '../../classification/classification.schema.ts';
import { DEFAULT_CLASSIFICATION } from '../../classification/defaults.ts';
import type { IndicatorPatchResult } from '../../indicators/indicator.schema.ts';
import { enc, request, type Indicator } from '../api.ts';

/** Defaults saved in this visit, by indicator key (null = the app default). */
const saved = new Map<string, ClassificationSpec | null>();

/** The classification an indicator starts with in the atlas. */
export function defaultClassification(
  indicator: Pick<Indicator, 'key' | 'classification'>,
): ClassificationSpec {
  const stored = saved.has(indicator.key) ? saved.get(indicator.key) : indicator.classification;
  return stored ?? DEFAULT_CLASSIFICATION;
}

/** Stores `spec` as the indicator's default (planners and admins). */
export async function saveDefaultClassification(key: string, spec: ClassificationSpec | null): Promise<void> {
  const result = await request<IndicatorPatchResult>('PATCH', `/api/indicators/${enc(key)}`, {
    classification: spec,
  });
  saved.set(key, result.classification);
}
