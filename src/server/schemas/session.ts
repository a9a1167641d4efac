import { z } from '@hono/zod-openapi';
import { AccountUserSchema } from './accounts.js';

export const SessionSchema = z
  .object({
    token: z.string(),
    version: z.string(),
    accounts: z.boolean().openapi({
      description: 'true: this server has accounts (PostgreSQL), and the API needs a login',
    }),
    user: AccountUserSchema.nullable().openapi({
      description: 'who is logged in; null without a login or on a server without accounts',
    }),
  })
  .openapi('Session');
