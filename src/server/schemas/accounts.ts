import { z } from '@hono/zod-openapi';

/** A user as the API shows it: name and role, never a password or its hash. */
export const AccountUserSchema = z
  .object({
    name: z.string(),
    role: z.enum(['curator', 'viewer']).openapi({
      description: 'a curator edits; a viewer reads (403 on every request that changes anything)',
    }),
  })
  .openapi('AccountUser');

export const LoginBody = z
  .object({
    name: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .openapi('Login');

export const LoggedInSchema = z
  .object({
    user: AccountUserSchema,
    expiresAt: z.string().openapi({ description: 'when the login ends, ISO 8601 UTC' }),
  })
  .openapi('LoggedIn');

/** An entry's summary lines and tags at one side of a change. */
const AuditStateSchema = z
  .object({
    summaryLines: z.array(z.string()),
    tags: z.array(z.string()),
    position: z
      .number()
      .int()
      .optional()
      .openapi({ description: "its place in the day's digest order, for a reorder" }),
  })
  .openapi('AuditState');

export const HistorySchema = z
  .object({
    audited: z.boolean().openapi({
      description: 'false: a server without accounts (SQLite) keeps no audit log',
    }),
    records: z.array(
      z.object({
        at: z.string().openapi({ description: 'ISO 8601 UTC' }),
        user: z.string(),
        action: z.enum(['edit', 'accept', 'drop', 'reorder']),
        entryId: z.string(),
        before: AuditStateSchema.nullable(),
        after: AuditStateSchema.nullable().openapi({ description: 'null: the entry was dropped' }),
      }),
    ),
  })
  .openapi('History');
