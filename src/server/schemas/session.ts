import { z } from '@hono/zod-openapi';

export const SessionSchema = z
  .object({ token: z.string(), version: z.string() })
  .openapi('Session');
