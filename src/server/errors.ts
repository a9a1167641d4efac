import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { KirinukiError } from '../model/index.js';

/** The error codes of the API, one per status it answers with (see docs/api.md). */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'internal'
  | 'upstream';

/** The error body every failed request gets: `{ error: { code, message, field? } }`. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string };
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 502;

const STATUS: Record<ApiErrorCode, ErrorStatus> = {
  bad_request: 400,
  // No login, or a wrong one, on a server with accounts (PostgreSQL).
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // Too many failed logins of one name (LoginThrottle).
  too_many_requests: 429,
  internal: 500,
  // A blog the day is published to refused or failed.
  upstream: 502,
};

/**
 * An expected refusal of a request — bad input, no such entry, a forbidden call — thrown by a
 * route and turned into the error body by the app's error handler. `field` names the request
 * field at fault (`summaryLines.2`, `day`).
 *
 * @example
 * throw new ApiError('not_found', `no entry ${id}`);
 */
export class ApiError extends KirinukiError {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super('server', message);
    this.status = STATUS[code];
  }

  /** The JSON body of this error. */
  body(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

/**
 * The first issue of a failed validation as an `ApiError` naming its field: what the
 * `defaultHook` of the app answers with.
 *
 * @example
 * validationError(zodError, 'json'); // ApiError 400 'server: summaryLines.1: Too small: …'
 */
export function validationError(error: ZodError, target: string): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const where = field === '' ? `the request ${targetName(target)}` : field;
  return new ApiError(
    'bad_request',
    `${where}: ${issue?.message ?? 'invalid'}`,
    field || undefined,
  );
}

function targetName(target: string): string {
  return target === 'json' ? 'body' : target === 'param' ? 'path' : target;
}

/**
 * The error handler of the app: refusals as their error body, the HTTP layer's own refusals
 * (a body that is not JSON) as 400, anything else as a 500 whose message hides nothing the
 * caller needs and leaks nothing it should not (the cause is logged by the caller's `onError`).
 *
 * @example
 * app.onError((e, c) => errorResponse(e, c, console.error));
 */
export function errorResponse(e: unknown, c: Context, log: (e: unknown) => void): Response {
  if (e instanceof ApiError) return c.json(e.body(), e.status);
  if (e instanceof HTTPException) {
    const code: ApiErrorCode =
      e.status === 404 ? 'not_found' : e.status === 403 ? 'forbidden' : 'bad_request';
    const body: ApiErrorBody = { error: { code, message: `server: ${e.message}` } };
    return c.json(body, STATUS[code]);
  }
  log(e);
  const body: ApiErrorBody = {
    error: { code: 'internal', message: 'server: internal error (see the server log)' },
  };
  return c.json(body, 500);
}
