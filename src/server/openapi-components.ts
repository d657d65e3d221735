/**
 * The named component schemas of the OpenAPI document: the entities and the parts several
 * operations share. They are registered in zod's global registry under these names, which
 * fastify-type-provider-zod turns into `#/components/schemas/<name>` references (a schema used
 * as a request body gets the suffix `Input`). Query and path schemas stay inline: they become
 * parameters, not schemas.
 */
import type { z } from 'zod';
import { globalRegistry } from 'zod/v4/core';
import { StatTable } from '../analysis/table.schema.ts';
import { DeriveLevelResult } from '../areas/derive/derive.schema.ts';
import { AreaPreview } from '../areas/preview/preview.schema.ts';
import {
  AreaFeatureCollection,
  AreaLevel,
  AreaSummary,
  ImportAreasResult,
  LocateResult,
} from '../areas/area.schema.ts';
import { Role, User, UserAccount } from '../auth/auth.schema.ts';
import { ClassificationSpec } from '../classification/classification.schema.ts';
import {
  Formula,
  Indicator,
  IndicatorCatalogue,
  IndicatorValues,
  Series,
} from '../indicators/indicator.schema.ts';
import { ValueStatus } from '../core/value-status.ts';
import { IndexDefinition, IndexHistory, IndexResult, RobustnessResult } from '../indices/index.schema.ts';
import { Changes, Severity, WarningList, WarningRule } from '../warnings/warning.schema.ts';
import { SumResult, Variable, VariableInfo } from '../observations/variable.routes.ts';
import { AreaProfile, Steckbrief } from '../profile/profile.schema.ts';
import {
  ReportFormat,
  ReportMeta,
  ReportStatus,
  TemplateSummary,
  VerifyResult,
} from '../reports/report-store.schema.ts';
import { ReportTemplate } from '../reports/report.schema.ts';
import { CitySettings } from '../setup/setup.schema.ts';
import { ClustersResult, CompareResult, SimilarResult } from '../typology/typology.schema.ts';
import { AppConfig } from './config.schema.ts';
import { ErrorBody } from '../core/error.schema.ts';

/** Component name → schema. Names are part of the API: clients generate types from them. */
export const COMPONENT_SCHEMAS: Record<string, z.ZodType> = {
  Error: ErrorBody,
  AppConfig,
  Role,
  User,
  UserAccount,
  CitySettings,
  AreaLevel,
  AreaSummary,
  AreaFeatureCollection,
  AreaPreview,
  ImportAreasResult,
  DeriveLevelResult,
  LocateResult,
  Variable,
  VariableInfo,
  SumResult,
  ValueStatus,
  Formula,
  ClassificationSpec,
  Indicator,
  IndicatorCatalogue,
  IndicatorValues,
  Series,
  AreaProfile,
  Steckbrief,
  StatTable,
  IndexDefinition,
  IndexResult,
  RobustnessResult,
  IndexHistory,
  Severity,
  WarningRule,
  WarningList,
  Changes,
  ClustersResult,
  SimilarResult,
  CompareResult,
  ReportFormat,
  ReportStatus,
  ReportTemplate,
  TemplateSummary,
  ReportMeta,
  VerifyResult,
};

/** Gives each component schema its name in the global registry (keeping its description); idempotent. */
export function registerComponentSchemas(): void {
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) {
    const meta = globalRegistry.get(schema);
    if (meta?.id === id) continue;
    globalRegistry.add(schema, { ...meta, id });
  }
}
