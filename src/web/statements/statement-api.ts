/**
 * Typed calls of the statement routes (src/statements/statement.routes.ts): stored statements on
 * land-use plans, their computation, their documents and the occupancy profiles they use. Types
 * come from the server's zod schemas (type imports only).
 */
import type {
  CreateStatementBody,
  Statement,
  StatementResult,
  StatementSummary,
} from '../../statements/statement.schema.ts';
import type { OccupancyProfile } from '../../statements/occupancy.schema.ts';
import { q, request } from '../api.ts';

export type { CreateStatementBody, OccupancyProfile, Statement, StatementResult, StatementSummary };

export const statementApi = {
  list: () => request<StatementSummary[]>('GET', '/api/statements'),
  profiles: () => request<OccupancyProfile[]>('GET', '/api/occupancy-profiles'),
  /** Computes without storing: the preview before a statement is saved. */
  compute: (body: CreateStatementBody) => request<StatementResult>('POST', '/api/statements/compute', body),
  create: (body: CreateStatementBody) => request<Statement>('POST', '/api/statements', body),
  result: (id: number) => request<StatementResult>('GET', `/api/statements/${id}/result`),
  remove: (id: number) => request<undefined>('DELETE', `/api/statements/${id}`),
};

/** The document of a stored statement, downloaded by the browser itself. */
export const statementDocument = (id: number, format: 'pdf' | 'docx') =>
  `/api/statements/${id}/document?${q({ format })}`;
