/**
 * Types of the composite index API, from the server's zod schemas (type imports only, so zod
 * stays out of the browser bundle).
 */
export type {
  IndexClass,
  IndexDefinition,
  IndexIndicator,
  IndexPart,
  IndexResult,
  RobustnessResult,
} from '../../indices/index.schema.ts';
