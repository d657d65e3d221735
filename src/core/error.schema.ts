import { z } from 'zod';

/** Body of every error response (see server/error-handler.ts). */
export const ErrorBody = z.object({
  code: z.string().describe('Stable machine-readable code, e.g. `import.unknown_crs`'),
  message: z.string().describe('German message for people'),
  details: z.record(z.string(), z.unknown()).optional(),
});
